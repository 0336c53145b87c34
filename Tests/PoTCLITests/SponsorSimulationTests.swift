import PoTMembershipHost
import Testing

@Suite("Admission game: simulation")
struct SponsorSimulationTests {
    static func ring(_ strategy: SponsorSimulation.RingStrategy, penaltyScale: Double = 1) throws -> [SponsorSimulation.Period] {
        var configuration = SponsorSimulation.Configuration()
        configuration.honest = 12
        configuration.opportunists = 2
        configuration.ring = 4
        configuration.periods = 6
        configuration.ringStrategy = strategy
        configuration.penaltyScale = penaltyScale
        return try SponsorSimulation(configuration).run()
    }

    @Test("SPONSOR-SIM: a ring cooperating with itself grows at most ×1.5 per cycle, and under the defaults it gains nothing by defecting, inside or against honest members")
    func ringStrategies() throws {
        let cooperate = try Self.ring(.cooperate)
        #expect(cooperate.allSatisfy { $0.ring_growth_ppm <= 1_500_000 }, "\(cooperate.map(\.ring_growth_ppm))")
        #expect(cooperate.last?.members["ring"] == 42)
        let inside = try Self.ring(.defectInside), exploit = try Self.ring(.exploit)
        #expect(inside.last!.members["ring"]! < cooperate.last!.members["ring"]!)
        #expect(exploit.last!.members["ring"]! < cooperate.last!.members["ring"]!)
        // Honest members betrayed by the exploiting ring are suspended.
        #expect(exploit.contains { ($0.suspended["honest"] ?? 0) > 0 })
        // The same seed plays the same game.
        #expect(try Self.ring(.cooperate).map(\.members) == cooperate.map(\.members))
    }
}
