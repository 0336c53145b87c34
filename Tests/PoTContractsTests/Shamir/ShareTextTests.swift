import Testing
import PoTContracts

@Suite("Share text format")
struct ShareTextTests {
    @Test("Formatting matches ssss-split's lines")
    func formatting() {
        let share = ShamirShare(index: 3, value: [0x00, 0xab, 0x0f])
        #expect(share.description == "3-00ab0f")
        #expect(share.formatted(indexWidth: 2) == "03-00ab0f")
        var named = share
        named.token = "passwd"
        #expect(named.formatted(indexWidth: 3) == "passwd-003-00ab0f")
        #expect(ShamirShare(index: 12, value: [1]).formatted(indexWidth: 1) == "12-01")
    }

    @Test("Index width is the digit count of n", arguments: [(1, 1), (9, 1), (10, 2), (99, 2), (100, 3), (255, 3), (1000, 4)])
    func indexWidth(_ pair: (Int, Int)) {
        #expect(ShamirShare.indexWidth(forCount: pair.0) == pair.1)
    }

    @Test("Parsing plain and token lines")
    func parsing() throws {
        #expect(try ShamirShare(parsing: "1-abcd") == ShamirShare(index: 1, value: [0xab, 0xcd]))
        #expect(try ShamirShare(parsing: "tok-07-ABCD") == ShamirShare(index: 7, value: [0xab, 0xcd], token: "tok"))
        #expect(try ShamirShare(parsing: "passwd-10-00ff\r\n") == ShamirShare(index: 10, value: [0x00, 0xff], token: "passwd"))
        #expect(try ShamirShare(parsing: "-1-abcd").token == "")
        #expect(try ShamirShare(parsing: "1-abcd", expectedSecurityBits: 16).securityBits == 16)
    }

    @Test("Lenient parts, read as ssss reads them (atoi and GMP)")
    func lenient() throws {
        #expect(try ShamirShare(parsing: " +3-abcd").index == 3)
        #expect(try ShamirShare(parsing: "5x-abcd").index == 5)
        #expect(try ShamirShare(parsing: "4294967297-abcd").index == 1)
        #expect(try ShamirShare(parsing: "1-ab  cd").value == [0x00, 0xab, 0xcd])
        #expect(try ShamirShare(parsing: "1- abc").value == [0x0a, 0xbc])
        #expect(try ShamirShare(parsing: "tok-1--000").value == [0x00, 0x00])
        #expect(throws: ShamirError.illegalShareLength(hexDigits: 3)) { try ShamirShare(parsing: "1--abc") }
        #expect(try ShamirShare(parsing: "1-abcd\0garbage").value == [0xab, 0xcd])
    }

    @Test("Malformed lines: one clear error each")
    func malformed() {
        #expect(throws: ShamirError.missingSeparator(line: "1abcd")) { try ShamirShare(parsing: "1abcd") }
        #expect(throws: ShamirError.missingSeparator(line: "")) { try ShamirShare(parsing: "") }
        #expect(throws: ShamirError.illegalShareLength(hexDigits: 3)) { try ShamirShare(parsing: "1-abc") }
        #expect(throws: ShamirError.illegalShareLength(hexDigits: 0)) { try ShamirShare(parsing: "1-") }
        #expect(throws: ShamirError.illegalShareLength(hexDigits: 258)) {
            try ShamirShare(parsing: "1-" + String(repeating: "a", count: 258))
        }
        #expect(throws: ShamirError.illegalShareLength(hexDigits: 5)) { try ShamirShare(parsing: "tok-1-ab-cd") }
        #expect(throws: ShamirError.invalidShareIndex("0")) { try ShamirShare(parsing: "0-abcd") }
        #expect(throws: ShamirError.invalidShareIndex("x")) { try ShamirShare(parsing: "x-abcd") }
        #expect(throws: ShamirError.invalidShareIndex("b")) { try ShamirShare(parsing: "a-b-1-abcd") }
        #expect(throws: ShamirError.invalidShareHex("zz")) { try ShamirShare(parsing: "1-zz") }
        #expect(throws: ShamirError.invalidShareHex("-abc")) { try ShamirShare(parsing: "tok-1--abc") }
        #expect(throws: ShamirError.invalidShareHex("- ab")) { try ShamirShare(parsing: "tok-1-- ab") }
        #expect(throws: ShamirError.invalidShareHex("0xab")) { try ShamirShare(parsing: "1-0xab") }
        #expect(throws: ShamirError.indexOutOfRange(index: 256, securityBits: 8)) { try ShamirShare(parsing: "256-ab") }
        #expect(throws: ShamirError.inconsistentLengths(expectedBits: 24, foundBits: 16)) {
            try ShamirShare(parsing: "2-abcd", expectedSecurityBits: 24)
        }
    }

    @Test("Every error describes itself on one line")
    func descriptions() {
        let errors: [ShamirError] = [
            .invalidThreshold(0), .countBelowThreshold(count: 1, threshold: 2), .tooManyShares(count: 300, securityBits: 8),
            .invalidSecurityLevel(12), .secretTooLong(length: 3, maximum: 2), .randomSourceFailure(requested: 8, received: 0),
            .tooFewShares(needed: 3, given: 2), .missingSeparator(line: "x"), .illegalShareLength(hexDigits: 3),
            .inconsistentLengths(expectedBits: 16, foundBits: 24), .invalidShareIndex("0"),
            .indexOutOfRange(index: 300, securityBits: 8), .invalidShareHex("zz"), .duplicateIndex(2),
        ]
        for error in errors {
            #expect(!error.description.isEmpty)
            #expect(!error.description.contains("\n"))
        }
        #expect(Set(errors.map(\.description)).count == errors.count)
    }
}
