import Hummingbird
import PoTAgentsHost
import PoTCore
import PoTWeb

/// `/agents`, `/agents/{agent}` and their twins under `/api/agents`.
struct AgentsRoutes: RouteGroup {
    var navigation: NavigationItem? { NavigationItem(title: "Agents", path: "/agents") }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/agents") { _, _ in
            let s = site.snapshot
            return site.page("agents", s) {
                site.layout(s).page(title: "Agents", revision: s.revision, active: "/agents", AgentsPage.directory(Self.agents(s), names: s.names))
            }
        }
        router.get("/agents/{agent}") { _, context in
            let s = site.snapshot
            let agent = try Self.agent(context, in: s)
            return site.page("agent \(agent.name)", s) {
                site.layout(s).page(title: "Agent \(agent.name)", revision: s.revision, active: "/agents", AgentsPage.agent(agent, names: s.names))
            }
        }
        router.get("/api/agents") { _, _ in
            let s = site.snapshot
            return try site.json("agents", s) { AgentsDocument(tip_height: s.tipHeight, agents: Self.agents(s)) }
        }
        router.get("/api/agents/{agent}") { _, context in
            let s = site.snapshot
            let agent = try Self.agent(context, in: s)
            return try site.json("agent \(agent.name)", s) { agent }
        }
    }

    static func agents(_ s: ChainSnapshot) -> [AgentDocument] { s.part(of: AgentsExplorer.self).agents }

    /// An agent's name, or its id or a unique prefix of at least 4 hexadecimal digits.
    static let agentParameter = APIParameter(
        name: "agent", location: .path, description: "An agent's name, or its id or a unique prefix of at least 4 hexadecimal digits.",
        schema: ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$"], noun: "name or id of an agent")

    /// The agent the request's path names, or a refusal (404: none, 400: unreadable or ambiguous).
    static func agent(_ context: WebContext, in s: ChainSnapshot) throws -> AgentDocument {
        let agents = Self.agents(s)
        let text = try agentParameter.value(context)
        if let named = agents.first(where: { $0.name == text }) { return named }
        guard text.count >= 4, text.allSatisfy(\.isHexDigit) else { throw WebError.notFound("no agent named \(text)") }
        return try Lookup.unique(agentParameter, context, kind: "agent", among: agents, id: { Hash256(hex: $0.id)! })
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/agents": ["get": OpenAPI.operation(
                    id: "getAgents", summary: "Registered agents (twin of /agents)",
                    description: "Every agent of the agents module, by name: its claim, bond, proof, attestations, fraud, evaluation and use.",
                    tag: "agents",
                    responses: ["200": OpenAPI.response("The agents.", schema: "Agents", links: [
                        .init("firstAgent", to: "getAgent", parameter: "agent", from: "/agents/0/id", "The first agent listed."),
                    ])])],
                "/api/agents/{agent}": ["get": OpenAPI.operation(
                    id: "getAgent", summary: "One agent (twin of /agents/{agent})",
                    description: "Its training claim, seed, proof with its loss curve and selected segments, attesters, fraud, evaluation market and use.",
                    tag: "agents",
                    parameters: [Self.agentParameter.document],
                    responses: [
                        "200": OpenAPI.response("The agent.", schema: "Agent"),
                        "400": OpenAPI.errorResponse("Not a name or hexadecimal prefix, or a prefix of several agents."),
                        "404": OpenAPI.errorResponse("No agent has that name or id."),
                    ])],
            ],
            schemas: ["Agents": AgentsDocument.schema, "Agent": AgentsDocument.agentSchema])
    }
}
