import FuzzSupport
import PoTCore
import PoTMarkets

/// Signed market declarations and their bodies: refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    expectCanonicalSigned(MarketDeclaration.self, input)
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("declaration", [c.declaration.encoded(), c.declaration.body.cbor().encoded()])
    }
    return 0
}
