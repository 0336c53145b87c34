import PoTCore

/// Size limits of the membership module's objects and section. A decoder refuses anything larger
/// before parsing it.
public enum MembershipLimits {
    public static let maxOpenBytes = 512
    public static let maxJoinBytes = 384
    public static let maxRevealBytes = 512
    /// The length of a salt, in bytes: enough that nobody can try every salt for both moves.
    public static let saltBytes = 32
    /// How many keys a defecting reveal may name: the seed's "two new users".
    public static let maxRewardKeys = 2
    public static let maxOpensPerBlock = 256
    public static let maxJoinsPerBlock = 256
    public static let maxRevealsPerBlock = 512
}
