import PoTCore

/// A prediction market: a question, its outcomes, who resolves it, the last height at which bets
/// may be included, and the last height at which it may be resolved before it is voided.
/// Its id is the domain-separated hash of this body.
public struct MarketDeclaration: SignableBody {
    public static let domain = DomainTag.marketDeclaration
    public static let objectName = "market declaration"
    public static let maxSignedBytes = MarketLimits.maxMarketDeclarationBytes
    public var signer: PublicKey { creator }

    public var creator: PublicKey
    public var question: String
    public var outcomes: [String]
    public var resolver: PublicKey
    public var closeHeight: UInt64
    public var resolveBy: UInt64

    public init(creator: PublicKey, question: String, outcomes: [String], resolver: PublicKey,
                closeHeight: UInt64, resolveBy: UInt64) throws {
        self.creator = creator; self.question = question; self.outcomes = outcomes
        self.resolver = resolver; self.closeHeight = closeHeight; self.resolveBy = resolveBy
        try validate()
    }

    func validate() throws {
        guard !question.isEmpty, question.utf8.count <= MarketLimits.maxQuestionBytes else {
            throw ObjectError("a market question is 1 to \(MarketLimits.maxQuestionBytes) bytes")
        }
        guard (MarketLimits.minOutcomes...MarketLimits.maxOutcomes).contains(outcomes.count) else {
            throw ObjectError("a market has \(MarketLimits.minOutcomes) to \(MarketLimits.maxOutcomes) outcomes, got \(outcomes.count)")
        }
        for outcome in outcomes {
            guard !outcome.isEmpty, outcome.utf8.count <= MarketLimits.maxOutcomeBytes else {
                throw ObjectError("a market outcome is 1 to \(MarketLimits.maxOutcomeBytes) bytes")
            }
            guard !outcome.contains(","), outcome.first?.isWhitespace == false, outcome.last?.isWhitespace == false else {
                throw ObjectError("market outcome '\(outcome)' has a comma or surrounding spaces")
            }
        }
        guard Set(outcomes).count == outcomes.count else { throw ObjectError("a market lists the same outcome twice") }
        guard closeHeight >= 1 else { throw ObjectError("a market closes at a height of at least 1") }
        guard resolveBy > closeHeight, resolveBy - closeHeight <= MarketLimits.maxResolutionWindow else {
            throw ObjectError("a market's resolve-by height must be 1 to \(MarketLimits.maxResolutionWindow) heights after its close height \(closeHeight), got \(resolveBy)")
        }
    }

    public func cbor() -> CBOR {
        .map([
            1: .bytes(creator.bytes),
            2: .text(question),
            3: .array(outcomes.map { .text($0) }),
            4: .bytes(resolver.bytes),
            5: .unsigned(closeHeight),
            6: .unsigned(resolveBy),
        ])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "market declaration", allowedKeys: [1, 2, 3, 4, 5, 6])
        creator = try f.publicKey(1)
        question = try f.text(2, maxUTF8: MarketLimits.maxQuestionBytes)
        outcomes = try f.array(3, max: MarketLimits.maxOutcomes).map { try $0.text("market outcome", maxUTF8: MarketLimits.maxOutcomeBytes) }
        resolver = try f.publicKey(4)
        closeHeight = try f.uint(5)
        resolveBy = try f.uint(6)
        try validate()
    }
}

public typealias SignedMarketDeclaration = Signed<MarketDeclaration>

extension Signed where Body == MarketDeclaration {
    public var declaration: MarketDeclaration { body }
}
