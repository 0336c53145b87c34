import FuzzSupport
import PoTCore
import PoTModules
import PoTNet

/// The largest frame this harness lets through, small so that length fields are reachable.
let maxFrame = 1 << 16

/// A byte stream cut into frames: the first input byte is the size of the pieces the stream
/// arrives in, the rest is the stream. Every frame the decoder returns must be exactly the next
/// bytes of the stream, nothing may be lost or invented, a refusal must be for the length it
/// names, and each frame body is checked as a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    guard let first = input.first else { return 0 }
    let stream = Array(input.dropFirst())
    let piece = Int(first) + 1
    var decoder = FrameDecoder(maxBytes: maxFrame)
    var fed = 0, consumed = 0
    while fed < stream.count {
        let end = min(stream.count, fed + piece)
        decoder.append(stream[fed..<end])
        fed = end
        while true {
            let body: [UInt8]?
            do {
                body = try decoder.next()
            } catch {
                let header = stream[consumed..<consumed + Frame.headerBytes]
                let declared = header.reduce(0) { $0 << 8 | Int($1) }
                switch error {
                case .empty: expect(declared == 0, "frame: refused as empty a frame declaring \(declared) bytes")
                case let .oversized(length, limit):
                    expect(length == declared && limit == maxFrame && declared > maxFrame,
                           "frame: refused \(declared) bytes as oversized (\(length) > \(limit))")
                }
                return 0
            }
            guard let body else { break }
            let frame = Frame.encode(body)
            expect(consumed + frame.count <= fed && Array(stream[consumed..<consumed + frame.count]) == frame,
                   "frame: returned a body that is not the next frame of the stream")
            consumed += frame.count
            expectCanonical(body, what: "message", decode: { try Message(bytes: $0, modules: .standard) }, encode: { $0.encoded() })
        }
        expect(decoder.bufferedBytes == fed - consumed, "frame: \(decoder.bufferedBytes) bytes buffered, \(fed - consumed) expected")
        expect(decoder.bufferedBytes < Frame.headerBytes || decoder.bufferedBytes < Frame.headerBytes + Int(
            stream[consumed..<consumed + Frame.headerBytes].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }),
            "frame: a whole frame was left in the buffer")
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let frames = try SeedChain().messages.map { Frame.encode($0.encoded()) }
        let small = frames.filter { $0.count <= maxFrame }
        return [
            (name: "stream-whole", bytes: [255] + small.joined()),
            (name: "stream-bytewise", bytes: [0] + small.prefix(8).joined()),
            (name: "stream-pieces-7", bytes: [6] + small.suffix(8).joined()),
            (name: "stream-empty-frame", bytes: [3] + frames[3] + [0, 0, 0, 0]),
            (name: "stream-oversized", bytes: [31] + frames[4] + [0, 1, 0, 1]),
        ] + small.enumerated().map { (name: "frame-\($0.offset + 1)", bytes: [UInt8(truncatingIfNeeded: 17 * $0.offset)] + $0.element) }
    }
    return 0
}
