import FuzzSupport
import PoTAgents
import PoTCore

/// The dataset every checkpoint is replayed and run on: the seed agent's.
let dataset = try! SeedAgents.dataset()

/// The runs whose checkpoints the first input byte picks (modulo their count + 1: 0 picks a
/// dataset, i + 1 a checkpoint of run i): the seed agent's claim with each of these models, on
/// its dataset and from its seed. New ones go at the end, so that the corpus keeps its meaning.
let runs = [
    ModelSpec(kind: .softmax, features: 4, classes: 3, hidden: 0),
    ModelSpec(kind: .perceptron, features: 4, classes: 3, hidden: 6),
    ModelSpec(kind: .perceptron, features: 4, classes: 3, hidden: 1),
].map { TrainingRun(claim: SeedAgents.claim($0, on: dataset), seed: SeedAgents.seed) }

/// Re-executes the segment `start` begins, whichever segment of a claim that is, and runs its
/// model on every row. A provider commits to any weights it likes and a fraud proof carries
/// them, so any must give some checkpoint and some class, never a crash.
func replay(_ run: TrainingRun, from start: Checkpoint) {
    let claim = run.claim
    let segment = start.step / claim.interval
    guard segment < UInt64(AgentLimits.maxCheckpoints - 1) else { return }
    let outcome = run.replay(segment: segment, from: start) { dataset.row($0) }
    expect((outcome != nil) == (start.step % claim.interval == 0), "checkpoint at step \(start.step): replay gave \(outcome == nil ? "nothing" : "an outcome")")
    if let outcome {
        expect(outcome.checkpoint.step == start.step + claim.interval && outcome.loss <= UInt64(FixedPoint.maxLoss),
               "checkpoint at step \(start.step): replay ended at step \(outcome.checkpoint.step) with a loss of \(outcome.loss)")
    }
    for row in 0..<dataset.rows {
        let (label, probabilities) = TrainingRun.predict(claim.model, weights: start.weights, input: dataset.row(row).features)
        expect(label < claim.model.classes && probabilities.allSatisfy { (0...FixedPoint.one).contains($0) },
               "checkpoint: predicted class \(label) with probabilities \(probabilities)")
    }
}

/// Trains a segment of each kind of model on an accepted dataset: a provider's rows are
/// anyone's numbers too. (Replay reads neither the claim's dataset blob nor its root.)
func train(on data: Dataset) {
    for model in [ModelSpec(kind: .softmax, features: data.features, classes: data.classes, hidden: 0),
                  ModelSpec(kind: .perceptron, features: data.features, classes: data.classes, hidden: 3)] {
        var claim = runs[0].claim
        claim.model = model
        claim.rows = UInt64(data.rows)
        let run = TrainingRun(claim: claim, seed: SeedAgents.seed)
        expect(run.replay(segment: 0, from: run.initialCheckpoint()) { data.row($0) } != nil, "dataset: a segment of \(model.description) did not run")
    }
}

/// Dataset and checkpoint blobs, of the kind the first byte picks: refused, or canonical; and
/// what is accepted trains and predicts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    guard let first = input.first else { return 0 }
    let blob = Array(input.dropFirst())
    let pick = Int(first) % (runs.count + 1)
    if pick == 0 {
        if let data = expectCanonical(blob, what: "dataset", decode: { try Dataset(encoded: $0) }, encode: { $0.encoded() }) { train(on: data) }
    } else {
        let run = runs[pick - 1]
        if let start = expectCanonical(blob, what: "checkpoint", decode: { try Checkpoint(encoded: $0, parameters: run.claim.model.parameterCount) },
                                       encode: { $0.encoded() }) {
            replay(run, from: start)
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        // An imported table, whose dataset also records how each feature was scaled.
        let imported = try DatasetImport.dataset(header: ["length", "weight", "kind"],
                                                 rows: [["1.5", "-2", "cat"], ["0.25", "3.125", "dog"], ["2", "1.2e-3", "cat"], ["0", "7", "dog"]],
                                                 label: "kind", source: "seed table")
        var seeds = [(name: "0-dataset-synthetic", bytes: [0] + dataset.encoded()), (name: "0-dataset-imported", bytes: [0] + imported.encoded())]
        for (i, run) in runs.enumerated() {
            let log = try TrainingLog(run: run, dataset: dataset)
            for checkpoint in [log.checkpoints[0], log.checkpoints[1], log.checkpoints[log.checkpoints.count - 1]] {
                seeds.append((name: "\(i + 1)-checkpoint-step-\(checkpoint.step)", bytes: [UInt8(i + 1)] + checkpoint.encoded()))
            }
        }
        return seeds
    }
    return 0
}
