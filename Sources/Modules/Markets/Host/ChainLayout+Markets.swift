import PoTCore
import PoTMarkets
import PoTStore

/// The markets module's refs (its kinds' roots), for lookups by market without an object.
extension ChainLayout {
    private static let markets = "refs/pot/\(MarketsModule.declarationKind.refRoot)"
    private static let bets = "refs/pot/\(MarketsModule.betKind.refRoot)"
    private static let resolutions = "refs/pot/\(MarketsModule.resolutionKind.refRoot)"
    public static func marketRef(_ market: Hash256) -> String { "\(markets)/\(market.hex)" }
    public static let allMarketsGlob = "\(markets)/*"
    public static func betRef(market: Hash256, bettor: PublicKey, sequence: UInt64) -> String {
        "\(bets)/\(market.hex)/\(bettor.hex)/\(sequence)"
    }
    public static let allBetsGlob = "\(bets)/**"
    public static func betsGlob(market: Hash256) -> String { "\(bets)/\(market.hex)/**" }
    public static func resolutionRef(market: Hash256, id: Hash256) -> String { "\(resolutions)/\(market.hex)/\(id.hex)" }
    public static let allResolutionsGlob = "\(resolutions)/**"
}
