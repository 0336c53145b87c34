import Testing
import PoTCore

/// One test per rule that makes the decoder reject input.
@Suite("CBOR decoder rejections")
struct CBORRejectionTests {
    @Test("ENC-CBOR: tags (major type 6) are rejected as unsupportedType")
    func rejectsTags() {
        for input in ["c074323031332d30332d32315432303a30343a30305a", "c11a514b67b0", "d82076687474703a2f2f7777772e6578616d706c652e636f6d", "c0"] {
            #expect(cborDecodeError(cborHex(input))?.kind == .unsupportedType, "\(input)")
        }
    }

    @Test("ENC-CBOR: floats, simple values, true/false/null/undefined and break (major type 7) are rejected as unsupportedType")
    func rejectsMajorType7() {
        for input in ["f4", "f5", "f6", "f7", "f0", "f810", "f8ff", "f90000", "f93c00", "fa47c35000", "fb3ff199999999999a", "ff", "fc", "fd", "fe"] {
            let e = cborDecodeError(cborHex(input))
            #expect(e?.kind == .unsupportedType, "\(input)")
            #expect(e?.offset == 0)
        }
        // Also inside containers.
        #expect(cborDecodeError(cborHex("82 01 f5"))?.kind == .unsupportedType)
        #expect(cborDecodeError(cborHex("82 01 f5"))?.offset == 2)
    }

    @Test("ENC-CBOR: reserved additional information 28-30 is rejected as unsupportedType")
    func rejectsReservedAdditionalInfo() {
        for major: UInt8 in 0 ... 5 {
            for info: UInt8 in 28 ... 30 {
                #expect(cborDecodeError([major << 5 | info, 0, 0, 0, 0, 0, 0, 0, 0])?.kind == .unsupportedType, "major \(major) info \(info)")
            }
        }
    }

    @Test("ENC-CBOR: indefinite lengths (additional information 31) are rejected as indefiniteLength")
    func rejectsIndefiniteLength() {
        for input in ["5f42010243030405ff", "7f657374726561646d696e67ff", "9fff", "9f018202039f0405ffff", "bf61610161629f0203ffff", "5fff", "7fff", "bfff"] {
            let e = cborDecodeError(cborHex(input))
            #expect(e?.kind == .indefiniteLength, "\(input)")
            #expect(e?.offset == 0)
        }
        // Inside a definite container, the offset points at the bad head.
        #expect(cborDecodeError(cborHex("8201 9fff"))?.offset == 2)
        // Additional information 31 on an integer is not well-formed at all.
        #expect(cborDecodeError(cborHex("1f"))?.kind == .unsupportedType)
        #expect(cborDecodeError(cborHex("3f"))?.kind == .unsupportedType)
    }

    /// The head of major type `major` carrying `value` in an argument of `size` bytes.
    static func head(major: UInt8, value: UInt64, size: Int) -> [UInt8] {
        let info: UInt8 = switch size { case 1: 24; case 2: 25; case 4: 26; default: 27 }
        return [major << 5 | info] + (0 ..< size).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }

    /// Content following a head of the given major type and length so that only the head is wrong.
    static func body(major: UInt8, length: UInt64) -> [UInt8] {
        switch major {
        case 2, 3: return [UInt8](repeating: 0x61, count: Int(length))
        case 4: return [UInt8](repeating: 0x00, count: Int(length))
        case 5: return (0 ..< length).flatMap { CBOR.unsigned($0).encoded() + [0x00] }
        default: return []
        }
    }

    @Test("ENC-CBOR: integers 0..23 with a 1-byte argument are rejected as nonShortestForm")
    func rejectsOneByteArgumentBelow24ForIntegers() {
        for major: UInt8 in 0 ... 1 {
            for v: UInt64 in 0 ... 23 {
                let input = Self.head(major: major, value: v, size: 1)
                let e = cborDecodeError(input)
                #expect(e?.kind == .nonShortestForm, "\(input)")
                #expect(e?.offset == 0)
            }
        }
    }

    @Test("ENC-CBOR: lengths 0..23 with a 1-byte argument are rejected as nonShortestForm for strings, arrays and maps")
    func rejectsOneByteArgumentBelow24ForLengths() {
        for major: UInt8 in 2 ... 5 {
            for n: UInt64 in 0 ... 23 {
                let input = Self.head(major: major, value: n, size: 1) + Self.body(major: major, length: n)
                #expect(cborDecodeError(input)?.kind == .nonShortestForm, "major \(major) length \(n)")
                // The same item with its shortest head is fine.
                let good = [major << 5 | UInt8(n)] + Self.body(major: major, length: n)
                #expect(cborDecodeError(good) == nil, "major \(major) length \(n)")
            }
        }
    }

    @Test("ENC-CBOR: values 0..255 with a 2-byte argument are rejected as nonShortestForm")
    func rejectsTwoByteArgumentBelow256() {
        for major: UInt8 in 0 ... 5 {
            for v: UInt64 in 0 ... 255 {
                let input = Self.head(major: major, value: v, size: 2) + Self.body(major: major, length: v)
                #expect(cborDecodeError(input)?.kind == .nonShortestForm, "major \(major) value \(v)")
            }
        }
    }

    @Test("ENC-CBOR: values below 65536 with a 4-byte argument are rejected as nonShortestForm")
    func rejectsFourByteArgumentBelow65536() {
        for major: UInt8 in 0 ... 5 {
            for v: UInt64 in [0, 1, 23, 24, 255, 256, 1000, 65535] {
                let input = Self.head(major: major, value: v, size: 4) + Self.body(major: major, length: v)
                #expect(cborDecodeError(input)?.kind == .nonShortestForm, "major \(major) value \(v)")
            }
        }
    }

    @Test("ENC-CBOR: values below 2^32 with an 8-byte argument are rejected as nonShortestForm")
    func rejectsEightByteArgumentBelow2To32() {
        for major: UInt8 in 0 ... 1 {
            for v: UInt64 in [0, 23, 24, 255, 256, 65535, 65536, 0xFFFF_FFFF] {
                #expect(cborDecodeError(Self.head(major: major, value: v, size: 8))?.kind == .nonShortestForm, "major \(major) value \(v)")
            }
        }
        for major: UInt8 in 2 ... 5 {
            for v: UInt64 in [0, 3, 24, 256, 65536] {
                let input = Self.head(major: major, value: v, size: 8) + Self.body(major: major, length: v)
                #expect(cborDecodeError(input)?.kind == .nonShortestForm, "major \(major) value \(v)")
            }
        }
    }

    @Test("ENC-CBOR: the smallest value of each argument size is accepted")
    func acceptsBoundaryValues() throws {
        for (v, size) in [(24 as UInt64, 1), (256, 2), (65536, 4), (0x1_0000_0000, 8)] {
            for major: UInt8 in 0 ... 1 {
                let input = Self.head(major: major, value: v, size: size)
                let value = try CBOR.decode(input)
                #expect(value == (major == 0 ? .unsigned(v) : .negative(v)))
                #expect(value.encoded() == input)
            }
        }
        for (n, size) in [(24 as UInt64, 1), (256, 2), (65536, 4)] {
            for major: UInt8 in 2 ... 5 {
                let input = Self.head(major: major, value: n, size: size) + Self.body(major: major, length: n)
                #expect(try CBOR.decode(input).encoded() == input, "major \(major) length \(n)")
            }
        }
    }

    @Test("ENC-CBOR: map keys that are not unsigned integers are rejected as mapKeyNotUnsigned")
    func rejectsNonUnsignedMapKeys() {
        for input in ["a12000", "a1400000", "a1616100", "a18000", "a1a000", "a2 0100 2000"] {
            #expect(cborDecodeError(cborHex(input))?.kind == .mapKeyNotUnsigned, "\(input)")
        }
        #expect(cborDecodeError(cborHex("a2 0100 2000"))?.offset == 3)
    }

    @Test("ENC-CBOR: map keys out of ascending order are rejected as mapKeysNotAscending")
    func rejectsDescendingMapKeys() {
        let e = cborDecodeError(cborHex("a2 0200 0100"))
        #expect(e?.kind == .mapKeysNotAscending)
        #expect(e?.offset == 3)
        // Numeric, not bytewise-lexicographic-by-length surprises: 24 (1818) after 100 (1864).
        #expect(cborDecodeError(cborHex("a2 186400 181800"))?.kind == .mapKeysNotAscending)
        #expect(cborDecodeError(cborHex("a2 190100 00 1818 00"))?.kind == .mapKeysNotAscending)
        #expect(cborDecodeError(cborHex("a3 0100 0300 0200"))?.kind == .mapKeysNotAscending)
    }

    @Test("ENC-CBOR: duplicate map keys are rejected as mapKeysNotAscending")
    func rejectsDuplicateMapKeys() {
        #expect(cborDecodeError(cborHex("a2 0100 0101"))?.kind == .mapKeysNotAscending)
        #expect(cborDecodeError(cborHex("a3 0000 0500 0500"))?.kind == .mapKeysNotAscending)
        #expect(cborDecodeError(cborHex("a2 1bffffffffffffffff00 1bffffffffffffffff00"))?.kind == .mapKeysNotAscending)
    }

    @Test("ENC-CBOR: invalid UTF-8 in text strings is rejected as invalidUTF8")
    func rejectsInvalidUTF8() {
        let bad: [String] = [
            "61ff",         // never valid
            "6180",         // lone continuation byte
            "62c0af",       // overlong '/'
            "62c180",       // overlong
            "63e08080",     // overlong 3-byte
            "64f0808080",   // overlong 4-byte
            "63eda080",     // UTF-16 surrogate U+D800
            "63edbfbf",     // surrogate U+DFFF
            "64f4908080",   // above U+10FFFF
            "64f5808080",   // lead byte beyond range
            "62e282",       // sequence cut by the string's end
            "62c361",       // missing continuation
            "63e28261",     // missing second continuation
        ]
        for input in bad {
            #expect(cborDecodeError(cborHex(input))?.kind == .invalidUTF8, "\(input)")
        }
        // A 3-byte sequence cut by the string length, though the next byte would complete it.
        #expect(cborDecodeError(cborHex("82 62e282 ac"))?.kind == .invalidUTF8)
        #expect(cborDecodeError(cborHex("82 62e282 00"))?.kind == .invalidUTF8)
        #expect(cborDecodeError(cborHex("82 00 6261ff"))?.offset == 4)
    }

    @Test("ENC-CBOR: valid UTF-8 edge cases are accepted")
    func acceptsValidUTF8Edges() throws {
        for input in ["6100", "617f", "62c280", "62dfbf", "63e0a080", "63ed9fbf", "63ee8080", "63efbfbf", "64f0908080", "64f48fbfbf", "63efbbbf"] {
            let value = try CBOR.decode(cborHex(input))
            #expect(value.encoded() == cborHex(input), "\(input)")
        }
    }

    @Test("ENC-CBOR: bytes after the top-level item are rejected as trailingBytes")
    func rejectsTrailingBytes() {
        let e = cborDecodeError(cborHex("0102"))
        #expect(e?.kind == .trailingBytes)
        #expect(e?.offset == 1)
        #expect(cborDecodeError(cborHex("80 00"))?.kind == .trailingBytes)
        #expect(cborDecodeError(cborHex("a0 a0"))?.kind == .trailingBytes)
        #expect(cborDecodeError(cborHex("4100 00"))?.offset == 2)
    }

    @Test("ENC-CBOR: input that ends early is rejected as truncated")
    func rejectsTruncatedInput() {
        for input in ["", "18", "19 01", "1a 000000", "1b 00000000000000", "38", "41", "43 0102", "63 6161", "82 01", "a1 01", "a2 0100 02", "8182", "9819 00", "81"] {
            #expect(cborDecodeError(cborHex(input))?.kind == .truncated, "\(input)")
        }
        #expect(cborDecodeError([])?.offset == 0)
    }

    @Test("ENC-CBOR: nesting depth 16 is accepted and depth 17 is rejected as tooDeep")
    func enforcesDefaultDepthLimit() throws {
        for make in [cborNestedArrays, cborNestedMaps] {
            let ok = make(16)
            #expect(try CBOR.decode(ok.encoded()) == ok)
            let e = cborDecodeError(make(17).encoded())
            #expect(e?.kind == .tooDeep)
            #expect(e?.offset == 16 * (make(1).encoded().count - 1))
        }
        // Empty containers count as a level too.
        var empty = CBOR.array([])
        for _ in 0 ..< 16 { empty = .array([empty]) }
        #expect(cborDecodeError(empty.encoded())?.kind == .tooDeep)
    }

    @Test("ENC-CBOR: a custom maxDepth is enforced exactly")
    func enforcesCustomDepthLimit() throws {
        let limits = CBORLimits(maxDepth: 3)
        #expect(try CBOR.decode(cborNestedArrays(3).encoded(), limits: limits) == cborNestedArrays(3))
        #expect(cborDecodeError(cborNestedArrays(4).encoded(), limits: limits)?.kind == .tooDeep)
        #expect(try CBOR.decode(cborHex("05"), limits: CBORLimits(maxDepth: 0)) == .unsigned(5))
        #expect(cborDecodeError(cborHex("80"), limits: CBORLimits(maxDepth: 0))?.kind == .tooDeep)
    }

    @Test("ENC-CBOR: very deep nesting is rejected without recursion")
    func rejectsHugeNestingIteratively() {
        let input = [UInt8](repeating: 0x81, count: 200_000) + [0x00]
        #expect(cborDecodeError(input)?.kind == .tooDeep)
    }

    @Test("ENC-CBOR: declared lengths above maxLength are rejected as tooLong")
    func enforcesMaxLength() throws {
        let limits = CBORLimits(maxLength: 4)
        for good in ["4401020304", "6461616161", "8400000000", "a4 0000 0100 0200 0300"] {
            #expect(try CBOR.decode(cborHex(good), limits: limits).encoded() == cborHex(good))
        }
        for bad in ["450102030405", "656161616161", "850000000000", "a5 0000 0100 0200 0300 0400"] {
            let e = cborDecodeError(cborHex(bad), limits: limits)
            #expect(e?.kind == .tooLong, "\(bad)")
            #expect(e?.offset == 0)
        }
        // Default limit: 2^20.
        let big = CBOR.bytes([UInt8](repeating: 7, count: (1 << 20) + 1))
        #expect(cborDecodeError(big.encoded())?.kind == .tooLong)
        let max = CBOR.bytes([UInt8](repeating: 7, count: 1 << 20))
        #expect(try CBOR.decode(max.encoded()) == max)
    }

    @Test("ENC-CBOR: a 2^32-element array header with 3 bytes of input is rejected quickly without allocating")
    func rejectsHugeDeclaredLengthBeforeAllocating() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let header4G = cborHex("9b 0000000100000000 010203")
            #expect(cborDecodeError(header4G)?.kind == .tooLong)
            let unlimited = CBORLimits(maxLength: .max)
            #expect(cborDecodeError(header4G, limits: unlimited)?.kind == .truncated)
            #expect(cborDecodeError(cborHex("9a ffffffff 010203"), limits: unlimited)?.kind == .truncated)
            #expect(cborDecodeError(cborHex("bb 7fffffffffffffff 010203"), limits: unlimited)?.kind == .truncated)
            #expect(cborDecodeError(cborHex("5b 7fffffffffffffff 010203"), limits: unlimited)?.kind == .truncated)
            // Lengths beyond Int.max exceed any limit.
            #expect(cborDecodeError(cborHex("bb ffffffffffffffff 010203"), limits: unlimited)?.kind == .tooLong)
            #expect(cborDecodeError(cborHex("5b ffffffffffffffff 010203"), limits: unlimited)?.kind == .tooLong)
            #expect(cborDecodeError(cborHex("7b 7fffffffffffffff 010203"), limits: unlimited)?.kind == .truncated)
            // A map needs at least 2 bytes per entry.
            #expect(cborDecodeError(cborHex("a2 0000 00"), limits: unlimited)?.kind == .truncated)
            // Nested hostile headers.
            #expect(cborDecodeError(cborHex("81 9a ffffffff 00"), limits: unlimited)?.kind == .truncated)
        }
        #expect(elapsed < .seconds(1))
    }

    @Test("ENC-CBOR: error descriptions give the byte offset and the reason on one line")
    func describesErrors() {
        let e = cborDecodeError(cborHex("82 00 1817"))!
        #expect(e == CBORError(kind: .nonShortestForm, offset: 2, detail: e.detail))
        #expect(e.description.hasPrefix("malformed CBOR at byte 2: "))
        #expect(e.description.contains("shortest form"))
        #expect(!e.description.contains("\n"))
    }
}
