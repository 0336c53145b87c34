import Hummingbird

/// `/blocks/{id}` and its twin `/api/blocks/{id}`.
struct BlockRoutes: RouteGroup {
    let modules: ExplorerModules

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/blocks/{id}") { _, context in
            let s = site.snapshot
            let block = try Lookup.block(context, in: s)
            return site.page("block \(block.id.hex)", s) {
                site.layout(s).page(title: "Block \(block.id.short)", revision: s.revision, BlockPage.render(BlockDocument(block, snapshot: s)))
            }
        }
        router.get("/api/blocks/{id}") { _, context in
            let s = site.snapshot
            let block = try Lookup.block(context, in: s)
            return try site.json("block \(block.id.hex)", s) { BlockDocument(block, snapshot: s) }
        }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(
            paths: [
                "/api/blocks/{id}": ["get": OpenAPI.operation(
                    id: "getBlock", summary: "One block (twin of /blocks/{id})",
                    description: "Header, merged commits, payload, the fork choice of its height and, once final, the height's scores.",
                    tag: "chain",
                    parameters: [APIParameters.blockId.document],
                    responses: [
                        "200": OpenAPI.response("The block.", schema: "Block"),
                        "400": OpenAPI.errorResponse("Not 4 to 64 hexadecimal digits, or a prefix of several blocks."),
                        "404": OpenAPI.errorResponse("No stored block has this id."),
                    ])],
            ],
            schemas: ["Block": BlockDocument.schema(modules: modules)])
    }
}
