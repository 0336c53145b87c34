import Hummingbird
import PoTContractsHost
import PoTCore
import PoTWeb

/// `/contracts`, `/contracts/{id}` and their twins under `/api/contracts`.
struct ContractsRoutes: RouteGroup {
    var navigation: NavigationItem? { NavigationItem(title: "Contracts", path: "/contracts") }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/contracts") { _, _ in
            let s = site.snapshot
            return site.page("contracts", s) {
                site.layout(s).page(title: "Contracts", revision: s.revision, active: "/contracts", ContractsPage.render(Self.document(s)))
            }
        }
        router.get("/contracts/{id}") { _, context in
            let s = site.snapshot
            let task = try Self.task(context, in: s)
            return site.page("task \(task.contract.id)", s) {
                site.layout(s).page(title: "Task \(task.contract.id.prefix(12))", revision: s.revision, active: "/contracts", ContractsPage.task(task))
            }
        }
        router.get("/api/contracts") { _, _ in
            let s = site.snapshot
            return try site.json("contracts", s) { Self.document(s) }
        }
        router.get("/api/contracts/{id}") { _, context in
            let s = site.snapshot
            let task = try Self.task(context, in: s)
            return try site.json("task \(task.contract.id)", s) { task }
        }
    }

    static func document(_ s: ChainSnapshot) -> ContractsDocument {
        let part = s.part(of: ContractsExplorer.self)
        return ContractsDocument(tip_height: s.tipHeight, contracts: part.contracts,
                                 disputes: part.committees.values.sorted { ($0.opened_at, $0.dispute) > ($1.opened_at, $1.dispute) },
                                 service: part.service)
    }

    /// A task id, or a unique prefix of at least 4 hex digits.
    static let taskId = APIParameter(
        name: "id", location: .path, description: "A task id, or a unique prefix of at least 4 hexadecimal digits.",
        schema: ["type": "string", "pattern": "^[0-9a-fA-F]{4,64}$"], noun: "task id")

    /// The task the request's path names with its committee, or a refusal (404: none, 400: unreadable or ambiguous).
    static func task(_ context: WebContext, in s: ChainSnapshot) throws -> TaskDocument {
        let part = s.part(of: ContractsExplorer.self)
        let contract = try Lookup.unique(taskId, context, kind: "task", among: part.contracts, id: { Hash256(hex: $0.id)! })
        return TaskDocument(contract: contract, committee: part.committees[contract.id])
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/contracts": ["get": OpenAPI.operation(
                    id: "getContracts", summary: "Tasks, disputes and service trust (twin of /contracts)",
                    description: "Every task of the contracts module (newest first) with its phase, every dispute with its committee, and each member's service trust.",
                    tag: "contracts",
                    responses: ["200": OpenAPI.response("Tasks, disputes and service trust.", schema: "Contracts", links: [
                        .init("firstTask", to: "getTask", parameter: "id", from: "/contracts/0/id", "The newest task."),
                    ])])],
                "/api/contracts/{id}": ["get": OpenAPI.operation(
                    id: "getTask", summary: "One task and its dispute (twin of /contracts/{id})",
                    description: "Its requester, worker, reward, deadlines, delivery, closing and ratings and, when disputed, its committee, phase and decision.",
                    tag: "contracts",
                    parameters: [Self.taskId.document],
                    responses: [
                        "200": OpenAPI.response("The task.", schema: "Task"),
                        "400": OpenAPI.errorResponse("Not 4 to 64 hexadecimal digits, or a prefix of several tasks."),
                        "404": OpenAPI.errorResponse("No task starts with it."),
                    ])],
            ],
            schemas: ["Contracts": ContractsDocument.schema, "Task": TaskDocument.schema, "Contract": ContractsDocument.contractSchema,
                      "Committee": ContractsDocument.committeeSchema, "ServiceTrust": ContractsDocument.serviceSchema,
                      "Party": ContractsDocument.partySchema, "BlockContracts": BlockContractsDocument.schema])
    }
}
