import FuzzSupport
import PoTCore
import PoTMarkets
import PoTModules

/// Payloads and their markets sections: refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    expectCanonical(input, what: "payload", decode: { try Payload(bytes: $0) }, encode: { $0.encoded() })
    expectCanonical(input, what: "markets section", decode: { try MarketSection(cbor: try CBOR.decode($0)) }, encode: { $0.cbor().encoded() })
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("payload", [c.payload.encoded(), Payload(votes: c.votes).encoded(), Payload().encoded(), c.payload.markets.cbor().encoded()])
    }
    return 0
}
