import Crypto
import Foundation
import PoTContracts
import PoTCore
import PoTStore

/// What an arbiter keeps on this machine only, in `.git/pot/secrets/` (mode 0600, never in a
/// ref): the private half of its announced X25519 key, and each sealed verdict with its salt
/// until the reveal.
public struct ArbiterSecrets {
    public let directory: String

    public init(store: ChainStore) { directory = store.potDirectory + "/secrets" }

    func keyPath(_ member: PublicKey) -> String { "\(directory)/arbiter-\(member.hex).x25519" }
    func verdictPath(dispute: Hash256, arbiter: PublicKey) -> String { "\(directory)/verdict-\(dispute.hex)-\(arbiter.hex).secret" }

    /// The encryption key `member` announced from this repository, or nil.
    public func encryptionKey(of member: PublicKey) throws -> Curve25519.KeyAgreement.PrivateKey? {
        guard let data = FileManager.default.contents(atPath: keyPath(member)) else { return nil }
        do { return try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data) } catch {
            throw StoreError("the arbiter key of \(member.short) in \(directory) is unreadable: \(error)")
        }
    }

    /// A fresh key for `member`, written before its public half is announced.
    public func makeEncryptionKey(for member: PublicKey) throws -> Curve25519.KeyAgreement.PrivateKey {
        let key = Curve25519.KeyAgreement.PrivateKey()
        try write(key.rawRepresentation, to: keyPath(member))
        return key
    }

    /// Keeps `verdict` and `salt` until the reveal.
    public func saveVerdict(_ verdict: Verdict, salt: [UInt8], dispute: Hash256, arbiter: PublicKey) throws {
        let value = CBOR.map([1: .unsigned(verdict.workerShare), 2: .bytes(salt)])
        try write(Data(value.encoded()), to: verdictPath(dispute: dispute, arbiter: arbiter))
    }

    /// The verdict and salt `arbiter` sealed on `dispute` from this repository, or nil.
    public func verdict(dispute: Hash256, arbiter: PublicKey) throws -> (verdict: Verdict, salt: [UInt8])? {
        guard let data = FileManager.default.contents(atPath: verdictPath(dispute: dispute, arbiter: arbiter)) else { return nil }
        do {
            let f = try CBORFields(try CBOR.decode([UInt8](data)), object: "sealed verdict secret", allowedKeys: [1, 2])
            return (try Verdict(checking: try f.uint(1)), try f.bytes(2, count: ContractsLimits.saltBytes))
        } catch {
            throw StoreError("the verdict secret of dispute \(dispute.short) in \(directory) is unreadable: \(error)")
        }
    }

    /// Members with a key kept here, from the files' names (nothing is read).
    public func keptKeys() -> [PublicKey] {
        names().compactMap { name in
            guard name.hasPrefix("arbiter-"), name.hasSuffix(".x25519") else { return nil }
            return PublicKey(hex: String(name.dropFirst("arbiter-".count).dropLast(".x25519".count)))
        }
    }

    /// Dispute and arbiter of each verdict kept here, from the files' names.
    public func keptVerdicts() -> [(dispute: Hash256, arbiter: PublicKey)] {
        names().compactMap { name in
            guard name.hasPrefix("verdict-"), name.hasSuffix(".secret") else { return nil }
            let parts = name.dropFirst("verdict-".count).dropLast(".secret".count).split(separator: "-")
            guard parts.count == 2, let dispute = Hash256(hex: String(parts[0])), let arbiter = PublicKey(hex: String(parts[1])) else { return nil }
            return (dispute, arbiter)
        }
    }

    private func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() }

    private func write(_ data: Data, to path: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError("cannot write the secret \(path)")
        }
    }
}
