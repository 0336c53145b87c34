import Crypto
import PoTCore

/// The cryptography of a sealed verdict. The secret (verdict and salt) is split with Shamir's
/// scheme over GF(2^160) as `ssss` does it (diffusion on), one share per committee position;
/// the share of position i is encrypted with ChaCha20-Poly1305 under a key agreed by X25519
/// between the seal's ephemeral key and member i's announced key, and bound by HKDF to the
/// dispute, the arbiter and the member. Releasing that key opens that one share and nothing else.
public enum SealedVerdict {
    /// The commitment: H(dispute, arbiter, verdict, salt). Hiding while the salt is secret.
    public static func commitment(dispute: Hash256, arbiter: PublicKey, verdict: Verdict, salt: [UInt8], chain: Hash256) -> Hash256 {
        DomainHash.hash(.contractVerdict, chain: chain,
                        body: .array([.bytes(dispute.bytes), .bytes(arbiter.bytes), .unsigned(verdict.workerShare), .bytes(salt)]))
    }

    /// The Shamir field's size in bits: the secret's length.
    public static let securityBits = ContractsLimits.verdictSecretBytes * 8

    /// Seals `verdict` for `committee` as `arbiter`: the seal's body fields and the salt to keep
    /// for the reveal. `threshold` shares recover it.
    public static func seal(dispute: Hash256, arbiter: PublicKey, verdict: Verdict, committee: [(key: PublicKey, encryptionKey: [UInt8])],
                            threshold: Int, chain: Hash256, random: (Int) -> [UInt8] = SealedVerdict.systemRandom,
                            ephemeral: Curve25519.KeyAgreement.PrivateKey = .init()) throws -> (seal: VerdictSeal, salt: [UInt8]) {
        guard let own = committee.firstIndex(where: { $0.key == arbiter }) else {
            throw ObjectError("\(arbiter.short) is not on the committee of dispute \(dispute.short)")
        }
        let salt = random(ContractsLimits.saltBytes)
        let shares = try Shamir.split(secret: verdict.secret(salt: salt), threshold: threshold, count: committee.count,
                                      securityBits: securityBits, diffusion: true, random: random)
        var sealed: [[UInt8]] = []
        for (index, member) in committee.enumerated() where index != own {
            let key = try shareKey(ephemeral: ephemeral, recipient: member.encryptionKey, dispute: dispute, arbiter: arbiter,
                                   member: member.key, chain: chain)
            sealed.append(try encrypt(shares[index].value, key: key, dispute: dispute, arbiter: arbiter, member: member.key))
        }
        let commitment = commitment(dispute: dispute, arbiter: arbiter, verdict: verdict, salt: salt, chain: chain)
        return (try VerdictSeal(dispute: dispute, arbiter: arbiter, commitment: commitment, ephemeralKey: Array(ephemeral.publicKey.rawRepresentation),
                                shares: sealed), salt)
    }

    /// The key of the share sealed to `member`, as `member` computes it from its private key.
    public static func shareKey(for seal: VerdictSeal, member: PublicKey, privateKey: Curve25519.KeyAgreement.PrivateKey,
                                chain: Hash256) throws -> [UInt8] {
        let ephemeral = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: seal.ephemeralKey)
        let shared = try privateKey.sharedSecretFromKeyAgreement(with: ephemeral)
        return derive(shared, dispute: seal.dispute, arbiter: seal.arbiter, member: member, chain: chain)
    }

    /// Opens the share of `seal` at committee position `position` (1-based) with a released key;
    /// nil when the key does not open it.
    public static func openShare(_ seal: VerdictSeal, position: Int, member: PublicKey, arbiterPosition: Int, key: [UInt8]) -> [UInt8]? {
        let slot = position < arbiterPosition ? position - 1 : position - 2
        guard position != arbiterPosition, slot >= 0, slot < seal.shares.count else { return nil }
        guard let box = try? ChaChaPoly.SealedBox(combined: nonce + seal.shares[slot]),
              let plain = try? ChaChaPoly.open(box, using: SymmetricKey(data: key),
                                               authenticating: associatedData(dispute: seal.dispute, arbiter: seal.arbiter, member: member))
        else { return nil }
        return Array(plain)
    }

    /// Combines released shares (committee position and bytes) and opens the secret they make;
    /// nil when they make no verdict or one that does not match the seal's commitment.
    public static func recover(_ released: [Int: [UInt8]], seal: VerdictSeal, chain: Hash256) -> Verdict? {
        let shares = released.keys.sorted().map { ShamirShare(index: $0, value: released[$0]!) }
        guard let secret = try? Shamir.combine(shares, securityBits: securityBits, diffusion: true),
              let (verdict, salt) = Verdict.open(secret: secret),
              commitment(dispute: seal.dispute, arbiter: seal.arbiter, verdict: verdict, salt: salt, chain: chain) == seal.commitment
        else { return nil }
        return verdict
    }

    /// `count` bytes from the system's secure generator.
    public static func systemRandom(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// One key per (seal, member): a nonce of zeros is safe.
    private static let nonce = [UInt8](repeating: 0, count: 12)

    private static func shareKey(ephemeral: Curve25519.KeyAgreement.PrivateKey, recipient: [UInt8], dispute: Hash256, arbiter: PublicKey,
                                 member: PublicKey, chain: Hash256) throws -> [UInt8] {
        let shared = try ephemeral.sharedSecretFromKeyAgreement(with: try Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient))
        return derive(shared, dispute: dispute, arbiter: arbiter, member: member, chain: chain)
    }

    private static func derive(_ shared: SharedSecret, dispute: Hash256, arbiter: PublicKey, member: PublicKey, chain: Hash256) -> [UInt8] {
        let info = Array(DomainTag.contractShare.rawValue.utf8) + dispute.bytes + arbiter.bytes + member.bytes
        let key = shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: chain.bytes, sharedInfo: info, outputByteCount: 32)
        return key.withUnsafeBytes { Array($0) }
    }

    private static func encrypt(_ share: [UInt8], key: [UInt8], dispute: Hash256, arbiter: PublicKey, member: PublicKey) throws -> [UInt8] {
        let box = try ChaChaPoly.seal(share, using: SymmetricKey(data: key), nonce: try ChaChaPoly.Nonce(data: nonce),
                                      authenticating: associatedData(dispute: dispute, arbiter: arbiter, member: member))
        return Array(box.ciphertext) + Array(box.tag)
    }

    private static func associatedData(dispute: Hash256, arbiter: PublicKey, member: PublicKey) -> [UInt8] {
        dispute.bytes + arbiter.bytes + member.bytes
    }
}
