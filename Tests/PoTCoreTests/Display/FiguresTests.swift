import PoTCore
import Testing

@Suite("Figures as pot and pot-web print them")
struct FiguresTests {
    @Test("a change of balance carries its sign, except zero, with thousands grouped",
          arguments: [(1_200 as Int64, "+1 200"), (-36, "-36"), (0, "0"), (-1_792_000, "-1 792 000"), (Int64.min, "-9 223 372 036 854 775 808")])
    func signedGrouped(_ value: Int64, _ text: String) {
        #expect(Figures.signedGrouped(value) == text)
    }

    @Test("without grouping, the same sign rule: zero has no sign",
          arguments: [(405 as Int64, "+405"), (-1_792, "-1792"), (0, "0")])
    func signed(_ value: Int64, _ text: String) {
        #expect(Figures.signed(value) == text)
    }
}
