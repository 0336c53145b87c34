import ArgumentParser
import Foundation
import PoTAgents
import PoTCLI
import PoTCore
import PoTStore

/// `pot agent …`: AI agents with a bond and a proof of training (agents module, system 003).
public struct AgentGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Register, train, prove, verify, attest and accuse AI agents; list and show them.",
        discussion: """
        A member registers an agent with a bond and a training claim over a dataset stored in this \
        repository. A block after the registration fixes the seed (initialisation and data order); \
        `train` runs the training in fixed-point integers and stores its checkpoints as git blobs; \
        `prove` commits to them. A block after the proof selects the segments members re-execute \
        (`verify`) before they `attest`. A segment that does not re-execute is proven with `fraud`: \
        the chain re-executes it itself and takes the bond. `pot params` shows the delays and amounts.
        """,
        subcommands: [AgentDatasetGroup.self, AgentRegister.self, AgentTrain.self, AgentProve.self, AgentVerify.self, AgentAttest.self,
                      AgentFraud.self, AgentForecastCommand.self, AgentEvaluate.self, AgentRoute.self, AgentRun.self, AgentExport.self,
                      AgentList.self, AgentShow.self])
}

/// Reads a decimal such as 0.05 into Q16.
struct FixedArgument: ExpressibleByArgument {
    let value: UInt64
    init?(argument: String) {
        guard let q = DatasetImport.parseDecimal(argument), q >= 0 else { return nil }
        value = UInt64(q)
    }
}

/// Reads --model.
struct ModelKindArgument: ExpressibleByArgument {
    let kind: ModelSpec.Kind
    init?(argument: String) {
        guard let kind = ModelSpec.Kind(name: argument) else { return nil }
        self.kind = kind
    }
    static var allValueStrings: [String] { ModelSpec.Kind.allCases.map(\.name) }
}

/// The agent a command names, on top of the current state.
struct AgentArgument: ParsableArguments {
    @Argument(help: "The agent's name, or its id or a unique prefix of it.") var agent: String

    func find(_ store: ChainStore) throws -> Agent { try store.findAgent(agent, in: try store.currentState()) }
}

/// Figures in Q16 as decimals, for people.
enum Q16 {
    static func text(_ value: UInt64, digits: Int = 4) -> String { String(format: "%.\(digits)f", double(value)) }

    static func double(_ value: UInt64) -> Double { Double(value) / 65_536 }
}

/// Shares in ppm as percentages, for people.
enum Percent {
    static func text(ppm: UInt64) -> String { String(format: "%.1f%%", Double(ppm) / 10_000) }
}
