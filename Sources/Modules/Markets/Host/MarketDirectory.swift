import PoTCore
import PoTStore
import PoTMarkets

/// A market as clients see it: declared in the chain, or only stored and waiting for a block.
public struct MarketListing: Sendable {
    public let id: Hash256
    public let declaration: MarketDeclaration
    /// nil while no block carries the declaration.
    public let market: MarketState?

    /// pending, open, closed, resolved or voided, when the chain is at `height`.
    public static func phase(of market: MarketState?, closeHeight: UInt64, at height: UInt64) -> String {
        switch market?.status {
        case nil: return "pending"
        case .open?: return height >= closeHeight ? "closed" : "open"
        case .resolved?: return "resolved"
        case .voided?: return "voided"
        }
    }

    /// The phase, with the outcome once resolved: "resolved: yes".
    public func status(at height: UInt64) -> String {
        let phase = Self.phase(of: market, closeHeight: declaration.closeHeight, at: height)
        guard case .resolved(let outcome, _)? = market?.status else { return phase }
        return "\(phase): \(declaration.outcomes[outcome])"
    }
}

extension ChainStore {
    /// Every market of `state` and every declaration stored under refs/pot/markets, by close height.
    public func marketListings(in state: ChainState, problems: inout [String]) throws -> [MarketListing] {
        var found: [Hash256: MarketListing] = [:]
        for (id, market) in state.markets { found[id] = MarketListing(id: id, declaration: market.declaration, market: market) }
        for pending in try pendingDeclarations(problems: &problems) {
            let id = pending.signed.id(chain: chainId)
            if found[id] == nil { found[id] = MarketListing(id: id, declaration: pending.signed.declaration, market: nil) }
        }
        return found.values.sorted { ($0.declaration.closeHeight, $0.id) < ($1.declaration.closeHeight, $1.id) }
    }

    /// The one market whose id starts with `prefix` (hex digits), declared or pending.
    public func findMarket(_ prefix: String, in state: ChainState) throws -> MarketListing {
        var problems: [String] = []
        return try IdPrefix.unique(prefix, kind: "market", among: try marketListings(in: state, problems: &problems), id: \.id)
    }
}
