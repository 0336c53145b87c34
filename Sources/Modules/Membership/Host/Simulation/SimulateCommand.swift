import ArgumentParser
import Foundation
import PoTCLI
import PoTCore
import PoTMembership

/// `pot sponsor simulate`: the admission game played by a population on an in-memory chain.
struct SponsorSimulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Play the admission game with honest members, opportunists and a colluding ring, block by block.",
        discussion: """
        Every block goes through the chain's own selection and state transition, with real keys and signatures; \
        only the players' choices are simulated. A period is a cooldown plus the three blocks a game takes. \
        With --compare, the ring's three strategies are run with the penalties halved, as they are and doubled, \
        and only the ring's final size is printed for each. Needs no repository.
        """)
    @Option(help: "Honest members at genesis.") var honest = 20
    @Option(help: "Opportunists at genesis.") var opportunists = 4
    @Option(help: "Identities of the colluding ring at genesis.") var ring = 4
    @Option(help: "The ring's strategy: cooperate, defect-inside or exploit.") var strategy = "cooperate"
    @Option(help: "Periods to play.") var periods = 10
    @Option(help: "Multiply the penalties of defection (the sucker's and mutual suspensions, the reward keys' wait) by this.") var penaltyScale = 1.0
    @Option(name: .customLong("param"), help: "A membership parameter, NAME=VALUE (repeatable).") var parameters: [String] = []
    @Option(help: "Seed of the players' choices.") var seed: UInt64 = 1
    @Flag(help: "Compare the ring's strategies under halved, default and doubled penalties.") var compare = false
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard honest >= 2, honest <= 500, opportunists >= 0, opportunists <= 500, ring >= 0, ring <= 500 else {
            throw ValidationError("--honest is 2 to 500, --opportunists and --ring 0 to 500")
        }
        guard (1...50).contains(periods) else { throw ValidationError("--periods is 1 to 50") }
        guard penaltyScale >= 0, penaltyScale <= 100 else { throw ValidationError("--penalty-scale is 0 to 100") }
        guard SponsorSimulation.RingStrategy(rawValue: strategy) != nil else {
            throw ValidationError("--strategy is cooperate, defect-inside or exploit, not '\(strategy)'")
        }
    }

    func run() throws {
        var configuration = SponsorSimulation.Configuration()
        configuration.honest = honest
        configuration.opportunists = opportunists
        configuration.ring = ring
        configuration.ringStrategy = SponsorSimulation.RingStrategy(rawValue: strategy)!
        configuration.periods = periods
        configuration.penaltyScale = penaltyScale
        configuration.seed = seed
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = UInt64(parts[1]) else { throw CLIError("--param: expected NAME=VALUE, got '\(parameter)'") }
            configuration.parameters[parts[0].hasPrefix("membership.") ? parts[0] : "membership." + parts[0]] = value
        }
        if compare { return try printComparison(configuration) }
        let rows = try SponsorSimulation(configuration).run()
        if json { print(try Format.json(rows)); return }
        print("period  height  admitted h/o/r   members h/o/r      ring share  ring ×  suspended h/o/r")
        for r in rows {
            func triple(_ d: [String: Int]) -> String { ["honest", "opportunist", "ring"].map { String(d[$0] ?? 0) }.joined(separator: "/") }
            print("\(String(r.period).leftPadded(6))  \(String(r.height).leftPadded(6))  \(triple(r.admitted).rightPadded(15))  "
                  + "\(triple(r.members).rightPadded(17))  \(Self.percent(r.ring_share_ppm).leftPadded(10))  "
                  + "\(Self.factor(r.ring_growth_ppm).leftPadded(6))  \(triple(r.suspended))")
        }
    }

    /// The ring's final size for each strategy and penalty scale.
    func printComparison(_ base: SponsorSimulation.Configuration) throws {
        struct Cell: Encodable { let strategy: String; let penalty_scale: Double; let ring: Int; let ring_share_ppm: UInt64; let honest: Int }
        var cells: [Cell] = []
        for strategy in SponsorSimulation.RingStrategy.allCases {
            for scale in [0.5, 1.0, 2.0] {
                var configuration = base
                configuration.ringStrategy = strategy
                configuration.penaltyScale = scale
                let last = try SponsorSimulation(configuration).run().last!
                cells.append(Cell(strategy: strategy.rawValue, penalty_scale: scale, ring: last.members["ring"] ?? 0,
                                  ring_share_ppm: last.ring_share_ppm, honest: last.members["honest"] ?? 0))
            }
        }
        if json { print(try Format.json(cells)); return }
        print("ring strategy   penalties ×0.5     ×1       ×2   (ring identities after \(base.periods) periods; share of all members)")
        for strategy in SponsorSimulation.RingStrategy.allCases {
            let row = cells.filter { $0.strategy == strategy.rawValue }.map { "\($0.ring) (\(Self.percent($0.ring_share_ppm)))" }
            print("\(strategy.rawValue.rightPadded(14))  \(row.map { $0.leftPadded(12) }.joined(separator: " "))")
        }
    }
}

extension SponsorSimulate {
    /// ppm as a percentage with one decimal: 130434 → "13.0%".
    static func percent(_ ppm: UInt64) -> String { "\(ppm / 10_000).\((ppm % 10_000) / 1_000)%" }
    /// ppm as a factor with two decimals: 1500000 → "1.50".
    static func factor(_ ppm: UInt64) -> String {
        let hundredths = (ppm + 5_000) / 10_000
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func rightPadded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
