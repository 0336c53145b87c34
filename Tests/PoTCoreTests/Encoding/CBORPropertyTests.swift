import PropertyBased
import Testing
import PoTCore

@Suite("CBOR round-trip and fuzz properties")
struct CBORPropertyTests {
    @Test("ENC-CBOR: decode(encode(x)) == x for random trees")
    func decodeInvertsEncode() async {
        await propertyCheck(count: 2000, input: CBORGen.tree) { (value: CBOR) throws in
            let bytes = value.encoded()
            #expect(try CBOR.decode(bytes) == value)
        }
    }

    @Test("ENC-CBOR: encode(decode(b)) == b for encodings of random trees")
    func encodeInvertsDecode() async {
        await propertyCheck(count: 2000, input: CBORGen.tree) { (value: CBOR) throws in
            let bytes = value.encoded()
            let decoded = try CBOR.decode(bytes)
            #expect(decoded.encoded() == bytes)
            var appended: [UInt8] = [1, 2, 3]
            decoded.encode(into: &appended)
            #expect(appended == [1, 2, 3] + bytes)
        }
    }

    @Test("ENC-CBOR: random byte strings either fail with CBORError or re-encode to themselves")
    func randomBytesAreRejectedOrCanonical() async {
        await propertyCheck(count: 5000, input: Gen.uint8().array(of: 0 ... 12)) { bytes in
            Self.checkStrict(bytes)
        }
    }

    /// A valid encoding and a copy with random flips, insertions and deletions.
    struct Mutation: Sendable, CustomStringConvertible {
        var original: [UInt8]
        var mutated: [UInt8]
        var description: String { "original \(cborHexString(original)), mutated \(cborHexString(mutated))" }
    }

    static let mutations = Generator<Mutation, Shrink.None<Mutation>> { rng in
        let original = CBORGen.value(depth: Int.random(in: 0 ... 4, using: &rng), &rng).encoded()
        var bytes = original
        for _ in 0 ..< Int.random(in: 1 ... 3, using: &rng) {
            let op = Int.random(in: 0 ..< 4, using: &rng)
            if op <= 1, !bytes.isEmpty {
                // Flip one or more bits; head bytes are the interesting ones, so favour the front.
                let i = Int.random(in: 0 ..< (Bool.random(using: &rng) ? min(bytes.count, 8) : bytes.count), using: &rng)
                bytes[i] ^= UInt8.random(in: 1 ... 255, using: &rng)
            } else if op == 2 {
                bytes.insert(UInt8.random(in: 0 ... 255, using: &rng), at: Int.random(in: 0 ... bytes.count, using: &rng))
            } else if !bytes.isEmpty {
                bytes.remove(at: Int.random(in: 0 ..< bytes.count, using: &rng))
            }
        }
        return Mutation(original: original, mutated: bytes)
    }

    @Test("ENC-CBOR: mutated encodings (20 000 mutations) either fail with CBORError or re-encode to exactly the input")
    func mutationFuzz() async {
        var runs = 0, accepted = 0, rejected = 0
        await propertyCheck(count: 20_000, input: Self.mutations) { m in
            runs += 1
            if Self.checkStrict(m.mutated) { accepted += 1 } else { rejected += 1 }
        }
        #expect(runs == 20_000)
        // Both outcomes must actually occur, or the fuzz is not exercising anything.
        #expect(accepted > 100 && rejected > 100, "accepted \(accepted), rejected \(rejected)")
    }

    /// The strictness property: any accepted input is the canonical encoding of what it decodes to.
    /// Returns whether the input was accepted.
    @discardableResult
    static func checkStrict(_ bytes: [UInt8]) -> Bool {
        do {
            let value = try CBOR.decode(bytes)
            #expect(value.encoded() == bytes)
            return true
        } catch let error as CBORError {
            #expect(error.offset != nil)
            #expect(error.offset.map { $0 >= 0 && $0 <= bytes.count } ?? false)
        } catch {
            Issue.record("decode threw a non-CBORError: \(error)")
        }
        return false
    }
}
