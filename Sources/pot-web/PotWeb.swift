import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PoTModuleExplorers
import PoTWeb

@main
struct PotWeb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pot-web",
        abstract: "The explorer of a PoT chain: pages, a JSON API and, for unlocked keys, signing.",
        discussion: """
            Prints "listening on http://HOST:PORT" first (with the real port when --listen asks for port 0), then, with \
            --unlock, "token: <hex>": the bearer token signing requests must carry. The API is described at \
            /api/openapi.json and in docs/api.md. SIGINT or SIGTERM stops the server.
            """)

    @Option(help: "The chain's repository (any directory inside it).")
    var repo: String = "."
    @Option(help: "Address to listen on, HOST:PORT (port 0: any free port).")
    var listen: String = "127.0.0.1:8080"
    @Option(help: ArgumentHelp("Labels whose keys (.git/pot/keys/<label>.key) may sign votes, transfers and bets, comma-separated.", valueName: "labels"))
    var unlock: String?
    @Flag(help: "With --unlock, accept a listening address other machines can reach, and requests addressed to it.")
    var allowRemoteSigning = false
    @Option(help: "Also write the token to this file (mode 0600).")
    var tokenFile: String?
    @Option(name: .customLong("static"), help: ArgumentHelp("Serve the files of this directory under /static/.", valueName: "dir"))
    var staticDirectory: String?
    @Option(help: "How often to look at every ref under refs/pot/, in milliseconds (main is looked at every 20 ms).")
    var refreshMs: Int = 500
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning or error (the log goes to stderr).")
    var logLevel: String = "warning"
    @Flag(help: "Print the OpenAPI document and exit.")
    var printOpenapi = false

    func run() async throws {
        if printOpenapi {
            FileHandle.standardOutput.write(Data(try WebServer.openAPIDocument(modules: ModuleExplorers.all).readableBytesView))
            return
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ConfigurationError("unknown log level '\(logLevel)' (use trace, debug, info, notice, warning or error)")
        }
        guard (10...60_000).contains(refreshMs) else { throw ConfigurationError("--refresh-ms must be between 10 and 60000") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let labels = unlock.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        var configuration = WebConfiguration(
            repository: repo, listen: try ListenAddress(parsing: listen), unlock: labels,
            allowRemoteSigning: allowRemoteSigning, staticDirectory: staticDirectory, refreshInterval: .milliseconds(refreshMs))
        if let staticDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: staticDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ConfigurationError("--static \(staticDirectory) is not a directory")
            }
            configuration.staticDirectory = URL(fileURLWithPath: staticDirectory).standardizedFileURL.path
        }
        try configuration.validate()
        let reader = try ChainReader(repository: repo, modules: ModuleExplorers.all)
        let desk = labels.isEmpty ? nil : try await SigningDesk(reader: reader, unlock: labels)
        if let tokenFile, desk != nil { try configuration.token.write(to: tokenFile) }
        let token = configuration.token
        let app = try WebServer.application(
            reader: reader, desk: desk, configuration: configuration, logger: Logger(label: "pot-web")
        ) { address in
            var lines = "listening on http://\(address)\n"
            if let desk { lines += "token: \(token)\nsigning as: \(desk.unlockedLabels.joined(separator: ", "))\n" }
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
        try await app.runService()
    }
}
