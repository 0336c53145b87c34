import BenchSupport
import Benchmark
import Dispatch
import Foundation
import PoTCore
import PoTStore

// Replay of a chain of 1 001 blocks whose blocks 2…1 001 carry 100 votes each (100 members,
// K = 2): 100 000 vote signatures, plus 1 001 header signatures.
//
//   replay.paired   one iteration measures, in this order:
//                     the first half of the vote signatures on every core, then on one thread,
//                     ChainStore.replayFromGenesis() (loads, checks and applies every block;
//                       signatures are verified on all cores by SignatureBatch),
//                     the second half on one thread, then on every core.
//                   "One thread" is PublicKey.verifies over the precomputed vote ids, one after
//                   the other; "every core" is the same in chunks of 100 handed out as cores free
//                   up, with nothing else to do. Each baseline's halves bracket the replay, so a
//                   machine whose speed drifts during the iteration moves both sides alike.
//
// Each iteration records the three times and the ratios taken within it (× 1000, from the
// times in microseconds);
// scripts/bench.sh reports their medians: replay / one thread (the goal), every core / one thread
// (how far the machine's cores scale together) and replay / every core (how much of that the
// replay reaches).

let replayBlocks = 1_001
let replayMembers = 100
let replayVotes = (replayBlocks - 1) * replayMembers

var replayDirectory: String { BenchPaths.fixtures + "/replay-\(replayBlocks)x\(replayMembers)" }

nonisolated(unsafe) var replayStore: ChainStore?
nonisolated(unsafe) var voteWork: [(PublicKey, [UInt8], Hash256)] = []

/// The custom metrics of `replay.paired`: times in hundredths of a second, and ratios × 1000.
/// (The tool shows a metric whose mean reaches 10 000 in thousands, so neither unit may grow.)
enum ReplayMetric {
    static let replay = BenchmarkMetric.custom("replay_cs", useScalingFactor: false)
    static let oneThread = BenchmarkMetric.custom("verify_one_thread_cs", useScalingFactor: false)
    static let everyCore = BenchmarkMetric.custom("verify_every_core_cs", useScalingFactor: false)
    static let replayOverOne = BenchmarkMetric.custom("replay_over_one_thread_x1000", polarity: .prefersLarger, useScalingFactor: false)
    static let everyOverOne = BenchmarkMetric.custom("every_core_over_one_thread_x1000", polarity: .prefersLarger, useScalingFactor: false)
    static let replayOverEvery = BenchmarkMetric.custom("replay_over_every_core_x1000", polarity: .prefersLarger, useScalingFactor: false)
    static let all = [replay, oneThread, everyCore, replayOverOne, everyOverOne, replayOverEvery]
}

/// Microseconds `body` takes.
func microseconds(_ body: () throws -> Void) rethrows -> Int {
    Int(try ContinuousClock().measure(body) / .microseconds(1))
}

/// How many of the votes in `range` carry a valid signature, checked one after the other on this thread.
func verifyOnOneThread(_ range: Range<Int>) -> Int {
    var valid = 0
    for (key, signature, digest) in voteWork[range] where key.verifies(signature, over: digest) { valid += 1 }
    return valid
}

/// The same on every core, in chunks of 100 handed out as cores free up.
func verifyOnEveryCore(_ range: Range<Int>) -> Int {
    let chunk = 100, chunks = (range.count + chunk - 1) / chunk
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: chunks)
    counts.initialize(repeating: 0)
    defer { counts.deallocate() }
    nonisolated(unsafe) let output = counts
    DispatchQueue.concurrentPerform(iterations: chunks) { index in
        let start = range.lowerBound + index * chunk
        output[index] = verifyOnOneThread(start..<min(start + chunk, range.upperBound))
    }
    return counts.reduce(0, +)
}

let benchmarks: @Sendable () -> Void = {
    var paired = Benchmark.Configuration(
        metrics: ReplayMetric.all,
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(400),
        maxIterations: 7)
    paired.setup = {
        let store = try ChainFixture.build(at: replayDirectory, blocks: replayBlocks, members: replayMembers, withVotes: true)
        replayStore = try ChainStore.open(at: store.git.workDirectory ?? replayDirectory)
        var work: [(PublicKey, [UInt8], Hash256)] = []
        work.reserveCapacity(replayVotes)
        for height in 1...UInt64(replayBlocks) {
            guard let id = try store.blockIds(at: height).first else { throw BenchFailure("no block at height \(height)") }
            for vote in try store.loadBlock(height: height, id: id).payload.votes {
                work.append((vote.vote.voter, vote.signature, vote.id(chain: store.chainId)))
            }
        }
        guard work.count == replayVotes else { throw BenchFailure("found \(work.count) votes, expected \(replayVotes)") }
        voteWork = work
    }
    paired.teardown = {
        replayStore = nil
        voteWork = []
    }
    Benchmark("replay.paired", configuration: paired) { benchmark in
        let firstHalf = 0..<(replayVotes / 2), secondHalf = (replayVotes / 2)..<replayVotes
        var valid = (one: 0, every: 0)
        var every = microseconds { valid.every += verifyOnEveryCore(firstHalf) }
        var one = microseconds { valid.one += verifyOnOneThread(firstHalf) }
        var reached: (height: UInt64, votes: Int) = (0, 0)
        let replay: Int
        do {
            replay = try microseconds {
                let (state, applied) = try replayStore!.replayFromGenesis()
                reached = (state.height, applied.reduce(0) { $0 + $1.block.payload.votes.count })
                blackHole(state)
            }
        } catch {
            benchmark.error("replayFromGenesis failed: \(error)")
            return
        }
        one += microseconds { valid.one += verifyOnOneThread(secondHalf) }
        every += microseconds { valid.every += verifyOnEveryCore(secondHalf) }
        guard reached == (UInt64(replayBlocks), replayVotes) else {
            benchmark.error("replay reached height \(reached.height) with \(reached.votes) votes, expected \(replayBlocks) and \(replayVotes)")
            return
        }
        guard valid == (replayVotes, replayVotes) else {
            benchmark.error("only \(valid.one) and \(valid.every) of \(replayVotes) signatures verified")
            return
        }
        benchmark.measurement(ReplayMetric.replay, replay / 10_000)
        benchmark.measurement(ReplayMetric.oneThread, one / 10_000)
        benchmark.measurement(ReplayMetric.everyCore, every / 10_000)
        benchmark.measurement(ReplayMetric.replayOverOne, one * 1000 / replay)
        benchmark.measurement(ReplayMetric.everyOverOne, one * 1000 / every)
        benchmark.measurement(ReplayMetric.replayOverEvery, every * 1000 / replay)
    }
}
