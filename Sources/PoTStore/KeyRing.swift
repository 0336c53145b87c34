import Foundation
import PoTCore

/// Private keys of this machine's participants: 32-byte seeds in `.git/pot/keys/<label>.key`.
public struct KeyRing {
    public let directory: String

    public init(store: ChainStore) { directory = store.potDirectory + "/keys" }
    public init(directory: String) { self.directory = directory }

    public static func validate(label: String) throws {
        do { try AccountLabel.validate(label) } catch { throw StoreError("\(error)") }
    }

    func path(_ label: String) -> String { directory + "/\(label).key" }

    public func key(_ label: String) throws -> SigningKey {
        try KeyRing.validate(label: label)
        guard let data = FileManager.default.contents(atPath: path(label)) else {
            throw StoreError("no key named '\(label)' on this machine (see pot keys, or pot keygen --label \(label))")
        }
        do { return try SigningKey(seed: Array(data)) } catch {
            throw StoreError("key file \(path(label)) is corrupt: \(error)")
        }
    }

    public func contains(_ label: String) -> Bool { FileManager.default.fileExists(atPath: path(label)) }

    /// Creates a new key; refuses to overwrite an existing one.
    public func generate(_ label: String) throws -> SigningKey {
        try KeyRing.validate(label: label)
        guard !contains(label) else { throw StoreError("a key named '\(label)' already exists") }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let key = SigningKey.generate()
        guard FileManager.default.createFile(atPath: path(label), contents: Data(key.seed), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError("cannot write \(path(label))")
        }
        return key
    }

    /// Labels and public keys of every key on this machine, sorted by label.
    public func all() -> [(label: String, key: SigningKey)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".key") }.sorted().compactMap { name in
            let label = String(name.dropLast(4))
            return (try? key(label)).map { (label, $0) }
        }
    }
}
