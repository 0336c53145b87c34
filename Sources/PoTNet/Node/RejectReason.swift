/// Why a received object was dropped: the label of `NodeStats.rejected` and of the
/// `pot_objects_rejected_total` metric. Every reason is known in advance, so each is exported
/// from the start.
public enum RejectReason: String, Sendable, CaseIterable {
    // The object breaks a rule; the sender is penalized.
    case badSignature = "bad-signature"
    case notMember = "not-member"
    case badParent = "bad-parent"
    case invalidBlock = "invalid-block"
    case badPack = "bad-pack"
    case missingCode = "missing-code"
    /// Breaks a rule of a module's admission check (the detail names the rule).
    case brokenRule = "broken-rule"
    /// Sent again after it was found invalid.
    case repeatInvalid = "repeat-invalid"
    /// A block whose parent the sender could not supply.
    case unknownParent = "unknown-parent"
    // Dropped without blame.
    case orphanOverflow = "orphan-overflow"
    case stale
    case notYet = "not-yet"
    case duplicate
}
