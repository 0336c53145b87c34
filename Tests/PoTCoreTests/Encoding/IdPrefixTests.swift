import PoTCore
import Testing

@Suite("Ids named by a unique prefix")
struct IdPrefixTests {
    static let ids = ["ab12" + String(repeating: "0", count: 60), "ab34" + String(repeating: "0", count: 60),
                      "cd56" + String(repeating: "0", count: 60), "ab35" + String(repeating: "1", count: 60)].map { Hash256(hex: $0)! }

    @Test("a unique prefix, in either case, or a whole id names its object")
    func unique() throws {
        #expect(try IdPrefix.unique("cd", kind: "market", among: Self.ids, id: { $0 }) == Self.ids[2])
        #expect(try IdPrefix.unique("AB12", kind: "market", among: Self.ids, id: { $0 }) == Self.ids[0])
        #expect(try IdPrefix.unique(Self.ids[3].hex, kind: "market", among: Self.ids, id: { $0 }) == Self.ids[3])
    }

    @Test("no match, several matches and text that is not hexadecimal are one line each, the same for every kind")
    func refusals() {
        #expect(throws: IdPrefix.Failure.notFound("no candidate block at height 3 starts with 'ef'")) {
            try IdPrefix.unique("EF", kind: "candidate block", place: "at height 3", among: Self.ids, id: { $0 })
        }
        #expect(throws: IdPrefix.Failure.ambiguous("'ab' matches more than one market (ab1200000000, ab3400000000, ab3511111111); give more digits")) {
            try IdPrefix.unique("ab", kind: "market", among: Self.ids, id: { $0 })
        }
        #expect(throws: IdPrefix.Failure.ambiguous("'a' matches more than one block (ab1200000000, ab3400000000, ab3511111111, …); give more digits")) {
            try IdPrefix.unique("a", kind: "block", among: Self.ids + [Hash256(hex: "a" + String(repeating: "2", count: 63))!], id: { $0 })
        }
        for bad in ["", "xyz", "ab 12", String(repeating: "a", count: 65)] {
            #expect(throws: IdPrefix.Failure.malformed("'\(bad)' is not a market id (expected hexadecimal digits)")) {
                try IdPrefix.unique(bad, kind: "market", among: Self.ids, id: { $0 })
            }
        }
    }
}
