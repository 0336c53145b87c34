import Foundation
import PoTAgents
import Testing

@Suite("Fixed-point arithmetic of training")
struct FixedPointTests {
    @Test("AGENT-FIXED: e^x and ln p stay within 0.0002 of the real functions over their domain")
    func expAndLnAreClose() {
        for x in stride(from: -20.0, through: 0.0, by: 0.037) {
            let q = Int64((x * 65_536).rounded())
            let got = Double(FixedPoint.exp(q)) / 65_536
            #expect(abs(got - Foundation.exp(Double(q) / 65_536)) < 0.0002, "exp(\(x))")
        }
        for p in stride(from: 0.001, through: 1.0, by: 0.0013) {
            let q = Int64((p * 65_536).rounded())
            let got = Double(FixedPoint.ln(q)) / 65_536
            #expect(abs(got - Foundation.log(Double(q) / 65_536)) < 0.0002, "ln(\(p))")
        }
        #expect(FixedPoint.ln(0) == -FixedPoint.maxLoss)
        #expect(FixedPoint.exp(-(40 << 16)) == 0)
        #expect(FixedPoint.exp(5) == FixedPoint.one)
    }

    @Test("AGENT-FIXED: integer square roots are exact at the edges")
    func integerSquareRoot() {
        for n: UInt64 in [0, 1, 2, 3, 4, 15, 16, 17, 1 << 32, (1 << 32) - 1, UInt64.max, UInt64.max - 1] {
            let r = FixedPoint.isqrt(n)
            #expect(r.multipliedFullWidth(by: r).high == 0 && r * r <= n)
            let next = (r + 1).multipliedReportingOverflow(by: r + 1)
            #expect(next.overflow || next.partialValue > n)
        }
    }

    @Test("AGENT-IMPORT: decimals are read exactly into Q16 and anything else is refused")
    func decimals() {
        #expect(DatasetImport.parseDecimal("1") == 65_536)
        #expect(DatasetImport.parseDecimal("-0.5") == -32_768)
        #expect(DatasetImport.parseDecimal(" 0.07871 ") == 5_158)
        #expect(DatasetImport.parseDecimal("1.5e2") == Int64(150 * 65_536))
        #expect(DatasetImport.parseDecimal("1e-40") == 0)
        for bad in ["", "-", "1.2.3", "abc", "1e", "0x10", "32768", "1e5", "nan"] {
            #expect(DatasetImport.parseDecimal(bad) == nil, "\(bad)")
        }
    }
}
