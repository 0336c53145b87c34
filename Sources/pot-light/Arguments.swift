import Foundation
import PoTCore
import PoTLight

enum Arguments {
    static func chainId(_ text: String) throws -> Hash256 {
        guard let id = Hash256(hex: text) else {
            throw CLIError("--chain-id '\(text)' is not a chain id (64 hexadecimal digits)")
        }
        return id
    }

    static func peers(_ texts: [String]) throws -> [PeerAddress] {
        guard !texts.isEmpty else { throw CLIError("give at least one --peer HOST:PORT") }
        return try texts.map { text in
            do {
                return try PeerAddress(parsing: text)
            } catch {
                throw CLIError("--peer \(error)")
            }
        }
    }

    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// `--dir` as given, or the chain's default directory under the current one.
    static func directory(_ dir: String?, chainId: Hash256) -> String {
        dir ?? HeaderStore.defaultDirectory(chainId: chainId, in: currentDirectory)
    }
}
