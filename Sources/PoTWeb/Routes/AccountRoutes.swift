import Hummingbird

/// `/accounts/{account}` and its twin `/api/accounts/{account}`.
struct AccountRoutes: RouteGroup {
    let modules: ExplorerModules

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/accounts/{account}") { _, context in
            let s = site.snapshot
            let view = try Lookup.account(context, in: s)
            return site.page("account \(view.key.hex)", s) {
                site.layout(s).page(title: "Account \(view.label ?? view.key.short)", revision: s.revision,
                                    AccountPage.render(AccountDocument(view, snapshot: s), sections: Self.sections(view, s), tipHeight: s.tipHeight))
            }
        }
        router.get("/api/accounts/{account}") { _, context in
            let s = site.snapshot
            let view = try Lookup.account(context, in: s)
            return try site.json("account \(view.key.hex)", s) {
                WithSections(document: AccountDocument(view, snapshot: s), sections: Self.sections(view, s))
            }
        }
    }

    /// What the modules show of the account.
    static func sections(_ view: AccountView, _ s: ChainSnapshot) -> [PageSection] {
        s.modules.all.compactMap { $0.accountSection(view, s) }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/accounts/{account}": ["get": OpenAPI.operation(
                    id: "getAccount", summary: "One account (twin of /accounts/{account})",
                    description: "Balance and its history, votes, scores, transfers and equivocation penalties of a key, and what the modules record of it.",
                    tag: "chain",
                    parameters: [APIParameters.account.document],
                    responses: [
                        "200": OpenAPI.response("The account.", schema: "Account"),
                        "400": OpenAPI.errorResponse("Neither a valid label nor a public key."),
                        "404": OpenAPI.errorResponse("No account or label for it."),
                    ])],
            ],
            schemas: ["Account": AccountDocument.schema(modules: modules)])
    }
}
