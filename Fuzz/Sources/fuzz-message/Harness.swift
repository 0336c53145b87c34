import FuzzSupport
import PoTCore
import PoTModules
import PoTNet

/// Frame bodies as messages: refused, or the canonical encoding of a known message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    expectCanonical(input, what: "message", decode: { try Message(bytes: $0, modules: .standard) }, encode: { $0.encoded() })
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return c.messages.enumerated().map { (name: "message-\($0.offset + 1)-\($0.element.name)", bytes: $0.element.encoded()) }
    }
    return 0
}
