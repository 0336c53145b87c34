import Foundation
import PoTCore

/// `/api/search?q=`, the twin of the search page.
public struct SearchDocument: Codable, Sendable, Equatable {
    public struct Result: Codable, Sendable, Equatable {
        /// "block", "height", "account", "vote" or "transfer".
        public let kind: String
        public let title: String
        public let detail: String
        /// The page of the result.
        public let href: String
        /// Its JSON twin.
        public let api: String
    }

    static let limit = 50

    public let query: String
    public let results: [Result]

    /// Searches block, vote and transfer ids and public keys by hex prefix, labels by prefix
    /// (ignoring case), and heights by number.
    init(query q: String, snapshot s: ChainSnapshot) {
        query = q
        var found: [Result] = []
        let lower = q.lowercased()
        if let h = UInt64(q), s.height(h) != nil {
            found.append(Result(kind: "height", title: "height \(h)", detail: h <= s.finalizedHeight ? "final" : "open",
                                href: "/heights/\(h)", api: "/api/heights/\(h)"))
        }
        for (label, key) in s.labels.sorted(by: { $0.key < $1.key }) where label.lowercased().hasPrefix(lower) {
            found.append(Result(kind: "account", title: label, detail: key.hex, href: "/accounts/\(label)", api: "/api/accounts/\(label)"))
        }
        if Hex.isHexPrefix(lower) {
            for id in s.blocks(withPrefix: lower, limit: Self.limit) {
                let b = s.blocks[id]!
                found.append(Result(kind: "block", title: id.hex, detail: "height \(b.height), \(s.blockStatus[id]?.rawValue ?? "candidate")",
                                    href: "/blocks/\(id.hex)", api: "/api/blocks/\(id.hex)"))
            }
            let labeled = Set(found.filter { $0.kind == "account" }.map(\.detail))
            for key in s.accounts.keys.sorted() where key.hex.hasPrefix(lower) && !labeled.contains(key.hex) {
                let name = s.names[key] ?? key.hex
                found.append(Result(kind: "account", title: name, detail: key.hex, href: "/accounts/\(name)", api: "/api/accounts/\(name)"))
            }
            for vote in s.votesById.values.sorted(by: { $0.id < $1.id }) where vote.id.hex.hasPrefix(lower) {
                let voter = Display.account(vote.vote.voter, s.names)
                found.append(Result(kind: "vote", title: vote.id.hex, detail: "by \(voter) for height \(vote.vote.height)",
                                    href: "/heights/\(vote.vote.height)#vote-\(vote.id.hex)", api: "/api/heights/\(vote.vote.height)"))
            }
            for t in s.transfersById.values.sorted(by: { $0.id < $1.id }) where t.id.hex.hasPrefix(lower) {
                let from = Display.account(t.transfer.from, s.names)
                found.append(Result(kind: "transfer", title: t.id.hex,
                                    detail: "\(Figures.grouped(t.transfer.amount)) mT from \(from) to \(Display.account(t.transfer.to, s.names))",
                                    href: "/accounts/\(s.names[t.transfer.from] ?? t.transfer.from.hex)#transfer-\(t.id.hex)",
                                    api: "/api/accounts/\(s.names[t.transfer.from] ?? t.transfer.from.hex)"))
            }
        }
        results = Array(found.prefix(Self.limit))
    }

    static let schema = Schema.object([
        "query": Schema.string,
        "results": Schema.array(Schema.object([
            "kind": Schema.enumeration(["block", "height", "account", "vote", "transfer"]),
            "title": Schema.string, "detail": Schema.string, "href": Schema.string, "api": Schema.string,
        ])),
    ], description: "What a query matches: heights by number, labels by prefix (ignoring case), and block, vote and transfer ids and public keys by hex prefix; at most 50 results.")
}
