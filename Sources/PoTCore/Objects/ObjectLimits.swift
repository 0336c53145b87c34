/// Size limits of the version 1 objects. A decoder refuses anything larger before parsing it.
public enum ObjectLimits {
    public static let maxParamsBytes = 1 << 20
    public static let maxInitialAccounts = 10_000
    public static let maxNoteBytes = 1024
    public static let maxConfirmations: UInt64 = 64
    public static let maxModuleParameters = 256
    public static let maxParameterNameBytes = 64
    public static let maxTransferBytes = 1024
    public static let maxMemoBytes = 256
    public static let maxVoteBytes = 8192
    public static let maxCandidatesPerVote = 64
    public static let maxHeaderBytes = 4096
    public static let maxCodeCommits = 64
    public static let maxPayloadBytes = 4 << 20
    public static let maxTransfersPerBlock = 4096
    public static let maxVotesPerBlock = 16_384
    public static let maxEvidencePerBlock = 256
}
