import PoTAgents
import PoTAgentsHost
import PoTCore
import PoTStore
import PoTWeb

/// The agents module in the explorer: the agent directory, one page per agent (claim, bond,
/// proof status, attestations, training curve and accuracy as SVG charts), and an account's
/// agents.
package enum AgentsExplorer: ExplorerModule {
    /// What the agents module adds to a snapshot.
    package struct Part: Sendable {
        /// Every agent, by name.
        let agents: [AgentDocument]
        /// The names of the agents each key provides.
        let providedBy: [PublicKey: [String]]
    }

    package static var name: String { AgentsModule.name }

    package static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Part {
        let agents = input.tip.agents.agents.values.sorted { $0.name < $1.name }
        var providedBy: [PublicKey: [String]] = [:]
        for agent in agents { providedBy[agent.provider, default: []].append(agent.name) }
        return Part(agents: agents.map { AgentDocument($0, named: { $0.hex }) }, providedBy: providedBy)
    }

    package static var routeGroups: [any RouteGroup] { [AgentsRoutes()] }

    package static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        let names = part.providedBy[account.key] ?? []
        let document = AccountAgentsDocument(agents: names)
        return PageSection(key: "agents", json: document, html: document.html)
    }

    package static var accountSectionSchema: SectionSchema? { SectionSchema(key: "agents", schema: AccountAgentsDocument.schema) }
}

/// The agents an account provides, on its page and in `/api/accounts/{account}`.
struct AccountAgentsDocument: Encodable, Sendable {
    let agents: [String]

    static let schema = Schema.object(["agents": Schema.array(Schema.string)], description: "The names of the agents the account provides.")

    var html: HTML {
        guard !agents.isEmpty else { return HTML.empty }
        return "<section><h2>Agents</h2><p>\(HTML.join(agents.map { AgentsPage.link($0) }, separator: ", "))</p></section>"
    }
}
