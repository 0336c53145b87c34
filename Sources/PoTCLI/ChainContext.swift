import Foundation
import PoTCore
import PoTStore

/// The chain of the current directory plus the helpers every verb needs.
struct ChainContext {
    let store: ChainStore

    static func open() throws -> ChainContext {
        ChainContext(store: try ChainStore.open(at: FileManager.default.currentDirectoryPath))
    }

    var keys: KeyRing { KeyRing(store: store) }

    func signingKey(_ label: String) throws -> SigningKey { try keys.key(label) }

    func name(_ key: PublicKey, _ names: [PublicKey: String]) -> String { names[key] ?? key.short }

    static var now: UInt64 { UInt64(Date().timeIntervalSince1970) }
}

func warn(_ text: String) { FileHandle.standardError.write(Data("warning: \(text)\n".utf8)) }
