import Hummingbird
import PoTCore
import PoTStore
import PoTWeb

/// An explorer module of the tests, written against the seam alone: how many votes each account
/// cast on main, a page and its twin listing them, the number of votes on each block's page,
/// and the account's count on its page. Adding it touches no file of `PoTWeb`.
enum VoteCountExplorer: ExplorerModule {
    struct Part: Sendable {
        let votesCast: [PublicKey: Int]
    }

    static var name: String { "vote-count" }

    static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Part {
        var cast: [PublicKey: Int] = [:]
        for entry in input.applied {
            for signed in entry.block.payload.votes { cast[signed.vote.voter, default: 0] += 1 }
        }
        return Part(votesCast: cast)
    }

    static var routeGroups: [any RouteGroup] { [VoteCountRoutes()] }

    static func blockSection(_ block: BlockRecord, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        let count = block.stored.payload.votes.count
        guard count > 0 else { return nil }
        return PageSection(key: "vote_count", json: count, html: "<section><h2>Vote count</h2><p id=\"vote-count\">\(count)</p></section>")
    }

    static var blockSectionSchema: SectionSchema? { SectionSchema(key: "vote_count", schema: Schema.integer) }

    static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        let count = part.votesCast[account.key] ?? 0
        return PageSection(key: "votes_cast", json: count, html: "<section><h2>Votes cast</h2><p id=\"votes-cast\">\(count)</p></section>")
    }

    static var accountSectionSchema: SectionSchema? { SectionSchema(key: "votes_cast", schema: Schema.integer) }
}

/// `/vote-counts` and its twin.
struct VoteCountRoutes: RouteGroup {
    var navigation: NavigationItem? { NavigationItem(title: "Vote counts", path: "/vote-counts") }

    func register(on router: some RouterMethods<WebContext>, site: Site) {
        router.get("/vote-counts") { _, _ in
            let s = site.snapshot
            return site.page("vote-counts", s) {
                let rows = Self.rows(s).map { row -> [HTML] in [Fragments.accountLink(row.key.hex, label: s.names[row.key]), "\(row.count)"] }
                return site.layout(s).page(title: "Vote counts", revision: s.revision, active: "/vote-counts",
                                           "<h1>Vote counts</h1>\(Fragments.table(["account", "votes"], rows, numeric: [1]))")
            }
        }
        router.get("/api/vote-counts") { _, _ in
            let s = site.snapshot
            return try site.json("vote-counts", s) { Dictionary(uniqueKeysWithValues: Self.rows(s).map { ($0.key.hex, $0.count) }) }
        }
    }

    static func rows(_ s: ChainSnapshot) -> [(key: PublicKey, count: Int)] {
        s.part(of: VoteCountExplorer.self).votesCast.map { (key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
    }

    var openAPI: OpenAPIFragment {
        OpenAPIFragment(paths: ["/api/vote-counts": ["get": OpenAPI.operation(
            id: "voteCounts", summary: "Votes cast on main, per account", description: "Public key → number of votes.", tag: "chain",
            responses: ["200": OpenAPI.response("The counts.", schema: "VoteCounts")])]],
                        schemas: ["VoteCounts": ["type": "object", "additionalProperties": Schema.integer]])
    }
}

/// A module that takes the markets' section keys.
enum CollidingExplorer: ExplorerModule {
    static var name: String { "colliding" }
    static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Int { 0 }
    static var blockSectionSchema: SectionSchema? { SectionSchema(key: "markets", schema: Schema.integer) }
}

/// A module that takes a kernel's section of the block page.
enum KernelSectionExplorer: ExplorerModule {
    static var name: String { "kernel-section" }
    static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Int { 0 }
    static var blockSectionSchema: SectionSchema? { SectionSchema(key: "votes", schema: Schema.integer) }
}

/// A module that takes a field of the kernel's account document.
enum KernelAccountExplorer: ExplorerModule {
    static var name: String { "kernel-account" }
    static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Int { 0 }
    static var accountSectionSchema: SectionSchema? { SectionSchema(key: "balance_mt", schema: Schema.integer) }
}
