import ArgumentParser
import Foundation
import PoTAgents
import PoTCLI
import PoTCore
import PoTStore

struct AgentRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Register an agent with a bond and the training it will prove.",
        discussion: "The bond (mT) is locked from the provider's balance when a block carries the registration. Prints the agent's id last.")
    @Argument(help: "The agent's name: a-z, 0-9 and '-'.") var name: String
    @Option(name: .customLong("as"), help: "Label of the provider's key (a member).") var provider: String
    @Option(help: "The dataset blob's id or a unique prefix (pot agent dataset list).") var dataset: String
    @Option(help: "Capability tags, comma separated.") var tags: String
    @Option(help: "Bond in mT.") var bond: UInt64
    @Option(help: "softmax or mlp.") var model: ModelKindArgument = ModelKindArgument(argument: "mlp")!
    @Option(help: "Hidden units of an mlp.") var hidden: Int = 16
    @Option(name: .customLong("learning-rate"), help: "The step size, e.g. 0.05.") var learningRate: FixedArgument = FixedArgument(argument: "0.05")!
    @Option(help: "The momentum, below 1, e.g. 0.9.") var momentum: FixedArgument = FixedArgument(argument: "0.9")!
    @Option(help: "Rows per step.") var batch: UInt64 = 16
    @Option(help: "Steps between two checkpoints (k).") var interval: UInt64 = 10
    @Option(help: "Steps in all: a multiple of --interval.") var steps: UInt64 = 200
    @Option(name: .customLong("evaluation-percent"), help: "Percent of rows the seed sets aside for evaluation.") var evaluationPercent: UInt64 = 20
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(provider)
        let stored = try AgentDatasets(store: store).load(dataset)
        let data = stored.dataset
        let claim = TrainingClaim(datasetBlob: stored.blob.bytes, datasetRoot: data.root(), rows: UInt64(data.rows),
                                  model: ModelSpec(kind: model.kind, features: data.features, classes: data.classes, hidden: hidden),
                                  learningRate: learningRate.value, momentum: momentum.value, batchSize: batch, interval: interval, steps: steps,
                                  labelColumn: data.labelName, evaluationPpm: min(evaluationPercent, 100) * 10_000)
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let signed = try store.registerAgent(as: key, name: name, tags: tagList, bond: bond, claim: claim)
        let id = signed.id(chain: store.chainId)
        if json {
            struct Out: Encodable { let agent: String; let name: String; let provider: String; let bond: UInt64; let model: String; let segments: UInt64 }
            print(try Format.json(Out(agent: id.hex, name: name, provider: key.publicKey.hex, bond: bond, model: claim.model.description, segments: claim.segments)))
            return
        }
        let delay = store.params.value(of: AgentsModule.seedDelay)
        print("registered agent \(name): \(claim.model.description), \(claim.segments) segments of \(interval) steps, bond \(bond) mT; the seed comes \(delay) block(s) after a block carries it")
        print(id.hex)
    }
}

struct AgentTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train a registered agent from its seed and store its checkpoints as git blobs.",
        discussion: "Deterministic: the same claim and seed give the same bytes on any machine. Prints the checkpoint root last.")
    @OptionGroup var target: AgentArgument
    @Option(help: "For demonstrations: nudge one weight after this segment (repeatable), so that the proof is fraudulent.") var fabricate: [Int] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let agent = try target.find(store)
        guard fabricate.allSatisfy({ (0..<Int(agent.claim.segments)).contains($0) }) else {
            throw SigningRefusal("agent \(agent.name) has segments 0 to \(agent.claim.segments - 1)")
        }
        guard let seed = agent.seed else {
            let height = agent.registeredAt + store.params.value(of: AgentsModule.seedDelay) + 1
            throw SigningRefusal("agent \(agent.name) has no seed yet: the block at height \(height) fixes it")
        }
        guard agent.proof == nil else { throw SigningRefusal("agent \(agent.name) is already proven; its checkpoints are committed") }
        let dataset = try AgentDatasets(store: store).load(for: agent.claim)
        let run = TrainingRun(claim: agent.claim, seed: seed)
        let started = Date()
        let m = agent.claim.segments
        let progress = ProgressLine(total: m, what: "segments")
        let log = fabricate.isEmpty ? try TrainingLog(run: run, dataset: dataset) { progress.update($0) }
                                    : Spoofs.fabricated(run, dataset: dataset, segments: Set(fabricate))
        progress.finish()
        if !fabricate.isEmpty { warn("segments \(fabricate.sorted().map(String.init).joined(separator: ", ")) of this run are fabricated: a proof of it is fraud") }
        try AgentCheckpoints(store: store).save(log, agent: agent.id)
        let seconds = Date().timeIntervalSince(started)
        let accuracy = ModelEvaluation.accuracyPpm(agent.claim.model, weights: log.checkpoints.last!.weights, dataset: dataset, rows: run.evaluationRows)
        if json {
            struct Out: Encodable { let agent: String; let root: String; let checkpoints: Int; let losses: [Double]; let evaluation_accuracy_ppm: UInt64; let seconds: Double }
            print(try Format.json(Out(agent: agent.id.hex, root: log.root.hex, checkpoints: log.checkpoints.count, losses: log.losses.map(Q16.double),
                                      evaluation_accuracy_ppm: accuracy, seconds: seconds)))
            return
        }
        print("trained agent \(agent.name): \(agent.claim.steps) steps in \(String(format: "%.2f", seconds)) s; loss \(Q16.text(log.losses.first!)) → \(Q16.text(log.losses.last!)); accuracy on its \(run.evaluationRows.count) evaluation rows \(Percent.text(ppm: accuracy))")
        print("\(log.checkpoints.count) checkpoints stored under refs/pot/agent-checkpoints/\(agent.id.hex.prefix(12))…; pot agent prove \(agent.name) commits to them")
        print(log.root.hex)
    }
}

struct AgentProve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove", abstract: "Commit to the stored training run: its checkpoint root, final model and training curve.")
    @OptionGroup var target: AgentArgument
    @Option(name: .customLong("as"), help: "Label of the provider's key.") var provider: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(provider)
        let agent = try target.find(store)
        let signed = try store.proveAgent(as: key, agent: agent)
        if json {
            struct Out: Encodable { let id: String; let agent: String; let root: String; let final_model: String }
            print(try Format.json(Out(id: signed.id(chain: store.chainId).hex, agent: agent.id.hex, root: signed.proof.root.hex, final_model: signed.proof.finalModel.hex)))
            return
        }
        let delay = store.params.value(of: AgentsModule.selectionDelay)
        print("proved agent \(agent.name): root \(signed.proof.root.short), final model \(signed.proof.finalModel.short); the segments to check are drawn \(delay) block(s) after a block carries it")
        print(signed.id(chain: store.chainId).hex)
    }
}
