import PoTCore
import PoTStore

/// A market as the command line sees it: declared in the chain, or only stored and waiting for a block.
struct MarketEntryView {
    let id: Hash256
    let declaration: MarketDeclaration
    /// nil while no block carries the declaration.
    let state: MarketState?

    func status(at height: UInt64) -> String {
        guard let state else { return "pending" }
        switch state.status {
        case .resolved(let outcome, _): return "resolved: \(declaration.outcomes[outcome])"
        case .voided: return "voided"
        case .open: return height >= declaration.closeHeight ? "closed" : "open"
        }
    }
}

/// Finds markets by id prefix among those in the chain and those stored under refs/pot/markets.
struct MarketBook {
    let store: ChainStore
    let state: ChainState

    func all() throws -> [MarketEntryView] {
        var found: [Hash256: MarketEntryView] = [:]
        for (id, market) in state.markets { found[id] = MarketEntryView(id: id, declaration: market.declaration, state: market) }
        var problems: [String] = []
        for pending in try store.pendingDeclarations(problems: &problems) {
            let id = pending.signed.id(chain: store.chainId)
            if found[id] == nil { found[id] = MarketEntryView(id: id, declaration: pending.signed.declaration, state: nil) }
        }
        for problem in problems { warn(problem) }
        return found.values.sorted { ($0.declaration.closeHeight, $0.id) < ($1.declaration.closeHeight, $1.id) }
    }

    func find(_ prefix: String) throws -> MarketEntryView {
        let text = prefix.lowercased()
        guard !text.isEmpty, text.count <= 64, text.allSatisfy({ $0.isHexDigit }) else {
            throw CLIError("'\(prefix)' is not a market id or a prefix of one (hex digits)")
        }
        let matches = try all().filter { $0.id.hex.hasPrefix(text) }
        guard let first = matches.first else { throw CLIError("no market has an id starting with \(text)") }
        guard matches.count == 1 else {
            throw CLIError("market id prefix \(text) is ambiguous: \(matches.map(\.id.short).joined(separator: ", ")); give more digits")
        }
        return first
    }

    func names() -> [PublicKey: String] { (try? store.names()) ?? [:] }
}
