/// Why a block cannot be applied, or an object cannot enter one. Each rule is a rule of
/// docs/spec.md; the kernel's are here, and each module declares its own (`ChainModule.rules`).
public struct BlockRejection: Error, CustomStringConvertible, Equatable {
    /// The name of a rule, as it appears in docs/spec.md and in messages.
    public struct Rule: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let height = Rule("height"), parent = Rule("parent"), timestamp = Rule("timestamp")
        public static let proposerSignature = Rule("proposerSignature"), payloadRoot = Rule("payloadRoot")
        public static let payloadLimits = Rule("payloadLimits")
        public static let transferSignature = Rule("transferSignature"), transferAmount = Rule("transferAmount")
        public static let transferToSelf = Rule("transferToSelf"), transferMemo = Rule("transferMemo")
        public static let transferNonce = Rule("transferNonce"), transferBalance = Rule("transferBalance")
        public static let voteSignature = Rule("voteSignature"), voteNonMember = Rule("voteNonMember")
        public static let voteHeight = Rule("voteHeight"), voteDuplicate = Rule("voteDuplicate")
        public static let evidenceMismatch = Rule("evidenceMismatch"), evidenceSignature = Rule("evidenceSignature")
        public static let evidenceNonMember = Rule("evidenceNonMember"), evidenceHeight = Rule("evidenceHeight")
        public static let evidenceDuplicate = Rule("evidenceDuplicate")
        /// A module's ledger operation that would break a kernel invariant (an overdraft, an overflow).
        public static let ledger = Rule("ledger")

        /// The rules the kernel itself applies.
        public static let kernel: [Rule] = [
            .height, .parent, .timestamp, .proposerSignature, .payloadRoot, .payloadLimits,
            .transferSignature, .transferAmount, .transferToSelf, .transferMemo, .transferNonce, .transferBalance,
            .voteSignature, .voteNonMember, .voteHeight, .voteDuplicate,
            .evidenceMismatch, .evidenceSignature, .evidenceNonMember, .evidenceHeight, .evidenceDuplicate, .ledger,
        ]
    }

    /// How an object breaking the rule stands: `broken` can never be valid (its sender is at
    /// fault), `stale` could have been valid earlier, `notYet` depends on an object not seen yet,
    /// `early` may be valid in a later block as it is.
    public enum Standing: Sendable {
        case broken, stale, notYet, early
    }

    public let rule: Rule
    public let detail: String
    public let standing: Standing

    public init(_ rule: Rule, _ detail: String, standing: Standing = .broken) {
        self.rule = rule
        self.detail = detail
        self.standing = standing
    }

    public var description: String { detail }
}
