import Testing
import PoTCore

@Suite("Scoring: applying Δ to a balance")
struct ScoringApplyDeltaTests {
    @Test("SCORE-CLAMP: applyDelta adds and subtracts normally")
    func addsAndSubtracts() {
        #expect(TrustScoring.applyDelta(405, to: 10_000) == 10_405)
        #expect(TrustScoring.applyDelta(-1792, to: 5_000) == 3_208)
        #expect(TrustScoring.applyDelta(0, to: 7) == 7)
        #expect(TrustScoring.applyDelta(-1, to: 1000) == 999)
    }

    @Test("SCORE-CLAMP: applyDelta clamps at 0: t := max(0, t + Δ)")
    func clampsAtZero() {
        #expect(TrustScoring.applyDelta(-20, to: 10) == 0)
        #expect(TrustScoring.applyDelta(-10, to: 10) == 0)
        #expect(TrustScoring.applyDelta(-1, to: 0) == 0)
        #expect(TrustScoring.applyDelta(Int64.min, to: 5) == 0)
        #expect(TrustScoring.applyDelta(Int64.min, to: UInt64.max) == UInt64.max - Int64.min.magnitude)
    }

    @Test("SCORE-CLAMP: applyDelta saturates at UInt64.max")
    func saturatesAtMax() {
        #expect(TrustScoring.applyDelta(5, to: UInt64.max - 1) == UInt64.max)
        #expect(TrustScoring.applyDelta(1, to: UInt64.max - 1) == UInt64.max)
        #expect(TrustScoring.applyDelta(Int64.max, to: UInt64.max) == UInt64.max)
        #expect(TrustScoring.applyDelta(Int64.max, to: UInt64(Int64.max)) == UInt64.max - 1)
    }
}
