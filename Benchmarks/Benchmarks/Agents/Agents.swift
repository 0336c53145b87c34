import Benchmark
import Foundation
import PoTAgents
import PoTAgentsHost
import PoTCore

// The agents module (system 003):
//
//   agents.train.fixed       200 steps of an mlp 30→16→2 on 569 rows × 30 features, batch 16,
//                            in Q16.16 integers (TrainingLog: all 20 segments, every checkpoint kept)
//   agents.train.float       the same steps in Float (same initialisation, data order, optimiser)
//   agents.verify.selected   re-executing the Q + R = 5 selected segments of that run and
//                            comparing each with the committed checkpoint (ProofAudit)
//   agents.fraud.check       what the chain does with one fraud proof at the largest size a
//                            registration allows: decode it, check both checkpoint paths and
//                            1 792 row paths, re-execute the segment (AgentsAdmission.fraud)
//   agents.route.10|1k|100k  AgentRouter.route over 10, 1 000 and 100 000 verified agents
//
// scripts/bench.sh reports the training ratio, verification as a share of training, the fraud
// check in ms and routing against 50 ms and against n log n.

let trainingSeed = DomainHash.sha256(Array("bench".utf8))
let benchDataset = try! SyntheticDataset.make(rows: 569, features: 30, classes: 2, seed: trainingSeed)

func claim(_ dataset: Dataset, batch: UInt64, interval: UInt64, segments: UInt64) -> TrainingClaim {
    TrainingClaim(datasetBlob: Array(repeating: 1, count: 20), datasetRoot: dataset.root(), rows: UInt64(dataset.rows),
                  model: ModelSpec(kind: .perceptron, features: dataset.features, classes: dataset.classes, hidden: 16),
                  learningRate: 3_277, momentum: 58_982, batchSize: batch, interval: interval, steps: interval * segments,
                  labelColumn: "class", evaluationPpm: 200_000)
}

let trainingRun = TrainingRun(claim: claim(benchDataset, batch: 16, interval: 10, segments: 20), seed: trainingSeed)
nonisolated(unsafe) var trainingLog: TrainingLog?
nonisolated(unsafe) var floatBatches: [[([Float], Int)]] = []
nonisolated(unsafe) var fraudCheck: (() -> Bool)?
nonisolated(unsafe) var routed: [Int: [Agent]] = [:]

let benchmarks: @Sendable () -> Void = {
    let config = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal], timeUnits: .microseconds, warmupIterations: 2,
                                         scalingFactor: .one, maxDuration: .seconds(20), maxIterations: 30)

    Benchmark("agents.train.fixed", configuration: config) { benchmark in
        let log = try! TrainingLog(run: trainingRun, dataset: benchDataset)
        blackHole(log.checkpoints.count)
    }

    var float = config
    float.setup = {
        floatBatches = (0..<trainingRun.claim.segments).flatMap { trainingRun.batches(ofSegment: $0) }.map { batch in
            batch.map { index in (benchDataset.row(index).features.map { Float($0) / 65_536 }, Int(benchDataset.labels[index])) }
        }
    }
    Benchmark("agents.train.float", configuration: float) { benchmark in
        var training = FloatTraining(trainingRun)
        var loss: Float = 0
        for batch in floatBatches { loss = training.step(batch) }
        blackHole(loss)
    }

    var verify = config
    verify.setup = { trainingLog = try TrainingLog(run: trainingRun, dataset: benchDataset) }
    Benchmark("agents.verify.selected", configuration: verify) { benchmark in
        let log = trainingLog!
        let selected = SegmentSelection.select(distances: log.distances, top: 2, random: 3, seed: trainingSeed)
        let failures = ProofAudit.failures(selected, run: trainingRun, log: log) { benchDataset.row($0) }
        if !failures.isEmpty { benchmark.error("an honest segment failed: \(failures)") }
    }

    var fraud = config
    fraud.setup = { fraudCheck = try FraudFixture.make() }
    Benchmark("agents.fraud.check", configuration: fraud) { benchmark in
        if fraudCheck!() == false { benchmark.error("the fraud proof was not proven") }
    }

    for count in [10, 1_000, 100_000] {
        var route = config
        route.setup = { routed[count] = RouteFixture.agents(count) }
        Benchmark("agents.route.\(count == 10 ? "10" : count == 1_000 ? "1k" : "100k")", configuration: route) { benchmark in
            let ranked = AgentRouter.route(routed[count]!, needs: ["vision", "text", "tabular"], top: 5)
            if ranked.isEmpty || ranked.count > 10 { benchmark.error("ranked \(ranked.count)") }
            blackHole(ranked)
        }
    }
}
