import FuzzSupport
import PoTCore

/// Decoding is refused with an offset inside the input, or gives a value that encodes to the
/// input; tighter limits may refuse more, never accept something else.
func checkCBOR(_ input: [UInt8]) {
    do {
        let value = try CBOR.decode(input)
        expect(value.encoded() == input, "CBOR: accepted bytes that are not the deterministic encoding")
        expect((try? CBOR.decode(value.encoded())) == value, "CBOR: its own encoding decodes to a different value")
        if let tight = try? CBOR.decode(input, limits: CBORLimits(maxDepth: 2, maxLength: 8)) {
            expect(tight == value, "CBOR: tighter limits gave a different value")
        }
    } catch let error as CBORError {
        expect(error.offset.map { (0...input.count).contains($0) } ?? false, "CBOR: refusal at offset \(String(describing: error.offset)) of \(input.count) bytes")
    } catch {
        expect(false, "CBOR: unexpected error \(error)")
    }
}

/// Any bytes as CBOR: refused at an offset in the input, or the deterministic encoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    checkCBOR(input)
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("cbor", [c.params.cbor().encoded(), c.payload.encoded(), c.block2.encoded(), CBOR.array([.negative(0), .negative(.max), .unsigned(.max), .text("é€😀"), .bytes([]), .map([:])]).encoded()])
    }
    return 0
}
