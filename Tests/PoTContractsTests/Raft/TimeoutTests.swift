import Testing
@testable import PoTContracts

@Suite("Randomised election timeouts")
struct TimeoutTests {
    @Test("TestFollowerElectionTimeoutRandomized / TestCandidateElectionTimeoutRandomized",
          arguments: [RaftRole.follower, .candidate])
    func electionTimeoutRandomized(role: RaftRole) {
        let electionTimeout = 10
        var node = makeNode(1, election: electionTimeout)
        var observed: Set<Int> = []
        for _ in 0 ..< 50 * electionTimeout {
            if role == .follower {
                node.becomeFollower(term: node.term + 1, leader: 2)
            } else {
                node.becomeCandidate()
            }
            var ticks = 0
            repeat {
                ticks += 1
            } while node.tick().isEmpty
            observed.insert(ticks)
        }
        #expect(observed == Set(electionTimeout ..< 2 * electionTimeout))
    }

    @Test("TestFollowerElectionTimeoutNonconflict / TestCandidateElectionTimeoutNonconflict",
          arguments: [RaftRole.follower, .candidate])
    func electionTimeoutNonconflict(role: RaftRole) {
        let size = 5
        let rounds = 1000
        var nodes = voterIDs(size).map { makeNode($0, voters: voterIDs(size)) }
        var conflicts = 0
        for _ in 0 ..< rounds {
            for index in nodes.indices {
                if role == .follower {
                    nodes[index].becomeFollower(term: nodes[index].term + 1, leader: nil)
                } else {
                    nodes[index].becomeCandidate()
                }
            }
            var timeouts = 0
            while timeouts == 0 {
                for index in nodes.indices where !nodes[index].tick().isEmpty {
                    timeouts += 1
                }
            }
            if timeouts > 1 {
                conflicts += 1
            }
        }
        let rate = Double(conflicts) / Double(rounds)
        print("election timeout conflicts (\(role)): \(conflicts)/\(rounds)")
        #expect(rate <= 0.3)
    }

    @Test("The same seed yields the same timeouts; different seeds differ")
    func seededTimeouts() {
        func timeouts(seed: UInt64) -> [Int] {
            var node = makeNode(1, seed: seed)
            return (0 ..< 20).map { _ in
                node.becomeFollower(term: node.term + 1, leader: nil)
                return node.randomizedElectionTimeout
            }
        }
        #expect(timeouts(seed: 42) == timeouts(seed: 42))
        #expect(timeouts(seed: 42) != timeouts(seed: 43))
    }

    @Test("SplitMix64 matches the reference sequence and is unbiased in range")
    func splitMix() {
        var generator = SplitMix64(seed: 1234567)
        // Reference outputs of SplitMix64 seeded with 1234567.
        #expect(generator.next() == 6_457_827_717_110_365_317)
        #expect(generator.next() == 3_203_168_211_198_807_973)
        var bounded = SplitMix64(seed: 7)
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0 ..< 10000 {
            counts[Int(bounded.next(below: 10))] += 1
        }
        #expect(counts.allSatisfy { (900 ... 1100).contains($0) })
    }
}
