import FuzzSupport
import PoTCore

/// Signed block headers and their bodies: refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    expectCanonicalSigned(BlockHeader.self, input)
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("header", (c.candidates + [c.block2]).map { $0.encoded() } + [c.block2.body.cbor().encoded()])
    }
    return 0
}
