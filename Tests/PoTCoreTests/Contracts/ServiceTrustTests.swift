import Testing
@testable import PoTCore
@testable import PoTContracts
import PoTModules
import PropertyBased

@Suite("Contracts: service trust and committee draws")
struct ServiceTrustTests {
    @Test("SERVICE-TRUST: (r+1)/(r+s+2) in ppm: 500 000 with no record, rising with evidence for, falling with evidence against")
    func beta() {
        let unit = ServiceRecord.unit
        #expect(ServiceTrust.ppm(ServiceRecord()) == 500_000)
        #expect(ServiceTrust.ppm(ServiceRecord(positive: 3 * unit, negative: 0, period: 0, contracts: 3, arbitrations: 0)) == 800_000)
        #expect(ServiceTrust.ppm(ServiceRecord(positive: 0, negative: 8 * unit, period: 0, contracts: 0, arbitrations: 0)) == 100_000)
        #expect(ServiceTrust.ppm(ServiceRecord(positive: .max, negative: 0, period: 0, contracts: 0, arbitrations: 0)) == 999_999)
    }

    @Test("SERVICE-TRUST: evidence decays by trust_decay_ppm each trust_decay_period, rounding down, and is gone after enough periods")
    func decay() {
        let decay = ServiceTrust.Decay(period: 100, retainPPM: 500_000)
        let record = ServiceRecord(positive: 4_000_000, negative: 1_000_000, period: 0, contracts: 2, arbitrations: 1)
        #expect(ServiceTrust.decayed(record, to: 99, decay) == record)
        let one = ServiceTrust.decayed(record, to: 100, decay)
        #expect(one.positive == 2_000_000 && one.negative == 500_000 && one.period == 1 && one.contracts == 2)
        #expect(ServiceTrust.decayed(record, to: 250, decay).positive == 1_000_000)
        #expect(ServiceTrust.decayed(record, to: 100 * 64, decay).positive == 0)
        #expect(ServiceTrust.decayed(record, to: UInt64.max, decay).positive == 0, "a far height ends the loop once both are 0")
        let none = ServiceTrust.Decay(period: 100, retainPPM: 1_000_000)
        #expect(ServiceTrust.decayed(record, to: 1_000, none).positive == 4_000_000)
    }

    @Test("SERVICE-TRUST: trust stays within 0..10^6 ppm and moves the way the evidence does, for any record")
    func bounds() async {
        await propertyCheck(input: Gen.uint64(in: 0...1 << 40), Gen.uint64(in: 0...1 << 40), Gen.uint64(in: 0...1 << 30)) { r, s, more in
            let base = ServiceRecord(positive: r, negative: s, period: 0, contracts: 0, arbitrations: 0)
            let trust = ServiceTrust.ppm(base)
            #expect(trust <= 1_000_000)
            #expect(ServiceTrust.ppm(ServiceRecord(positive: r + more, negative: s, period: 0, contracts: 0, arbitrations: 0)) >= trust)
            #expect(ServiceTrust.ppm(ServiceRecord(positive: r, negative: s + more, period: 0, contracts: 0, arbitrations: 0)) <= trust)
        }
    }

    @Test("COMMITTEE-DRAW: draws are without replacement, deterministic for a seed, and refuse when too few can sit")
    func drawBasics() {
        let keys = (1...9).map { Fx.key(UInt8($0)).publicKey }
        let candidates = keys.map { (key: $0, weight: UInt64(500_000)) }
        let seed = Fx.hash(3)
        let first = CommitteeDraw.draw(candidates, size: 5, seed: seed)!
        #expect(Set(first).count == 5)
        #expect(CommitteeDraw.draw(candidates.reversed(), size: 5, seed: seed) == first, "the order candidates come in does not matter")
        #expect(CommitteeDraw.draw(candidates, size: 5, seed: Fx.hash(4)) != first)
        #expect(CommitteeDraw.draw(Array(candidates.prefix(4)), size: 5, seed: seed) == nil)
        #expect(CommitteeDraw.draw(candidates.map { ($0.key, UInt64(0)) }, size: 1, seed: seed) == nil)
    }

    @Test("COMMITTEE-DRAW: seats follow service trust: over 4 000 seeds each candidate's first-seat frequency is within 2.5 points of its weight's share")
    func drawWeights() {
        let keys = (1...4).map { Fx.key(UInt8($0)).publicKey }
        let weights: [UInt64] = [100_000, 200_000, 300_000, 400_000]
        let candidates = zip(keys, weights).map { (key: $0, weight: $1) }
        var firsts: [PublicKey: Int] = [:]
        let runs = 4_000
        for i in 0..<runs {
            let seed = DomainHash.sha256(Array("draw \(i)".utf8))
            firsts[CommitteeDraw.draw(candidates, size: 1, seed: seed)![0], default: 0] += 1
        }
        for (key, weight) in zip(keys, weights) {
            let share = Double(firsts[key] ?? 0) / Double(runs)
            #expect(abs(share - Double(weight) / 1_000_000) < 0.025, "\(share) for weight \(weight)")
        }
        let p = CommitteeDraw.captureProbability(group: [400_000], others: [100_000, 200_000, 300_000], size: 1, needed: 1)
        #expect(abs(p - 0.4) < 1e-9)
    }

    @Test("COMMITTEE-DRAW: the uniform stream never returns a value at or above its bound")
    func uniform() async {
        await propertyCheck(input: Gen.uint64(in: 1...UInt64.max), Gen.uint64(in: 0...255)) { bound, seed in
            var stream = SeedStream(Fx.hash(UInt8(seed)))
            for _ in 0..<8 { #expect(stream.uniform(below: bound) < bound) }
        }
    }
}
