import PoTCore
import PoTStore

/// The explorer's part of a chain module: its share of the read model, its route groups, its
/// sections on the block and account pages and the objects pot-web signs for it. A module
/// implements it in its web target (`Sources/Modules/<Name>/Web`); the program lists it in
/// `ExplorerModules` (see docs/modules.md).
package protocol ExplorerModule: Sendable {
    /// What the module adds to each snapshot.
    associatedtype Part: Sendable
    /// The chain module's name (`ChainModule.name`).
    static var name: String { get }
    /// The module's part of a snapshot; objects that cannot be read are named in `problems`.
    static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Part
    /// Its routes, placed after the kernel's account routes (in the navigation bar too).
    static var routeGroups: [any RouteGroup] { get }
    /// Its section of a block's payload (page and `payload` of `/api/blocks/{id}`); nil when
    /// the block carries none.
    static func blockSection(_ block: BlockRecord, part: Part, snapshot: ChainSnapshot) -> PageSection?
    /// The key and schema of the block section (optional in the document).
    static var blockSectionSchema: SectionSchema? { get }
    /// Its section of an account's page and of `/api/accounts/{account}`.
    static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection?
    /// The key and schema of the account section (always present in the document).
    static var accountSectionSchema: SectionSchema? { get }
    /// The objects `POST /api/sign/<kind>` signs for it.
    static var signing: [any SigningOperation] { get }
}

extension ExplorerModule {
    package static var routeGroups: [any RouteGroup] { [] }
    package static func blockSection(_ block: BlockRecord, part: Part, snapshot: ChainSnapshot) -> PageSection? { nil }
    package static var blockSectionSchema: SectionSchema? { nil }
    package static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection? { nil }
    package static var accountSectionSchema: SectionSchema? { nil }
    package static var signing: [any SigningOperation] { [] }
}

/// An explorer module with its types erased, as the server keeps it.
package struct AnyExplorerModule: Sendable {
    package let name: String
    let part: @Sendable (ReadModelInput, inout [String]) throws -> any Sendable
    let routeGroups: [any RouteGroup]
    let blockSection: @Sendable (BlockRecord, ChainSnapshot) -> PageSection?
    let blockSectionSchema: SectionSchema?
    let accountSection: @Sendable (AccountView, ChainSnapshot) -> PageSection?
    let accountSectionSchema: SectionSchema?
    let signing: [any SigningOperation]

    package init<M: ExplorerModule>(_ module: M.Type) {
        name = M.name
        part = { input, problems in try M.part(input, problems: &problems) }
        routeGroups = M.routeGroups
        blockSection = { block, snapshot in M.blockSection(block, part: snapshot.part(of: M.self), snapshot: snapshot) }
        blockSectionSchema = M.blockSectionSchema
        accountSection = { account, snapshot in M.accountSection(account, part: snapshot.part(of: M.self), snapshot: snapshot) }
        accountSectionSchema = M.accountSectionSchema
        signing = M.signing
    }
}

/// The explorer modules of a program, in the order of their chain modules.
public struct ExplorerModules: Sendable {
    package let all: [AnyExplorerModule]

    /// Refuses two modules with one name, or two sections or signed kinds under one key.
    package init(_ modules: [any ExplorerModule.Type]) throws {
        all = modules.map { AnyExplorerModule($0) }
        try check()
    }

    private init() { all = [] }

    private func check() throws {
        // The kernel's own keys are claimed first, so a module cannot take them.
        var seen = Set(["transfers", "votes", "evidence"].map { "the block section '\($0)'" }
            + AccountDocument.kernelKeys.map { "the account section '\($0)'" }
            + ["vote", "transfer"].map { "the signed kind '\($0)'" })
        func claim(_ what: String) throws {
            guard seen.insert(what).inserted else { throw ExplorerModulesError("two explorer modules, or a module and the kernel, claim \(what)") }
        }
        for module in all {
            try claim("the name '\(module.name)'")
            if let s = module.blockSectionSchema { try claim("the block section '\(s.key)'") }
            if let s = module.accountSectionSchema { try claim("the account section '\(s.key)'") }
            for operation in module.signing { try claim("the signed kind '\(operation.kind)'") }
        }
    }

    /// No module: the kernel's pages only.
    public static let none = ExplorerModules()

    var routeGroups: [any RouteGroup] { all.flatMap(\.routeGroups) }
    var signing: [any SigningOperation] { all.flatMap(\.signing) }
}

/// Two explorer modules that collide.
package struct ExplorerModulesError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
