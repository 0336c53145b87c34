import Testing
import PoTCore

/// RFC 8949 Appendix A examples within the supported subset.
@Suite("CBOR RFC 8949 Appendix A vectors")
struct CBORVectorTests {
    static let vectors: [(CBOR, String)] = [
        (.unsigned(0), "00"),
        (.unsigned(1), "01"),
        (.unsigned(10), "0a"),
        (.unsigned(23), "17"),
        (.unsigned(24), "1818"),
        (.unsigned(25), "1819"),
        (.unsigned(100), "1864"),
        (.unsigned(1000), "1903e8"),
        (.unsigned(1_000_000), "1a000f4240"),
        (.unsigned(1_000_000_000_000), "1b000000e8d4a51000"),
        (.unsigned(18_446_744_073_709_551_615), "1bffffffffffffffff"),
        (.negative(0), "20"),     // -1
        (.negative(9), "29"),     // -10
        (.negative(99), "3863"),  // -100
        (.negative(999), "3903e7"), // -1000
        (.text(""), "60"),
        (.text("a"), "6161"),
        (.text("IETF"), "6449455446"),
        (.text("\"\\"), "62225c"),
        (.text("\u{00fc}"), "62c3bc"),
        (.text("\u{6c34}"), "63e6b0b4"),
        (.bytes([]), "40"),
        (.bytes([1, 2, 3, 4]), "4401020304"),
        (.array([]), "80"),
        (.array([.unsigned(1), .unsigned(2), .unsigned(3)]), "83010203"),
        (.array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]), "8301820203820405"),
        (.map([:]), "a0"),
        (.map([1: .unsigned(2), 3: .unsigned(4)]), "a201020304"),
    ]

    @Test("ENC-CBOR: encoding each Appendix A value yields the RFC bytes", arguments: 0 ..< vectors.count)
    func encodesAppendixAVector(_ i: Int) {
        let (value, expected) = Self.vectors[i]
        #expect(cborHexString(value.encoded()) == expected)
        var out: [UInt8] = [0xAA]
        value.encode(into: &out)
        #expect(out == [0xAA] + cborHex(expected), "encode(into:) appends")
    }

    @Test("ENC-CBOR: decoding each Appendix A byte string yields the RFC value", arguments: 0 ..< vectors.count)
    func decodesAppendixAVector(_ i: Int) throws {
        let (value, encoded) = Self.vectors[i]
        #expect(try CBOR.decode(cborHex(encoded)) == value)
    }

    @Test("ENC-CBOR: the 25-item array vector round-trips with a 1-byte length head")
    func twentyFiveItemArray() throws {
        let value = CBOR.array((1 ... 25).map { .unsigned($0) })
        let expected = "98190102030405060708090a0b0c0d0e0f101112131415161718181819"
        #expect(cborHexString(value.encoded()) == expected)
        #expect(try CBOR.decode(cborHex(expected)) == value)
    }

    @Test("ENC-CBOR: map keys are encoded in ascending numeric order")
    func mapKeysSortedNumerically() {
        let value = CBOR.map([256: .unsigned(0), 24: .unsigned(0), 1: .unsigned(0), 23: .unsigned(0)])
        #expect(cborHexString(value.encoded()) == "a4" + "0100" + "1700" + "181800" + "19010000")
    }

    @Test("ENC-CBOR: text equality compares UTF-8 bytes, not canonical equivalence")
    func textEqualityIsBytewise() {
        let composed = CBOR.text("\u{e9}")
        let decomposed = CBOR.text("e\u{301}")
        #expect(composed != decomposed)
        #expect(composed.encoded() != decomposed.encoded())
        #expect(Set([composed, decomposed]).count == 2)
    }
}
