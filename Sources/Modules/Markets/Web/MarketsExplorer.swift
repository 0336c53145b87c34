import PoTCore
import PoTMarkets
import PoTMarketsHost
import PoTStore
import PoTWeb

/// The markets module in the explorer: the market list and pages, the markets section of a
/// block, an account's market payments, and bets signed with unlocked keys.
package enum MarketsExplorer: ExplorerModule {
    /// What the markets add to a snapshot.
    package struct Part: Sendable {
        /// Markets declared in the chain or stored and waiting for a block, by close height.
        package let markets: [MarketReport]
        /// Each bettor's payments for markets resolved on main, newest first.
        let payments: [PublicKey: [MarketPayment]]
    }

    package static var name: String { MarketsModule.name }

    package static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Part {
        let markets = try input.store.marketListings(in: input.tip, problems: &problems).map {
            MarketReport(id: $0.id, declaration: $0.declaration, market: $0.market, chain: input.tip, names: input.names)
        }
        return Part(markets: markets, payments: MarketPayment.byBettor(input.applied))
    }

    package static var routeGroups: [any RouteGroup] { [MarketRoutes()] }

    package static func blockSection(_ block: BlockRecord, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        guard let document = BlockMarketsDocument(block.stored.payload.markets, chain: snapshot.chainId, names: snapshot.names) else { return nil }
        return PageSection(key: "markets", json: document, html: document.html)
    }

    package static var blockSectionSchema: SectionSchema? { SectionSchema(key: "markets", schema: Schema.ref("BlockMarkets")) }

    package static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        let payments = MarketPaymentsDocument(part.payments[account.key] ?? [])
        return PageSection(key: "market_scores", json: payments.items, html: payments.html)
    }

    package static var accountSectionSchema: SectionSchema? { SectionSchema(key: "market_scores", schema: MarketPaymentsDocument.schema) }

    package static var signing: [any SigningOperation] { [BetSigning()] }
}
