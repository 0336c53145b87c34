/// Frames on the wire: a 4-byte big-endian length, then that many bytes of one CBOR message.
public enum Frame {
    public static let headerBytes = 4
    /// The largest frame a node accepts or sends (a full block with its code pack fits).
    public static let defaultMaxBytes = 8 << 20

    public static func encode(_ body: [UInt8]) -> [UInt8] {
        let n = UInt32(body.count)
        var out: [UInt8] = [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)]
        out.reserveCapacity(4 + body.count)
        out += body
        return out
    }
}

public enum FrameError: Error, Equatable, CustomStringConvertible {
    case oversized(declared: Int, limit: Int)
    case empty

    public var description: String {
        switch self {
        case let .oversized(declared, limit): return "frame of \(declared) bytes exceeds the limit of \(limit)"
        case .empty: return "empty frame"
        }
    }
}

/// Cuts a byte stream into frames. The declared length is checked before any body is buffered,
/// so an oversized frame costs its sender a disconnection, not our memory.
public struct FrameDecoder: Sendable {
    public let maxBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0

    public init(maxBytes: Int = Frame.defaultMaxBytes) { self.maxBytes = maxBytes }

    /// Bytes received but not yet part of a whole frame.
    public var bufferedBytes: Int { buffer.count - start }

    public mutating func append(_ bytes: some Collection<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next whole frame's body, nil when more bytes are needed.
    public mutating func next() throws(FrameError) -> [UInt8]? {
        guard buffer.count - start >= Frame.headerBytes else { compact(); return nil }
        let length = Int(buffer[start]) << 24 | Int(buffer[start + 1]) << 16 | Int(buffer[start + 2]) << 8 | Int(buffer[start + 3])
        guard length > 0 else { throw .empty }
        guard length <= maxBytes else { throw .oversized(declared: length, limit: maxBytes) }
        guard buffer.count - start - Frame.headerBytes >= length else { compact(); return nil }
        let bodyStart = start + Frame.headerBytes
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return body
    }

    private mutating func compact() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
