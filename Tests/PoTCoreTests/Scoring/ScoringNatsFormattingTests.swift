import Testing
import PoTCore

@Suite("Scoring: formatting nats")
struct ScoringNatsFormattingTests {
    @Test("SCORE-FORMAT: formatNats rounds half away from zero to 4 places with an explicit sign")
    func defaultFormatting() {
        #expect(TrustScoring.formatNats(405_465_108_108_164_382) == "+0.4055")
        #expect(TrustScoring.formatNats(-1_791_759_469_228_055_001) == "-1.7918")
        #expect(TrustScoring.formatNats(0) == "0.0000")
        #expect(TrustScoring.formatNats(50_000_000_000_000) == "+0.0001")          // exactly half → away
        #expect(TrustScoring.formatNats(-50_000_000_000_000) == "-0.0001")
        #expect(TrustScoring.formatNats(49_999_999_999_999) == "0.0000")           // rounds to zero: no sign
        #expect(TrustScoring.formatNats(-49_999_999_999_999) == "0.0000")
        #expect(TrustScoring.formatNats(9_999_950_000_000_000_000) == "+10.0000")
        #expect(TrustScoring.formatNats(FixedPointLog.ln(1_000_000_000)) == "+20.7233")
    }

    @Test("SCORE-FORMAT: formatNats honours `digits` and `signed`")
    func digitsAndSign() {
        let ln2 = FixedPointLog.ln(2)
        #expect(TrustScoring.formatNats(ln2, signed: false) == "0.6931")
        #expect(TrustScoring.formatNats(-ln2, signed: false) == "-0.6931")
        #expect(TrustScoring.formatNats(ln2, digits: 0) == "+1")
        #expect(TrustScoring.formatNats(ln2, digits: 2) == "+0.69")
        #expect(TrustScoring.formatNats(ln2, digits: 18) == "+0.693147180559945309")
        #expect(TrustScoring.formatNats(1, digits: 18, signed: false) == "0.000000000000000001")
        #expect(TrustScoring.formatNats(Int128.min, digits: 0) == "-170141183460469231732")
    }
}
