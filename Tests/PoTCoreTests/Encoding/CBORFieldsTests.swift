import Testing
import PoTCore

@Suite("CBORFields and typed accessors")
struct CBORFieldsTests {
    static let vote = CBOR.map([
        0: .unsigned(7),
        1: .bytes([UInt8](repeating: 0xAB, count: 32)),
        2: .text("hello"),
        3: .array([.unsigned(1), .unsigned(2), .unsigned(3)]),
    ])

    static func fields(_ value: CBOR = vote) throws -> CBORFields {
        try CBORFields(value, object: "vote", allowedKeys: [0, 1, 2, 3, 4])
    }

    static func error<T>(_ body: () throws -> T) -> CBORError? {
        do { _ = try body(); return nil } catch { return error as? CBORError }
    }

    @Test("ENC-CBOR: present fields of the right type and size are returned")
    func readsFields() throws {
        let f = try Self.fields()
        #expect(try f.uint(0) == 7)
        #expect(try f.bytes(1, count: 32) == [UInt8](repeating: 0xAB, count: 32))
        #expect(try f.bytes(1, max: 32).count == 32)
        #expect(try f.text(2, maxUTF8: 5) == "hello")
        #expect(try f.array(3, max: 3).count == 3)
        #expect(try f.value(0) == .unsigned(7))
        #expect(f.optional(4) == nil)
        #expect(try f.optionalUInt(0) == 7)
        #expect(try f.optionalUInt(4) == nil)
        #expect(try f.optionalBytes(1, max: 64)?.count == 32)
        #expect(try f.optionalBytes(4, max: 64) == nil)
        #expect(try f.optionalText(2, maxUTF8: 5) == "hello")
        #expect(try f.optionalText(4, maxUTF8: 5) == nil)
        #expect(try f.optionalArray(3, max: 3)?.count == 3)
        #expect(try f.optionalArray(4, max: 3) == nil)
    }

    @Test("ENC-CBOR: a key outside allowedKeys is rejected as unknownField naming the object and key")
    func rejectsUnknownKey() {
        let value = CBOR.map([0: .unsigned(1), 9: .unsigned(2), 12: .unsigned(3)])
        let e = Self.error { try Self.fields(value) }
        #expect(e?.kind == .unknownField)
        #expect(e?.detail == "vote: unknown field 9")
        #expect(e?.offset == nil)
    }

    @Test("ENC-CBOR: a non-map object is rejected as wrongType")
    func rejectsNonMapObject() {
        let e = Self.error { try Self.fields(.array([])) }
        #expect(e?.kind == .wrongType)
        #expect(e?.detail == "vote: expected map, got array")
    }

    @Test("ENC-CBOR: an absent required key is rejected as missingField")
    func rejectsMissingKey() throws {
        let f = try Self.fields()
        for read in [{ try f.value(4) }, { try f.uint(4) }, { try f.bytes(4) }, { try f.text(4, maxUTF8: 1) }, { try f.array(4, max: 1) }] as [() throws -> Any] {
            let e = Self.error(read)
            #expect(e?.kind == .missingField)
            #expect(e?.detail == "vote field 4: missing")
        }
    }

    @Test("ENC-CBOR: a field of the wrong type is rejected as wrongType, also for optional readers")
    func rejectsWrongType() throws {
        let f = try Self.fields()
        #expect(Self.error { try f.uint(1) }?.detail == "vote field 1: expected unsigned integer, got byte string")
        #expect(Self.error { try f.bytes(0) }?.kind == .wrongType)
        #expect(Self.error { try f.text(3, maxUTF8: 100) }?.kind == .wrongType)
        #expect(Self.error { try f.array(2, max: 100) }?.kind == .wrongType)
        #expect(Self.error { try f.optionalUInt(2) }?.kind == .wrongType)
        #expect(Self.error { try f.optionalBytes(0, max: 10) }?.kind == .wrongType)
        #expect(Self.error { try f.optionalText(0, maxUTF8: 10) }?.kind == .wrongType)
        #expect(Self.error { try f.optionalArray(0, max: 10) }?.kind == .wrongType)
        #expect(Self.error { try CBOR.negative(0).uint("x") }?.detail == "x: expected unsigned integer, got negative integer")
    }

    @Test("ENC-CBOR: a field longer than its maximum is rejected as tooLong naming object, field and sizes")
    func rejectsTooLong() throws {
        let items = CBOR.map([4: .array((0 ..< 70).map { .unsigned($0) })])
        let f = try Self.fields(items)
        let e = Self.error { try f.array(4, max: 65) }
        #expect(e?.kind == .tooLong)
        #expect(e?.detail == "vote field 4: expected at most 65 items, got 70")
        #expect(e?.description == "invalid object: vote field 4: expected at most 65 items, got 70")
        let g = try Self.fields()
        #expect(Self.error { try g.bytes(1, max: 31) }?.kind == .tooLong)
        #expect(Self.error { try g.optionalBytes(1, max: 31) }?.kind == .tooLong)
        #expect(Self.error { try g.text(2, maxUTF8: 4) }?.detail == "vote field 2: expected at most 4 UTF-8 bytes, got 5")
        #expect(Self.error { try g.optionalText(2, maxUTF8: 4) }?.kind == .tooLong)
        #expect(Self.error { try g.optionalArray(3, max: 2) }?.kind == .tooLong)
        // maxUTF8 counts bytes, not characters.
        #expect(Self.error { try CBOR.text("\u{6c34}").text("t", maxUTF8: 2) }?.kind == .tooLong)
    }

    @Test("ENC-CBOR: a byte string of the wrong exact count is rejected as badValue")
    func rejectsWrongExactCount() throws {
        let f = try Self.fields()
        for count in [0, 31, 33, 64] {
            let e = Self.error { try f.bytes(1, count: count) }
            #expect(e?.kind == .badValue)
            #expect(e?.detail == "vote field 1: expected \(count)-byte string, got 32 bytes")
        }
    }
}
