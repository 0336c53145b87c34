import ArgumentParser
import Foundation
import PoTCore
import PoTLight

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the stored header chain: chain id, height and tip.")

    @Option(help: "The store directory (default: the one chain under .pot-light, or .pot-light/<chain id>).")
    var dir: String?
    @Option(name: .customLong("chain-id"), help: "The chain id: 64 hexadecimal digits.")
    var chainId: String?
    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let chain = try chainId.map(Arguments.chainId)
        let store = try HeaderStore.read(directory: try directory(chain), chainId: chain)
        guard let tip = store.tip else { throw CLIError("no genesis parameters in \(store.directory)") }
        let document = StatusDocument(chain_id: store.chainId.hex, height: tip.height, tip_id: tip.id.hex,
                                      tip_timestamp: tip.timestamp)
        if json {
            print(try JSONText.render(document))
        } else {
            print("chain    \(document.chain_id)")
            print("height   \(document.height)")
            print("tip      \(document.tip_id)")
            print("time     \(document.tip_timestamp)")
        }
    }

    private func directory(_ chain: Hash256?) throws -> String {
        if let dir { return dir }
        if let chain { return Arguments.directory(nil, chainId: chain) }
        let base = Arguments.currentDirectory + "/.pot-light"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        let chains = entries.filter {
            Hash256(hex: $0) != nil && FileManager.default.fileExists(atPath: base + "/" + $0 + "/" + HeaderStore.genesisFile)
        }.sorted()
        guard let only = chains.first else { throw CLIError("no light chain under \(base) (run pot-light sync first)") }
        guard chains.count == 1 else { throw CLIError("\(base) holds \(chains.count) chains; choose one with --chain-id") }
        return base + "/" + only
    }
}

struct StatusDocument: Encodable {
    let chain_id: String
    let height: UInt64
    let tip_id: String
    let tip_timestamp: UInt64
}
