import BenchSupport
import Benchmark
import Foundation
import PoTCore
import PoTStore

// Replay of a chain of 1 001 blocks whose blocks 2…1 001 carry 100 votes each (100 members,
// K = 2): 100 000 vote signatures, plus 1 001 header signatures.
//
//   replay.fromGenesis    ChainStore.replayFromGenesis() (loads, checks and applies every block;
//                         signatures are verified on all cores by SignatureBatch)
//   replay.rawVerify      the same 100 000 vote signatures checked one after the other on one
//                         thread with PublicKey.verifies over the precomputed vote ids
//
// scripts/bench.sh reports votes per second of each and the ratio fromGenesis / rawVerify.

let replayBlocks = 1_001
let replayMembers = 100
let replayVotes = (replayBlocks - 1) * replayMembers

var replayDirectory: String { BenchPaths.fixtures + "/replay-\(replayBlocks)x\(replayMembers)" }

nonisolated(unsafe) var replayStore: ChainStore?
nonisolated(unsafe) var voteWork: [(PublicKey, [UInt8], Hash256)] = []

let benchmarks: @Sendable () -> Void = {
    let slow = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(60),
        maxIterations: 5)

    var replay = slow
    replay.setup = {
        let store = try ChainFixture.build(at: replayDirectory, blocks: replayBlocks, members: replayMembers, withVotes: true)
        replayStore = try ChainStore.open(at: store.git.workDirectory ?? replayDirectory)
    }
    replay.teardown = { replayStore = nil }
    Benchmark("replay.fromGenesis", configuration: replay) { benchmark in
        do {
            let (state, applied) = try replayStore!.replayFromGenesis()
            let votes = applied.reduce(0) { $0 + $1.block.payload.votes.count }
            guard state.height == UInt64(replayBlocks), votes == replayVotes else {
                benchmark.error("replay reached height \(state.height) with \(votes) votes, expected \(replayBlocks) and \(replayVotes)")
                return
            }
            blackHole(state)
        } catch {
            benchmark.error("replayFromGenesis failed: \(error)")
        }
    }

    var raw = slow
    raw.setup = {
        let store = try ChainFixture.build(at: replayDirectory, blocks: replayBlocks, members: replayMembers, withVotes: true)
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
    raw.teardown = { voteWork = [] }
    Benchmark("replay.rawVerify", configuration: raw) { benchmark in
        var valid = 0
        for (key, signature, digest) in voteWork where key.verifies(signature, over: digest) { valid += 1 }
        if valid != replayVotes { benchmark.error("only \(valid) of \(replayVotes) signatures verified") }
        blackHole(valid)
    }
}
