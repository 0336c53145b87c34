import Hummingbird

/// `/assets/pot.css` and `/assets/live.js`.
struct AssetRoutes: RouteGroup {
    func register(on router: some RouterMethods<WebContext>, site: Site) {
        let css = ByteBuffer(string: Assets.css), js = ByteBuffer(string: Assets.javascript)
        router.get("/assets/pot.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"], body: .init(byteBuffer: css))
        }
        router.get("/assets/live.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"], body: .init(byteBuffer: js))
        }
    }

    var openAPI: OpenAPIFragment { OpenAPIFragment() }
}
