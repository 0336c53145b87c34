import Foundation
import PoTCore
import PoTStore

/// The key a node proves itself with in handshakes: `.git/pot/node.key`, made on first start.
/// It identifies the node to its peers and holds no trust.
enum NodeKey {
    static func loadOrCreate(in store: ChainStore) throws -> SigningKey {
        let path = store.potDirectory + "/node.key"
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count == 32 else { throw NodeError("\(path) is not a 32-byte key seed") }
            return try SigningKey(seed: Array(data))
        }
        try FileManager.default.createDirectory(atPath: store.potDirectory, withIntermediateDirectories: true)
        let key = SigningKey.generate()
        guard FileManager.default.createFile(atPath: path, contents: Data(key.seed), attributes: [.posixPermissions: 0o600]) else {
            throw NodeError("cannot write \(path)")
        }
        return key
    }
}
