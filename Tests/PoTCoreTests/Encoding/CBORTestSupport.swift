import PropertyBased
import Testing
import PoTCore

/// Parses "0a 1b2C" style hex (spaces ignored).
func cborHex(_ s: String) -> [UInt8] {
    let digits = s.unicodeScalars.filter { $0 != " " }.map { UInt8(String($0), radix: 16)! }
    precondition(digits.count % 2 == 0)
    return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
}

func cborHexString(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

func cborDecodeError(_ bytes: [UInt8], limits: CBORLimits = .default) -> CBORError? {
    do {
        _ = try CBOR.decode(bytes, limits: limits)
        return nil
    } catch let e as CBORError {
        return e
    } catch {
        Issue.record("unexpected error type \(error)")
        return nil
    }
}

/// `count` nested arrays around 0: depth 1 is [0].
func cborNestedArrays(_ count: Int) -> CBOR {
    var v = CBOR.unsigned(0)
    for _ in 0 ..< count { v = .array([v]) }
    return v
}

func cborNestedMaps(_ count: Int) -> CBOR {
    var v = CBOR.unsigned(0)
    for _ in 0 ..< count { v = .map([1: v]) }
    return v
}

/// Random CBOR trees of bounded depth and size.
enum CBORGen {
    static func uint64(_ rng: inout any SeededRandomNumberGenerator) -> UInt64 {
        // Pick a width so every head size (immediate, 1, 2, 4, 8 bytes) and its boundaries show up.
        switch Int.random(in: 0 ..< 8, using: &rng) {
        case 0: return UInt64.random(in: 0 ... 23, using: &rng)
        case 1: return UInt64.random(in: 24 ... 0xFF, using: &rng)
        case 2: return UInt64.random(in: 0x100 ... 0xFFFF, using: &rng)
        case 3: return UInt64.random(in: 0x1_0000 ... 0xFFFF_FFFF, using: &rng)
        case 4: return UInt64.random(in: 0x1_0000_0000 ... .max, using: &rng)
        case 5: return [0, 23, 24, 0xFF, 0x100, 0xFFFF, 0x1_0000, 0xFFFF_FFFF, 0x1_0000_0000, .max].randomElement(using: &rng)!
        default: return UInt64.random(in: 0 ... 1000, using: &rng)
        }
    }

    static func length(_ rng: inout any SeededRandomNumberGenerator) -> Int {
        Int.random(in: 0 ..< 10, using: &rng) == 0 ? Int.random(in: 0 ... 300, using: &rng) : Int.random(in: 0 ... 30, using: &rng)
    }

    static func text(_ rng: inout any SeededRandomNumberGenerator) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0 ..< length(&rng) / 2 {
            let range: ClosedRange<UInt32> = switch Int.random(in: 0 ..< 6, using: &rng) {
            case 0, 1: 0x20 ... 0x7E
            case 2: 0x00 ... 0x7FF
            case 3: 0x300 ... 0x36F // combining marks: canonical equivalence must not matter
            case 4: 0x800 ... 0xFFFF
            default: 0x1_0000 ... 0x10_FFFF
            }
            var scalar: Unicode.Scalar? = nil
            while scalar == nil { scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) }
            s.append(scalar!)
        }
        return String(s)
    }

    static func value(depth: Int, _ rng: inout any SeededRandomNumberGenerator) -> CBOR {
        let kinds = depth > 0 ? 6 : 4
        switch Int.random(in: 0 ..< kinds, using: &rng) {
        case 0: return .unsigned(uint64(&rng))
        case 1: return .negative(uint64(&rng))
        case 2: return .bytes((0 ..< length(&rng)).map { _ in UInt8.random(in: 0 ... 255, using: &rng) })
        case 3: return .text(text(&rng))
        case 4: return .array((0 ..< Int.random(in: 0 ... 5, using: &rng)).map { _ in value(depth: depth - 1, &rng) })
        default:
            var m: [UInt64: CBOR] = [:]
            for _ in 0 ..< Int.random(in: 0 ... 5, using: &rng) {
                m[uint64(&rng)] = value(depth: depth - 1, &rng)
            }
            return .map(m)
        }
    }

    /// Random trees up to depth 5.
    static let tree = Generator<CBOR, Shrink.None<CBOR>> { rng in
        value(depth: Int.random(in: 0 ... 5, using: &rng), &rng)
    }
}
