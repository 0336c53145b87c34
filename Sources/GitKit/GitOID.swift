import CLibGit2

/// A SHA-1 object id (20 bytes).
public struct GitOID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        self.bytes = bytes
    }

    /// Accepts exactly 40 hex digits (either case).
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 40 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(20)
        var i = 0
        while i < 40 {
            guard let hi = GitOID.nibble(utf8[i]), let lo = GitOID.nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        self.bytes = out
    }

    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var chars = [UInt8]()
        chars.reserveCapacity(40)
        for b in bytes {
            chars.append(digits[Int(b >> 4)])
            chars.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: chars, as: UTF8.self)
    }

    public var description: String { hex }

    public static func < (lhs: GitOID, rhs: GitOID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: libgit2 bridging

    init(_ raw: git_oid) {
        self.bytes = withUnsafeBytes(of: raw.id) { Array($0.prefix(20)) }
    }

    init(_ raw: UnsafePointer<git_oid>) {
        self.init(raw.pointee)
    }

    var raw: git_oid {
        var o = git_oid()
        withUnsafeMutableBytes(of: &o.id) { buf in
            for i in 0..<20 { buf[i] = bytes[i] }
        }
        return o
    }
}
