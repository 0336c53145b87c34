import Foundation
import PoTCore
import PoTStore

/// The chain of the current directory plus the helpers every verb needs (a module's verbs too).
public struct ChainContext {
    public let store: ChainStore

    public static func open() throws -> ChainContext {
        ChainContext(store: try ChainStore.open(at: FileManager.default.currentDirectoryPath))
    }

    var keys: KeyRing { KeyRing(store: store) }

    public func signingKey(_ label: String) throws -> SigningKey { try keys.key(label) }

    func name(_ key: PublicKey, _ names: [PublicKey: String]) -> String { names[key] ?? key.short }

    public static var now: UInt64 { UInt64(Date().timeIntervalSince1970) }
}

/// Writes one warning line to standard error.
public func warn(_ text: String) { FileHandle.standardError.write(Data("warning: \(text)\n".utf8)) }
