import PoTCore
import PoTMembership
import PoTMembershipHost
import PoTStore
import PoTWeb

/// The membership module in the explorer: the membership page (games by phase, members and
/// their privilege, the sponsorship graph), one page per game, the membership section of a
/// block, and an account's membership.
package enum MembershipExplorer: ExplorerModule {
    /// What membership adds to a snapshot.
    package struct Part: Sendable {
        /// Every game, newest first.
        let games: [GameReport]
        /// Every member, genesis members first.
        let members: [MemberReport]
        /// Games by player, newest first.
        let gamesBy: [PublicKey: [String]]
    }

    package static var name: String { MembershipModule.name }

    package static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Part {
        let state = input.tip
        let games = state.membership.games.values.sorted { ($0.openedAt, $0.id) > ($1.openedAt, $1.id) }
        var gamesBy: [PublicKey: [String]] = [:]
        for game in games {
            gamesBy[game.opener, default: []].append(game.id.hex)
            gamesBy[game.partner, default: []].append(game.id.hex)
        }
        return Part(games: games.map { GameReport($0, params: state.params, names: input.names) },
                    members: MemberReport.all(in: state, names: input.names), gamesBy: gamesBy)
    }

    package static var routeGroups: [any RouteGroup] { [MembershipRoutes()] }

    package static func blockSection(_ block: BlockRecord, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        guard let document = BlockMembershipDocument(block.stored.payload.membership, chain: snapshot.chainId, names: snapshot.names) else {
            return nil
        }
        return PageSection(key: "membership", json: document, html: document.html)
    }

    package static var blockSectionSchema: SectionSchema? { SectionSchema(key: "membership", schema: Schema.ref("BlockMembership")) }

    package static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        let document = AccountMembershipDocument(member: part.members.first { $0.key == account.key.hex },
                                                 games: part.gamesBy[account.key] ?? [])
        return PageSection(key: "membership", json: document, html: document.html(names: snapshot.names))
    }

    package static var accountSectionSchema: SectionSchema? { SectionSchema(key: "membership", schema: AccountMembershipDocument.schema) }
}
