import PoTAgents
import PoTCore
import Testing

@Suite("Deterministic training")
struct TrainingTests {
    @Test("AGENT-TRAIN: the same claim and seed give the same checkpoints, and both models learn")
    func trainingIsExactAndLearns() throws {
        let dataset = Fixtures.dataset()
        for kind in ModelSpec.Kind.allCases {
            let claim = Fixtures.claim(dataset, kind: kind)
            let run = TrainingRun(claim: claim, seed: Fixtures.seed)
            let first = try TrainingLog(run: run, dataset: dataset)
            let second = try TrainingLog(run: TrainingRun(claim: claim, seed: Fixtures.seed), dataset: dataset)
            #expect(first.checkpoints == second.checkpoints)
            #expect(first.root == second.root)
            #expect(first.checkpoints.count == 13)
            #expect(first.losses.last! < first.losses.first!, "\(kind): loss \(first.losses)")
            let accuracy = ModelEvaluation.accuracyPpm(claim.model, weights: first.checkpoints.last!.weights, dataset: dataset, rows: run.evaluationRows)
            #expect(accuracy > 800_000, "\(kind): held-out accuracy \(accuracy) ppm")
        }
    }

    @Test("AGENT-SEED: another seed gives another initialisation, another split and another order")
    func seedDecidesEverything() {
        let dataset = Fixtures.dataset()
        let claim = Fixtures.claim(dataset)
        let a = TrainingRun(claim: claim, seed: Fixtures.seed), b = TrainingRun(claim: claim, seed: Fixtures.otherSeed)
        #expect(a.initialCheckpoint() != b.initialCheckpoint())
        #expect(a.evaluationRows != b.evaluationRows)
        #expect(a.batches(ofSegment: 0) != b.batches(ofSegment: 0))
        #expect(Set(a.trainingRows).isDisjoint(with: a.evaluationRows))
        #expect(a.trainingRows.count + a.evaluationRows.count == dataset.rows)
        #expect(a.evaluationRows.count == 40)
        #expect(a.batches(ofSegment: 3).joined().allSatisfy { !a.evaluationRows.contains($0) })
    }

    @Test("AGENT-TRAIN: a segment replayed from its checkpoint alone, with only its rows, gives the next checkpoint")
    func segmentsReplayAlone() throws {
        let dataset = Fixtures.dataset()
        let run = TrainingRun(claim: Fixtures.claim(dataset), seed: Fixtures.seed)
        let log = try TrainingLog(run: run, dataset: dataset)
        for segment in [0, 5, 11] as [UInt64] {
            let rows = Set(run.rows(ofSegment: segment))
            let outcome = run.replay(segment: segment, from: log.checkpoints[Int(segment)]) { rows.contains($0) ? dataset.row($0) : nil }
            #expect(outcome?.checkpoint == log.checkpoints[Int(segment) + 1])
            #expect(outcome?.loss == log.losses[Int(segment)])
            #expect(outcome?.distance == log.distances[Int(segment)])
            #expect(run.replay(segment: segment, from: log.checkpoints[Int(segment)]) { $0 == rows.min()! ? nil : dataset.row($0) } == nil)
        }
    }

    @Test("AGENT-TRAIN: a change to one weight of one checkpoint is caught by re-executing its segment")
    func oneWeightChangedIsCaught() throws {
        let dataset = Fixtures.dataset()
        let run = TrainingRun(claim: Fixtures.claim(dataset), seed: Fixtures.seed)
        let log = try TrainingLog(run: run, dataset: dataset)
        for (segment, weight) in [(0, 0), (4, 17), (11, 82)] {
            var forged = log.checkpoints[segment + 1]
            forged.weights[weight] &+= 1
            let replayed = run.replay(segment: UInt64(segment), from: log.checkpoints[segment]) { dataset.row($0) }
            #expect(replayed?.checkpoint.hash != forged.hash)
        }
    }

    @Test("AGENT-DATASET: a dataset's encoding reads back to the same rows and root, and bad blobs are refused")
    func datasetEncoding() throws {
        let dataset = Fixtures.dataset(rows: 50)
        let decoded = try Dataset(encoded: dataset.encoded())
        #expect(decoded == dataset)
        #expect(decoded.root() == dataset.root())
        var truncated = dataset.encoded()
        truncated.removeLast()
        #expect(throws: (any Error).self) { try Dataset(encoded: truncated) }
        var badLabel = dataset
        badLabel.labels[3] = 9
        #expect(throws: (any Error).self) { try Dataset(encoded: badLabel.encoded()) }
    }
}
