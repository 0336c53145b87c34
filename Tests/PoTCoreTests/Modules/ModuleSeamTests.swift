import Testing
@testable import PoTCore
import PoTMarkets
import PoTModules

@Suite("Module seam")
struct ModuleSeamTests {
    static let modules = try! ChainModules([NotaryModule.self, MarketsModule.self])

    static func notarization(_ key: SigningKey, _ digest: UInt8, chain: Hash256) -> Signed<Notarization> {
        Signed.sign(Notarization(notary: key.publicKey, digest: Fx.hash(digest)), with: key, chain: chain)
    }

    static func genesis() -> ChainState { ChainState(genesis: Fx.params(), modules: modules) }

    static func payload(_ notarizations: [Signed<Notarization>]) -> Payload {
        var sections = ModuleSections()
        var section = NotarySection()
        section.notarizations = notarizations
        sections[NotaryModule.self] = section
        return Payload(sections: sections)
    }

    @Test("MOD-ORDER: modules apply in payload-key order, whatever order the list is written in")
    func order() {
        #expect(Self.modules.all.map(\.name) == ["markets", "notary"])
        #expect(Self.modules.all.map(\.payloadKey) == [4, 9])
    }

    @Test("MOD-REGISTRY: payload keys, kinds, wire numbers, tags, ref roots, rules, names, verbs and parameters are unique")
    func registry() throws {
        #expect(ChainModules.standard.all.map(\.name) == ["markets", "membership", "contracts", "agents"])
        // The same module twice claims everything twice; the first clash found is its name.
        #expect(throws: ObjectError("module notary reuses the name notary")) { try ChainModules([NotaryModule.self, NotaryModule.self]) }
        #expect(throws: ObjectError("module clash reuses the payload key 4")) { try ChainModules([MarketsModule.self, Clash<KeyClash>.self]) }
        #expect(throws: ObjectError("module clash reuses the wire kind 2")) { try ChainModules([Clash<WireClash>.self]) }
        #expect(throws: ObjectError("module clash reuses the ref root votes")) { try ChainModules([Clash<RootClash>.self]) }
        #expect(throws: ObjectError("module clash reuses the domain tag pot/vote/v1")) { try ChainModules([Clash<TagClash>.self]) }
        #expect(throws: ObjectError("module clash reuses the rule betClosed")) { try ChainModules([MarketsModule.self, Clash<RuleClash>.self]) }
        #expect(throws: ObjectError("module clash reuses the object name vote")) { try ChainModules([Clash<NameClash>.self]) }
        #expect(throws: (any Error).self) { try ChainModules([Clash<ParameterClash>.self]) }
        #expect(throws: ObjectError("module clash reuses the verb status")) { try ChainModules([Clash<VerbClash>.self]) }
    }

    @Test("MOD-NEW: a module from outside the kernel applies its section, locks a bond and gives it back when final")
    func newModule() throws {
        var state = Self.genesis()
        let chain = state.chainId
        let payload = Self.payload([Self.notarization(Fx.bob, 1, chain: chain)])
        let effects = try Fx.apply(&state, payload: payload)
        #expect(state.state(of: NotaryModule.self).notarized[Fx.hash(1)] == Notarized(notary: Fx.bob.publicKey, height: 1))
        #expect(state.accounts[Fx.bob.publicKey]?.balance == 4_995 && state.bonds[Fx.bob.publicKey] == 5)
        #expect(effects.modules[NotaryModule.self].count == 1)
        #expect(effects.ledger == [LedgerEntry(module: "notary", operation: .lockBond, key: Fx.bob.publicKey, amount: 5)])
        try Fx.apply(&state)
        let final = try Fx.apply(&state)
        #expect(final.finalized?.height == 1)
        #expect(final.ledger == [LedgerEntry(module: "notary", operation: .unlockBond, key: Fx.bob.publicKey, amount: 5)])
        #expect(state.accounts[Fx.bob.publicKey]?.balance == 5_000 && state.bonds.isEmpty)
    }

    @Test("MOD-NEW: the module's rule refuses a block, and its parameter is read from the genesis")
    func newModuleRule() throws {
        let state = Self.genesis()
        let chain = state.chainId
        let outsider = Self.payload([Self.notarization(Fx.dave, 1, chain: chain)])
        #expect(Fx.rejection(Fx.header(on: state, payload: outsider), outsider, on: state) == .notarization)
        let twice = Self.payload([Self.notarization(Fx.bob, 1, chain: chain), Self.notarization(Fx.carol, 1, chain: chain)])
        #expect(Fx.rejection(Fx.header(on: state, payload: twice), twice, on: state) == .notarization)
        var params = Fx.params()
        params.moduleParameters = ["notary.bond": 6_000]
        let poor = ChainState(genesis: params, modules: Self.modules)
        let bond = Self.payload([Self.notarization(Fx.bob, 1, chain: poor.chainId)])
        #expect(Fx.rejection(Fx.header(on: poor, payload: bond), bond, on: poor) == .ledger, "bob has 5 000 mT, the bond is 6 000")
        #expect(throws: (any Error).self) { try ChainModules.standard.checkParameters(params) }
        try Self.modules.checkParameters(params)
        // The rule, reached without the module's type, as a node or the CLI would.
        let notary = try #require(Self.modules.module(payloadKey: 9))
        #expect(notary.admit(Self.notarization(Fx.dave, 1, chain: chain), state, { _, _ in nil }, { _ in "dave" })?.detail
                == "dave is not a member, or \(Fx.hash(1).short) is already notarized")
        #expect(notary.admit(Self.notarization(Fx.bob, 1, chain: chain), state, { _, _ in nil }, { $0.short }) == nil)
    }

    @Test("MOD-PAYLOAD MOD-NEW: selection keeps what applies; the section travels under its key and only a program that knows it decodes it")
    func newModuleSelectionAndEncoding() throws {
        let state = Self.genesis()
        let chain = state.chainId
        var pending = ModuleSections()
        var section = NotarySection()
        section.notarizations = [Self.notarization(Fx.dave, 2, chain: chain), Self.notarization(Fx.bob, 1, chain: chain),
                                 Self.notarization(Fx.carol, 1, chain: chain)]
        pending[NotaryModule.self] = section
        let chosen = PayloadSelection.select(forBlockAt: 1, on: state, transfers: [], votes: [], pending: pending)
        #expect(chosen.sections[NotaryModule.self].notarizations == [Self.notarization(Fx.bob, 1, chain: chain)])
        #expect(try Payload(cbor: chosen.cbor(), modules: Self.modules) == chosen)
        #expect(chosen.cbor() == .map([9: chosen.sections[NotaryModule.self].cbor()]))
        #expect(throws: (any Error).self, "a program without the module refuses key 9") { try Payload(cbor: chosen.cbor()) }
    }

    @Test("MOD-CACHE: a module's state goes through the cache encoding and back")
    func cache() throws {
        var state = Self.genesis()
        try Fx.apply(&state, payload: Self.payload([Self.notarization(Fx.bob, 1, chain: state.chainId)]))
        let restored = try ChainState(params: state.params, modules: Self.modules, height: state.height, tip: state.tip,
                                      tipTimestamp: state.tipTimestamp, finalizedHeight: state.finalizedHeight,
                                      accounts: state.accounts, open: state.open, bonds: state.bonds,
                                      moduleStates: state.encodedModuleStates)
        #expect(restored == state)
        #expect(throws: (any Error).self) {
            try ChainState(params: state.params, modules: .standard, height: 0, tip: state.tip, tipTimestamp: 0, finalizedHeight: 0,
                           accounts: [:], open: [:], moduleStates: state.encodedModuleStates)
        }
    }
}

/// Modules that each clash with the kernel or the markets module in one way.
protocol ClashKind { static var key: UInt64 { get }; static var kind: ModuleObjectKind { get }; static var rule: String { get }
                     static var parameter: String { get }; static var verbs: [String] { get } }
extension ClashKind {
    static var verbs: [String] { ["clash"] }
    static var key: UInt64 { 20 }
    static var kind: ModuleObjectKind { clashKind() }
    static var rule: String { "clash" }
    static var parameter: String { "clash.value" }
}
enum KeyClash: ClashKind { static var key: UInt64 { 4 } }
enum WireClash: ClashKind { static var kind: ModuleObjectKind { clashKind(wireKind: 2) } }
enum RootClash: ClashKind { static var kind: ModuleObjectKind { clashKind(refRoot: "votes") } }
enum TagClash: ClashKind { static var kind: ModuleObjectKind { clashKind(Vote.self) } }
enum NameClash: ClashKind { static var kind: ModuleObjectKind { clashKind(shortName: "vote") } }

func clashKind<Body: SignableBody>(_ body: Body.Type = Notarization.self, shortName: String = "clashing", wireKind: UInt8 = 20,
                                   refRoot: String = "clash") -> ModuleObjectKind {
    ModuleObjectKind(body, shortName: shortName, wireKind: wireKind, refRoot: refRoot) { _, _ in "x" }
}
enum RuleClash: ClashKind { static var rule: String { "betClosed" } }
enum ParameterClash: ClashKind { static var parameter: String { "markets.value" } }
enum VerbClash: ClashKind { static var verbs: [String] { ["clash", "status"] } }

enum Clash<K: ClashKind>: ChainModule {
    typealias Section = NotarySection
    typealias State = NotaryState
    typealias Report = NotaryReport
    static var name: String { "clash" }
    static var verbs: [String] { K.verbs }
    static var summary: String { "clashes" }
    static var payloadKey: UInt64 { K.key }
    static var kinds: [ModuleObjectKind] { [K.kind] }
    static var rules: [BlockRejection.Rule] { [BlockRejection.Rule(K.rule)] }
    static var parameters: [ModuleParameter] { [ModuleParameter(K.parameter, default: 1, range: 1...2, summary: "")] }
    static func initialState(_ params: ChainParams) -> NotaryState { NotaryState() }
    static func apply(_ section: NotarySection, in block: inout ModuleBlock<Clash<K>>) throws {}
    static func select(_ pending: NotarySection, in block: inout ModuleBlock<Clash<K>>) -> NotarySection { NotarySection() }
    static func pendingSection(_ objects: [any SignedObject]) -> NotarySection { NotarySection() }
    static func admit(_ object: any SignedObject, on state: ChainState, stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                      named: (PublicKey) -> String) -> BlockRejection? { nil }
}
