import ArgumentParser
import Foundation
import PoTAgents
import PoTCLI
import PoTCore
import PoTStore

struct AgentForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast", abstract: "Forecast a verified agent's accuracy on its holdout, bucket by bucket.",
        discussion: "Buckets: \((0..<AccuracyBuckets.count).map(AccuracyBuckets.label).joined(separator: ", ")). The chain measures the accuracy and pays by the log score.")
    @OptionGroup var target: AgentArgument
    @Option(name: .customLong("as"), help: "Label of the forecaster's key (a member).") var forecaster: String
    @Option(help: "Six probabilities, comma separated, e.g. 0,0,0,0.1,0.3,0.6.") var probs: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(forecaster)
        let agent = try target.find(store)
        let signed = try store.forecastAgent(as: key, agent: agent, probsPpm: try Probabilities.parse(probs, asPPM: false))
        if json {
            struct Out: Encodable { let id: String; let agent: String; let probs_ppm: [UInt64] }
            print(try Format.json(Out(id: signed.id(chain: store.chainId).hex, agent: agent.id.hex, probs_ppm: signed.forecast.probsPpm)))
            return
        }
        print("forecast agent \(agent.name)'s accuracy as \(forecaster): " + signed.forecast.probsPpm.enumerated()
            .map { "\(AccuracyBuckets.label($0)) \(Figures.probability($1))" }.joined(separator: ", "))
        print(signed.id(chain: store.chainId).hex)
    }
}

struct AgentEvaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Submit the evidence for the chain to measure an agent's accuracy on its holdout itself.",
        discussion: "Carries the final model and the holdout's rows with their Merkle paths; anyone holding them may submit, and the chain, not the submitter, computes the outcome.")
    @OptionGroup var target: AgentArgument
    @Option(name: .customLong("as"), help: "Label of the submitter's key (a member).") var submitter: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(submitter)
        let agent = try target.find(store)
        let (signed, accuracy) = try store.submitEvaluation(as: key, agent: agent)
        let rows = signed.evaluation.rows.count
        if json {
            struct Out: Encodable { let id: String; let agent: String; let accuracy_ppm: UInt64; let bucket: String; let rows: Int }
            print(try Format.json(Out(id: signed.id(chain: store.chainId).hex, agent: agent.id.hex, accuracy_ppm: accuracy,
                                      bucket: AccuracyBuckets.label(AccuracyBuckets.bucket(accuracy)), rows: rows)))
            return
        }
        print("submitted the evaluation of agent \(agent.name): the chain will measure \(Percent.text(ppm: accuracy)) on \(rows) held-out rows (bucket \(AccuracyBuckets.label(AccuracyBuckets.bucket(accuracy)))) and settle the forecasts")
        print(signed.id(chain: store.chainId).hex)
    }
}

struct AgentRoute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Rank verified agents for a task by the capabilities it needs, reputation and bond.",
        discussion: "Prints the --top choices, then as many fallbacks, each with why it stands there.")
    @Option(help: "The capability tags the task needs, comma separated.") var needs: String
    @Option(help: "How many to choose.") var top: Int = 3
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let needed = needs.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !needed.isEmpty else { throw SigningRefusal("--needs names at least one capability tag") }
        guard top > 0 else { throw SigningRefusal("--top is at least 1") }
        let ranked = AgentRouter.route(Array(try context.store.currentState().agents.agents.values), needs: needed, top: top)
        if json { print(try Format.json(ranked)); return }
        if ranked.isEmpty { print("no verified agent covers any of \(needed.joined(separator: ", "))"); return }
        for (i, c) in ranked.enumerated() { print("\(i + 1). \(c.name) [\(c.role)]: \(c.why)") }
    }
}

struct AgentRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run an agent's final model on one input, after checking the model's hash against the chain.",
        discussion: "--input gives the feature values as the dataset's table had them (they are standardised as the import did); --row takes a row of the dataset. --pay signs a usage payment.")
    @OptionGroup var target: AgentArgument
    @Option(help: "Comma-separated feature values, in the dataset's column order.") var input: String?
    @Option(help: "A row of the agent's dataset instead of --input.") var row: Int?
    @Option(help: "A model file (pot agent export) instead of the checkpoints stored here.") var model: String?
    @Option(help: "Pay this fee (mT) for the use.") var pay: UInt64?
    @Option(name: .customLong("as"), help: "With --pay: label of the payer's key.") var payer: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let agent = try target.find(store)
        let weights = try AgentModels(store: store).finalWeights(of: agent, file: model)
        let dataset = try AgentDatasets(store: store).load(for: agent.claim)
        let features: [Int32]
        switch (input, row) {
        case let (text?, nil):
            let cells = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let read = DatasetImport.input(cells, for: dataset) else {
                throw SigningRefusal("--input needs \(dataset.features) decimal values (\(dataset.featureNames.prefix(3).joined(separator: ", ")), …), got \(cells.count)")
            }
            features = read
        case let (nil, index?):
            guard (0..<dataset.rows).contains(index) else { throw SigningRefusal("the dataset has rows 0 to \(dataset.rows - 1)") }
            features = dataset.row(index).features
        default:
            throw SigningRefusal("give --input or --row, one of them")
        }
        var usage: SignedAgentUsage?
        if let pay {
            guard let payer else { throw SigningRefusal("--pay needs --as, the payer's key") }
            usage = try store.payAgent(as: try context.signingKey(payer), agent: agent, fee: pay)
        }
        let (label, probabilities) = TrainingRun.predict(agent.claim.model, weights: weights, input: features)
        let truth = row.map { dataset.classNames[Int(dataset.labels[$0])] }
        if json {
            struct Out: Encodable { let agent: String; let model: String; let label: String; let probabilities: [String: Double]; let truth: String?; let payment: String? }
            var probs: [String: Double] = [:]
            for (i, p) in probabilities.enumerated() { probs[dataset.classNames[i]] = Double(p) / 65_536 }
            print(try Format.json(Out(agent: agent.name, model: agent.proof!.finalModel.hex, label: dataset.classNames[label], probabilities: probs,
                                      truth: truth, payment: usage?.id(chain: store.chainId).hex)))
            return
        }
        print("\(agent.name) (model \(agent.proof!.finalModel.short), checked against the chain): \(dataset.classNames[label])"
              + (truth.map { "; the dataset says \($0)" } ?? ""))
        print(probabilities.enumerated().map { "  \(dataset.classNames[$0]) \(Q16.text(UInt64(max(0, $1)), digits: 3))" }.joined(separator: "\n"))
        if let usage { print("paid \(usage.usage.fee) mT for the use (payment \(usage.id(chain: store.chainId).short)); a block carries it") }
    }
}

struct AgentExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write an agent's final model to a file, after checking it against the chain.")
    @OptionGroup var target: AgentArgument
    @Argument(help: "The file to write.") var file: String

    func run() throws {
        let context = try ChainContext.open()
        let agent = try target.find(context.store)
        let weights = try AgentModels(store: context.store).finalWeights(of: agent)
        guard FileManager.default.createFile(atPath: file, contents: Data(Checkpoint.modelFile(weights))) else {
            throw SigningRefusal("cannot write \(file)")
        }
        print("wrote agent \(agent.name)'s final model (\(agent.claim.model.description), \(weights.count) weights, hash \(agent.proof!.finalModel.short)) to \(file)")
    }
}
