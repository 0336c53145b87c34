import FuzzSupport
import PoTCore
import PoTMarkets

/// Signed market resolutions and their bodies: refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    expectCanonicalSigned(MarketResolution.self, input)
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("resolution", [c.resolution.encoded(), c.resolution.body.cbor().encoded()])
    }
    return 0
}
