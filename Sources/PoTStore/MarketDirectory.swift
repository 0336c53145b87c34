import PoTCore

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

/// Why a market id prefix names no single market.
public enum MarketLookupError: Error, CustomStringConvertible, Equatable {
    case malformed(String)
    case notFound(String)
    case ambiguous(String)

    public var description: String {
        switch self {
        case .malformed(let text), .notFound(let text), .ambiguous(let text): return text
        }
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

    /// The one market whose id starts with `prefix` (hex digits).
    public func findMarket(_ prefix: String, in state: ChainState) throws -> MarketListing {
        let text = prefix.lowercased()
        guard !text.isEmpty, text.count <= 64, text.allSatisfy({ $0.isHexDigit }) else {
            throw MarketLookupError.malformed("'\(prefix)' is not a market id or a prefix of one (hex digits)")
        }
        var problems: [String] = []
        let matches = try marketListings(in: state, problems: &problems).filter { $0.id.hex.hasPrefix(text) }
        guard let first = matches.first else { throw MarketLookupError.notFound("no market has an id starting with \(text)") }
        guard matches.count == 1 else {
            throw MarketLookupError.ambiguous("market id prefix \(text) is ambiguous: \(matches.map(\.id.short).joined(separator: ", ")); give more digits")
        }
        return first
    }
}
