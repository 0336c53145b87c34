import PoTCore

/// Size limits of the contracts module's objects and section. A decoder refuses anything larger
/// before parsing it.
public enum ContractsLimits {
    public static let maxTitleBytes = 120
    public static let maxDescriptionBytes = 4_000
    public static let maxNoteBytes = 1_000
    public static let maxEvidenceBytes = 4_000
    /// A git object id: 20 bytes (SHA-1 repositories) or 32 (SHA-256).
    public static let gitObjectIdLengths: Set<Int> = [20, 32]
    public static let maxPostBytes = 4_600
    public static let maxSmallObjectBytes = 384
    public static let maxDeliveryBytes = 1_400
    public static let maxRatingBytes = 1_400
    public static let maxDisputeBytes = 4_600
    /// The largest committee a chain may choose (`contracts.committee_size`).
    public static let maxCommittee = 15
    public static let maxSealBytes = 1_200
    public static let maxDecisionBytes = 16 * 256
    /// A sealed verdict's salt: 16 bytes, so nobody can try every salt for every verdict.
    public static let saltBytes = 16
    /// A verdict as a secret: the worker's share in ppm (4 bytes, big-endian) then the salt.
    public static let verdictSecretBytes = 4 + saltBytes
    /// An encrypted share: the share's bytes and the 16-byte tag of ChaCha20-Poly1305.
    public static let sealedShareBytes = verdictSecretBytes + 16
    public static let maxPerBlock = 256
}
