/// Search results.
enum SearchPage {
    static func render(_ d: SearchDocument) -> HTML {
        let rows = d.results.map { r -> [HTML] in
            ["\(r.kind)", "<a href=\"\(r.href)\">\(r.title)</a>", "\(r.detail)"]
        }
        return """
        <h1>Search</h1>
        <form class="search wide" action="/search" method="get" role="search">
        <input name="q" type="search" value="\(d.query)" aria-label="Search" required maxlength="128">
        <button type="submit">Search</button>
        </form>
        <p class="note">\(d.results.count) result(s) for <code>\(d.query)</code>.</p>
        \(Fragments.table(["kind", "what", "detail"], rows, empty: "nothing matches"))
        \(Fragments.twin("/api/search?q=\(d.query.addingPercentEncodingForQuery)"))
        """
    }
}

extension String {
    /// The text as a query-string value.
    var addingPercentEncodingForQuery: String {
        var out = ""
        for byte in utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || "-_.~".contains(c) {
                out.append(c)
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
            }
        }
        return out
    }
}
