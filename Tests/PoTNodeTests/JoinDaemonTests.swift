import Foundation
import PoTNode
import PoTTestSupport
import Testing

@Suite("Joining a chain", .serialized)
struct JoinDaemonTests {
    static func lines(_ text: String, containing needle: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains(needle) }
    }

    @Test("NET-JOIN-RETRY: the pause after each round of attempts doubles from 1 s up to 16 s; peers of one round are tried back to back")
    func pauses() {
        let policy = JoinPolicy()
        #expect(policy.attempts == 8)
        #expect((1...7).map { policy.pause(after: $0, peers: 1) } == [1, 2, 4, 8, 16, 16, 16].map { Duration.seconds($0) })
        #expect((1...6).map { policy.pause(after: $0, peers: 2) } == [0, 1, 0, 2, 0, 4].map { Duration.seconds($0) })
    }

    @Test("NET-JOIN-RETRY: a node joining before its peer is up retries with a line per attempt, and joins once the peer starts")
    func peerStartsLater() throws {
        let root = TestEnvironment.temporaryDirectory("pot-join-late")
        defer { TestEnvironment.remove(root) }
        let id = try initChain(at: root + "/first")
        let port = RawSocket.freePort()
        let joiner = try Daemon(repo: root + "/joiner", peers: ["127.0.0.1:\(port)"], chainId: id, waiting: false)
        defer { joiner.stop() }
        #expect(eventually(20) { Self.lines(joiner.log, containing: "attempt 1 of 8").count == 1 }, "\(joiner.log)")
        let first = try Daemon(repo: root + "/first", listen: "127.0.0.1:\(port)")
        defer { first.stop() }
        try joiner.waitUntilListening(seconds: 60)
        #expect(eventually { mainCommit(root + "/joiner") == mainCommit(root + "/first") })
        let failed = Self.lines(joiner.log, containing: "failed:")
        #expect(!failed.isEmpty && failed.allSatisfy { $0.contains("127.0.0.1:\(port)") && $0.contains("next attempt in") })
        #expect(joiner.log.contains("joined chain"))
    }

    @Test("NET-JOIN-RETRY CLI-REFUSE: when the attempts run out the node prints one Error line, exits 1 and creates nothing")
    func attemptsRunOut() throws {
        let root = TestEnvironment.temporaryDirectory("pot-join-limit")
        defer { TestEnvironment.remove(root) }
        let id = String(repeating: "ab", count: 32)
        let port = RawSocket.freePort()
        let joiner = try Daemon(repo: root + "/joiner", peers: ["127.0.0.1:\(port)"], chainId: id, waiting: false,
                                arguments: ["--join-attempts", "2"])
        #expect(joiner.waitForExit() == 1)
        let errors = Self.lines(joiner.log, containing: "Error:")
        #expect(errors.count == 1 && errors.first?.hasPrefix("Error: no peer gave the genesis") == true, "\(joiner.log)")
        #expect(errors.first?.contains("in 2 attempts") == true)
        #expect(Self.lines(joiner.log, containing: "attempt 2 of 2").first?.contains("giving up") == true)
        #expect(!FileManager.default.fileExists(atPath: root + "/joiner"))

        let bad = try Daemon(repo: root + "/bad", peers: ["127.0.0.1:\(port)"], chainId: id, waiting: false,
                             arguments: ["--join-attempts", "0"])
        #expect(bad.waitForExit() == 1)
        #expect(bad.log.split(separator: "\n") == ["Error: --join-attempts must be between 1 and 1000"])
    }
}
