import PoTCore

/// Size limits of the agents module's datasets, objects and section. A decoder refuses anything
/// larger before parsing it. Limits on work (how long a segment may be, how large a model) are
/// chain parameters (`AgentsModule.parameters`); these are the hard ceilings of the encodings.
public enum AgentLimits {
    public static let maxFeatures = 256
    public static let maxClasses = 64
    public static let maxHidden = 256
    public static let maxDatasetRows = 65_536
    public static let maxDatasetBytes = 32 << 20
    public static let maxNameBytes = 64
    public static let maxSourceBytes = 256
    public static let maxTags = 16
    public static let maxTagBytes = 32
    /// Checkpoints a proof may commit to (segments + 1).
    public static let maxCheckpoints = 4097
    public static let maxRegistrationBytes = 4096
    public static let maxProofBytes = 80 << 10
    public static let maxAttestationBytes = 2048
    public static let maxFraudProofBytes = 1 << 20
    public static let maxRegistrationsPerBlock = 64
    public static let maxProofsPerBlock = 16
    public static let maxAttestationsPerBlock = 256
    public static let maxFraudProofsPerBlock = 2
    public static let maxForecastsPerBlock = 1024
    public static let maxEvaluationsPerBlock = 2
    public static let maxUsagesPerBlock = 4096
}
