import FuzzSupport
import PoTCore

/// Chain parameters (the genesis block): refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    expectCanonical(input, what: "chain parameters", decode: { try ChainParams(bytes: $0) }, encode: { $0.cbor().encoded() })
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("params", [c.params.cbor().encoded(), try ChainParams(confirmations: 64, alpha: 1_000_000, initialAccounts: [.init(key: c.carol.publicKey, balance: 1)], createdAt: 0, scoring: .leaveOneOut).cbor().encoded()])
    }
    return 0
}
