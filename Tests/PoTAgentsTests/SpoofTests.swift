import Foundation
import PoTAgents
import PoTCore
import Testing

/// Spoofed proofs of training, each caught by re-executing segments.
@Suite("Spoofed proofs of training")
struct SpoofTests {
    static let dataset = Fixtures.dataset(rows: 160, features: 5, classes: 3)
    static let claim = Fixtures.claim(dataset, kind: .softmax, batch: 4, interval: 3, segments: 32)
    static let run = TrainingRun(claim: claim, seed: Fixtures.seed)
    static let honest = try! TrainingLog(run: run, dataset: dataset)
    var honest: TrainingLog { Self.honest }

    /// The segments of `log` that fail when re-executed, each by a real replay.
    static func failing(_ log: TrainingLog, run: TrainingRun = run) -> Set<Int> {
        Set(ProofAudit.failures(Array(0..<log.losses.count), run: run, log: log) { dataset.row($0) }.map(\.segment))
    }

    /// A log whose checkpoints are `checkpoints`, with the distances they imply and `losses`.
    static func log(_ checkpoints: [Checkpoint], losses: [UInt64]) -> TrainingLog {
        TrainingLog(checkpoints: checkpoints, losses: losses, distances: zip(checkpoints, checkpoints.dropFirst()).map { $0.distance(to: $1) })
    }

    @Test("AGENT-SPOOF: interpolated checkpoints between the seed's start and a trained model fail in every segment")
    func interpolated() {
        let start = honest.checkpoints[0], end = honest.checkpoints.last!
        let m = honest.losses.count
        let checkpoints = (0...m).map { i in
            Checkpoint(step: UInt64(i) * Self.claim.interval, weights: Self.between(start.weights, end.weights, i, of: m),
                       velocity: i == m ? end.velocity : Array(repeating: 0, count: start.velocity.count))
        }
        #expect(Self.failing(Self.log(checkpoints, losses: honest.losses)) == Set(0..<m))
    }

    @Test("AGENT-SPOOF: a run in another data order than the seed's fails in every segment, though it starts at the seed's checkpoint 0")
    func otherDataOrder() throws {
        let other = TrainingRun(claim: Self.claim, seed: Fixtures.otherSeed)
        var checkpoints = [honest.checkpoints[0]], losses: [UInt64] = []
        for segment in 0..<honest.losses.count {
            var start = checkpoints[segment]
            start.step = UInt64(segment) * Self.claim.interval
            let outcome = try #require(other.replay(segment: UInt64(segment), from: start) { Self.dataset.row($0) })
            checkpoints.append(outcome.checkpoint)
            losses.append(outcome.loss)
        }
        let failing = Self.failing(Self.log(checkpoints, losses: losses))
        #expect(failing.count == honest.losses.count, "failing \(failing.sorted())")
    }

    @Test("AGENT-SPOOF: final weights copied from another agent behind an honest-looking path are caught by the largest-update selection")
    func copiedWeights() throws {
        let donor = try TrainingLog(run: TrainingRun(claim: Self.claim, seed: Fixtures.otherSeed), dataset: Self.dataset).checkpoints.last!
        let m = honest.losses.count
        // Honest until the last segment, which lands on the donor's weights.
        var checkpoints = Array(honest.checkpoints.prefix(m))
        checkpoints.append(Checkpoint(step: honest.checkpoints[m].step, weights: donor.weights, velocity: donor.velocity))
        let spoof = Self.log(checkpoints, losses: honest.losses)
        #expect(Self.failing(spoof) == [m - 1])
        for trial in 0..<50 {
            let selected = SegmentSelection.select(distances: spoof.distances, top: 2, random: 3, seed: DomainHash.sha256([UInt8(trial)]))
            #expect(selected.contains(m - 1), "trial \(trial): \(selected)")
        }
        // Spreading the jump over the last 8 segments makes each step smaller, and fabricates 8.
        let from = honest.checkpoints[m - 8]
        var smooth = Array(honest.checkpoints.prefix(m - 7))
        for i in 1...8 {
            smooth.append(Checkpoint(step: honest.checkpoints[m - 8 + i].step, weights: Self.between(from.weights, donor.weights, i, of: 8),
                                     velocity: donor.velocity))
        }
        #expect(Self.failing(Self.log(smooth, losses: honest.losses)) == Set((m - 8)..<m))
    }

    /// The weights i/n of the way from `a` to `b`.
    static func between(_ a: [Int32], _ b: [Int32], _ i: Int, of n: Int) -> [Int32] {
        zip(a, b).map { x, y in
            let from = Int64(x), to = Int64(y)
            return Int32(from + (to - from) * Int64(i) / Int64(n))
        }
    }

    /// 1 − C(m − f, n)/C(m, n).
    static func expectedDetection(m: Int, f: Int, n: Int) -> Double {
        var miss = 1.0
        for i in 0..<n {
            let kept = Double(max(0, m - f - i)), all = Double(m - i)
            miss *= kept / all
        }
        return 1 - miss
    }

    /// The share of `trials` selections (each from its own block id) that pick a failing segment.
    static func detectionRate(_ log: TrainingLog, failing: Set<Int>, top: Int, random: Int, trials: Int) -> Double {
        let caught = (0..<trials).filter { trial in
            let seed = DomainHash.sha256(Array("selection \(trial)".utf8))
            return !failing.isDisjoint(with: SegmentSelection.select(distances: log.distances, top: top, random: random, seed: seed))
        }
        return Double(caught.count) / Double(trials)
    }

    @Test("AGENT-SPOOF: with f of m = 32 segments fabricated, 1 000 random selections of 5 catch the proof at 1 − C(m−f, 5)/C(m, 5)")
    func detectionMatchesTheFormula() {
        let m = honest.losses.count, trials = 1_000
        var stream = SeedStream(seed: Fixtures.seed, purpose: "fabricated")
        let positions = stream.permutation(m)
        var table: [String] = ["f | expected | random 5 | Q=2 + R=3"]
        for f in [1, 2, 4, 8] {
            let fabricated = Set(positions.prefix(f))
            let spoof = Spoofs.fabricated(Self.run, dataset: Self.dataset, segments: fabricated)
            let failing = Self.failing(spoof)
            #expect(failing == fabricated)
            let expected = Self.expectedDetection(m: m, f: f, n: 5)
            let random = Self.detectionRate(spoof, failing: failing, top: 0, random: 5, trials: trials)
            let chain = Self.detectionRate(spoof, failing: failing, top: 2, random: 3, trials: trials)
            let sigma = (expected * (1 - expected) / Double(trials)).squareRoot()
            #expect(abs(random - expected) <= 3 * sigma, "f = \(f): measured \(random), expected \(expected)")
            table.append(String(format: "%d | %.3f | %.3f | %.3f", f, expected, random, chain))
        }
        print(table.joined(separator: "\n"))
    }
}
