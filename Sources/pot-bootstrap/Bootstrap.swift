import ArgumentParser
import Foundation
import Logging
import PoTLight
import PoTModuleHosts
import PoTNode

@main
struct Bootstrap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pot-bootstrap",
        abstract: "Run a PoT gossip node on a repository: exchange votes, transfers and blocks with peers, keep main at the fork-choice head.")

    @Option(help: "The repository of the chain (created from a peer's genesis when empty and --chain-id is given).")
    var repo: String = "."

    @Option(help: "Where to accept connections, HOST:PORT (port 0 picks a free one).")
    var listen: String = "127.0.0.1:9470"

    @Option(help: "Peers to stay connected to, HOST:PORT,HOST:PORT,…")
    var peers: String = ""

    @Option(help: "Serve Prometheus metrics at http://HOST:PORT/metrics.")
    var metrics: String?

    @Option(name: .customLong("chain-id"), help: "The chain to join when the repository holds none yet (hex).")
    var chainId: String?

    @Option(name: .customLong("join-attempts"), help: "When joining: how many times to ask the peers for the chain's genesis, with growing pauses, before giving up.")
    var joinAttempts: Int = JoinPolicy.defaultAttempts

    @Option(name: .customLong("handshake-timeout"), help: "Seconds a new connection has to complete the handshake.")
    var handshakeTimeout: Double = 10

    @Option(name: .customLong("validate-agents"), help: "Act as this key (a member) for the agents module: re-execute the selected segments of every proven agent, attest those that re-execute, prove fraud in those that do not.")
    var agentValidator: String?
    @Flag(inversion: .prefixedNo, help: "Act for this repository's keys: reveal admission moves and verdicts once due, release shares of silent verdicts, and sit on their dispute committees (Raft over relays, the leader posts the decision).")
    var autoReveal = true
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            fail("unknown log level '\(logLevel)' (use trace, debug, info, notice, warning or error)")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "pot.node")
        do {
            var options = NodeOptions(listen: try PeerAddress(parsing: listen, listening: true), peers: try PeerAddress.list(peers),
                                      metrics: try metrics.map { try PeerAddress(parsing: $0, listening: true) })
            guard handshakeTimeout > 0, handshakeTimeout < 3600 else { fail("--handshake-timeout must be between 0 and 3600 seconds") }
            options.protocolConfig.handshakeTimeout = UInt64(handshakeTimeout * 1000)
            options.agents = ModuleHosts.agents(sitting: autoReveal)
            guard (1...1000).contains(joinAttempts) else { fail("--join-attempts must be between 1 and 1000") }
            let service = NodeService(repo: repo, chainId: chainId, options: options, join: JoinPolicy(attempts: joinAttempts),
                                      logger: logger, duties: (autoReveal ? ModuleHosts.duties : []) + (agentValidator.map { [ModuleHosts.agentValidator(label: $0)] } ?? [])) { runtime in
                var banner = "listening on \(runtime.listenAddress)\n"
                if let at = runtime.metricsAddress { banner += "metrics on http://\(at)/metrics\n" }
                FileHandle.standardOutput.write(Data(banner.utf8))
            }
            try await service.runUntilSignalled()
        } catch {
            fail("\(error)")
        }
    }

    func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
