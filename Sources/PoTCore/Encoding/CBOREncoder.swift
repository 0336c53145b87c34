extension CBOR {
    /// The RFC 8949 §4.2.1 core deterministic encoding: shortest-form heads,
    /// definite lengths, map keys in ascending order.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    /// Appends the deterministic encoding of `self` to `out`.
    public func encode(into out: inout [UInt8]) {
        switch self {
        case .unsigned(let v):
            CBOR.appendHead(major: 0, argument: v, to: &out)
        case .negative(let n):
            CBOR.appendHead(major: 1, argument: n, to: &out)
        case .bytes(let b):
            CBOR.appendHead(major: 2, argument: UInt64(b.count), to: &out)
            out.append(contentsOf: b)
        case .text(let s):
            let utf8 = s.utf8
            CBOR.appendHead(major: 3, argument: UInt64(utf8.count), to: &out)
            out.append(contentsOf: utf8)
        case .array(let items):
            CBOR.appendHead(major: 4, argument: UInt64(items.count), to: &out)
            for item in items { item.encode(into: &out) }
        case .map(let entries):
            CBOR.appendHead(major: 5, argument: UInt64(entries.count), to: &out)
            for key in entries.keys.sorted() {
                CBOR.appendHead(major: 0, argument: key, to: &out)
                entries[key]!.encode(into: &out)
            }
        }
    }

    /// Appends a head (major type and argument) in shortest form.
    static func appendHead(major: UInt8, argument v: UInt64, to out: inout [UInt8]) {
        let m = major << 5
        if v < 24 {
            out.append(m | UInt8(v))
        } else if v <= 0xFF {
            out.append(m | 24)
            out.append(UInt8(v))
        } else if v <= 0xFFFF {
            out.append(m | 25)
            out.append(UInt8(truncatingIfNeeded: v >> 8))
            out.append(UInt8(truncatingIfNeeded: v))
        } else if v <= 0xFFFF_FFFF {
            out.append(m | 26)
            for shift in stride(from: 24, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
            }
        } else {
            out.append(m | 27)
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift)))
            }
        }
    }
}
