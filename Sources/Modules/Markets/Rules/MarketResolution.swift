import PoTCore

/// The resolver's statement of which outcome of a market happened, by its index.
public struct MarketResolution: SignableBody {
    public static let domain = DomainTag.marketResolution
    public static let objectName = "market resolution"
    public static let maxSignedBytes = MarketLimits.maxResolutionBytes
    public var signer: PublicKey { resolver }

    public var resolver: PublicKey
    public var market: Hash256
    public var outcome: UInt64

    public init(resolver: PublicKey, market: Hash256, outcome: UInt64) {
        self.resolver = resolver; self.market = market; self.outcome = outcome
    }

    public func cbor() -> CBOR {
        .map([1: .bytes(resolver.bytes), 2: .bytes(market.bytes), 3: .unsigned(outcome)])
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "market resolution", allowedKeys: [1, 2, 3])
        resolver = try f.publicKey(1)
        market = try f.hash(2)
        outcome = try f.uint(3)
        guard outcome < UInt64(MarketLimits.maxOutcomes) else {
            throw ObjectError("a market resolution names outcome \(outcome); markets have at most \(MarketLimits.maxOutcomes)")
        }
    }
}

public typealias SignedMarketResolution = Signed<MarketResolution>

extension Signed where Body == MarketResolution {
    public var resolution: MarketResolution { body }
}
