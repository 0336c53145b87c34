import PoTCore

/// A link in the navigation bar.
public struct NavigationItem: Sendable {
    public let title: String
    public let path: String
    public init(title: String, path: String) {
        self.title = title
        self.path = path
    }
}

/// The frame every page shares: head, navigation, search box, the live-update script.
package struct Layout {
    let navigation: [NavigationItem]
    let chainId: String

    package func page(title: String, revision: Int, active: String? = nil, _ body: HTML) -> HTML {
        let links = navigation.map { item -> HTML in
            item.path == active ? "<a href=\"\(item.path)\" aria-current=\"page\">\(item.title)</a>" : "<a href=\"\(item.path)\">\(item.title)</a>"
        }
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · PoT explorer</title>
        <link rel="stylesheet" href="/assets/pot.css">
        <script src="/assets/live.js" defer></script>
        </head>
        <body>
        <header>
        <a class="brand" href="/">PoT explorer</a>
        <nav>\(links)</nav>
        <form class="search" action="/search" method="get" role="search">
        <input name="q" type="search" placeholder="block id, key or label" aria-label="Search" required maxlength="128">
        <button type="submit">Search</button>
        </form>
        <span id="live" class="live" title="Updates as the chain moves">live</span>
        </header>
        <main data-revision="\(revision)">
        \(body)
        </main>
        <footer>chain <code>\(chainId)</code> · <a href="/api/openapi.json">API</a></footer>
        </body>
        </html>

        """
    }
}

/// Small pieces pages share.
package enum Fragments {
    package static func blockLink(_ id: String, short: Bool = true) -> HTML {
        "<a class=\"id\" href=\"/blocks/\(id)\">\(short ? String(id.prefix(12)) : id)</a>"
    }

    package static func accountLink(_ key: String, label: String?) -> HTML {
        "<a class=\"account\" href=\"/accounts/\(label ?? key)\">\(label ?? String(key.prefix(8)))</a>"
    }

    package static func heightLink(_ height: UInt64) -> HTML { "<a href=\"/heights/\(height)\">\(height)</a>" }

    package static func badge(_ text: String) -> HTML { "<span class=\"badge \(text)\">\(text)</span>" }

    package static func twin(_ path: String) -> HTML { "<p class=\"twin\">JSON: <a href=\"\(path)\">\(path)</a></p>" }

    /// A table; `rows` are already rendered cells.
    package static func table(_ headers: [String], _ rows: [[HTML]], numeric: Set<Int> = [], empty: String = "none") -> HTML {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(empty)</p>" }
        let head = headers.enumerated().map { i, h -> HTML in numeric.contains(i) ? "<th class=\"num\">\(h)</th>" : "<th>\(h)</th>" }
        let body = rows.map { row -> HTML in
            let cells = row.enumerated().map { i, c -> HTML in numeric.contains(i) ? "<td class=\"num\">\(c)</td>" : "<td>\(c)</td>" }
            return "<tr>\(cells)</tr>\n"
        }
        return "<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(body)</tbody>\n</table>"
    }

    package static func code(_ s: String) -> HTML { "<code>\(s)</code>" }

    /// A change of balance in mT, coloured by its sign.
    package static func delta(_ mt: Int64) -> HTML {
        "<span class=\"delta \(mt < 0 ? "neg" : "pos")\">\(Figures.signedGrouped(mt))</span>"
    }
}
