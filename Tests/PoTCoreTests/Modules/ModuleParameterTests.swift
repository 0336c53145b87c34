import Testing
@testable import PoTCore
import PoTMarkets
import PoTModules

@Suite("Module parameters")
struct ModuleParameterTests {
    static func fields(_ params: ChainParams) -> [UInt64: CBOR] {
        guard case .map(let fields) = params.cbor() else { return [:] }
        return fields
    }

    @Test("MOD-PARAMS: module parameters are field 8, sorted by name, omitted when none is set, and checked against the module list")
    func encoding() throws {
        var params = Fx.params()
        let plain = params.chainId
        params.moduleParameters = ["markets.max_resolution_window": 10, "notary.bond": 7]
        let decoded = try ChainParams(cbor: params.cbor())
        #expect(decoded == params && decoded.chainId != plain)
        #expect(Self.fields(params)[8] == .array([
            .array([.text("markets.max_resolution_window"), .unsigned(10)]), .array([.text("notary.bond"), .unsigned(7)]),
        ]))
        #expect(Self.fields(Fx.params())[8] == nil, "a chain without module parameters keeps its encoding and id")
        #expect(params.value(of: MarketsModule.maxResolutionWindow) == 10 && Fx.params().value(of: MarketsModule.maxResolutionWindow) == 100_000)
        let known = ChainModules.standard.parameters.map(\.name)
        #expect(known.first == "markets.max_resolution_window" && known.contains("membership.commit_window"))
        #expect(throws: ObjectError("unknown chain parameter 'notary.bond' (known: \(known.joined(separator: ", ")))")) {
            try ChainModules.standard.checkParameters(params)
        }
        try ModuleSeamTests.modules.checkParameters(params)
        params.moduleParameters = ["markets.max_resolution_window": 0]
        #expect(throws: ObjectError("chain parameter markets.max_resolution_window must be between 1 and 100000, got 0")) {
            try ChainModules.standard.checkParameters(params)
        }
    }

    @Test("MOD-PARAMS: a parameter name is 1 to 64 bytes of a-z 0-9 . _ -; an unsorted or repeated list is refused")
    func names() throws {
        for bad in ["", "Markets.x", "markets x", String(repeating: "a", count: 65), "märkte"] {
            #expect(throws: ObjectError.self, "\(bad)") {
                try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: [.init(key: Fx.alice.publicKey, balance: 1)],
                                createdAt: 1, moduleParameters: [bad: 1])
            }
        }
        var fields = Self.fields(Fx.params())
        fields[8] = .array([.array([.text("b.x"), .unsigned(1)]), .array([.text("a.x"), .unsigned(1)])])
        #expect(throws: (any Error).self, "unsorted") { try ChainParams(cbor: .map(fields)) }
        fields[8] = .array([.array([.text("a.x"), .unsigned(1)]), .array([.text("a.x"), .unsigned(2)])])
        #expect(throws: (any Error).self, "repeated") { try ChainParams(cbor: .map(fields)) }
        fields[8] = .array([])
        #expect(throws: (any Error).self, "empty list instead of omitted") { try ChainParams(cbor: .map(fields)) }
    }

    @Test("MARKET-WINDOW: a chain may give resolvers less time than the decoders allow")
    func resolutionWindow() throws {
        var params = Fx.params()
        params.moduleParameters = ["markets.max_resolution_window": 10]
        let state = ChainState(genesis: params)
        let chain = state.chainId
        let tooLong = Mx.declaration(close: 3, resolveBy: 14, chain: chain)
        #expect(Fx.rejection(of: Mx.payload(declarations: [tooLong]), on: state) == .marketResolutionWindow)
        #expect(Fx.rejection(of: Mx.payload(declarations: [Mx.declaration(close: 3, resolveBy: 13, chain: chain)]), on: state) == nil)
        let plain = Fx.genesis()
        let sameOnPlain = Mx.declaration(close: 3, resolveBy: 14, chain: plain.chainId)
        #expect(Fx.rejection(of: Mx.payload(declarations: [sameOnPlain]), on: plain) == nil, "the default is the decoders' limit")
    }
}
