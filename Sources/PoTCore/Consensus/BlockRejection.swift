/// Why a block cannot be applied. Each case is a rule of docs/spec.md.
public struct BlockRejection: Error, CustomStringConvertible, Equatable {
    public enum Rule: String, Sendable {
        case height, parent, timestamp, proposerSignature, payloadRoot, payloadLimits
        case transferSignature, transferAmount, transferToSelf, transferMemo, transferNonce, transferBalance
        case voteSignature, voteNonMember, voteHeight, voteDuplicate
        case evidenceMismatch, evidenceSignature, evidenceNonMember, evidenceHeight, evidenceDuplicate
        case marketSignature, marketCreator, marketCloseHeight, marketDuplicate, marketUnknown
        case betSignature, betNonMember, betClosed, betOutcomes, betSequence
        case resolutionSignature, resolutionResolver, resolutionEarly, resolutionLate, resolutionSettled, resolutionOutcome
    }

    public let rule: Rule
    public let detail: String

    public init(_ rule: Rule, _ detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public var description: String { detail }
}
