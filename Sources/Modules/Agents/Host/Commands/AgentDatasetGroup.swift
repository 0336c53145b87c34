import ArgumentParser
import Foundation
import PoTAgents
import PoTCLI
import PoTCore
import PoTStore

/// `pot agent dataset import|synth|list`.
struct AgentDatasetGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset", abstract: "Store a dataset in this repository as a git blob: import a CSV file or draw a synthetic one.",
        subcommands: [AgentDatasetImport.self, AgentDatasetSynth.self, AgentDatasetList.self])
}

/// What the dataset commands print.
struct DatasetOutput: Encodable {
    let blob: String
    let root: String
    let rows: Int
    let features: Int
    let classes: [String]
    let label: String
    let source: String

    init(blob: String, dataset: Dataset) {
        self.blob = blob; root = dataset.root().hex; rows = dataset.rows; features = dataset.features
        classes = dataset.classNames; label = dataset.labelName; source = dataset.source
    }

    func print(json: Bool, verb: String) throws {
        if json { Swift.print(try Format.json(self)); return }
        Swift.print("\(verb) \(rows) rows of \(features) features, label \(label) (\(classes.joined(separator: ", "))) from \(source)")
        Swift.print("root \(root)")
        Swift.print(blob)
    }
}

struct AgentDatasetImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Read a CSV file (header line first) into a dataset blob.",
        discussion: "Every column but --label must hold decimal numbers; each is standardised in integers (docs/spec.md AGENT-IMPORT). Prints the blob's id last.")
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The column holding the classes.") var label: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let dataset = try AgentDatasets.importCSV(path: file, label: label)
        let blob = try AgentDatasets(store: context.store).save(dataset)
        try DatasetOutput(blob: blob.hex, dataset: dataset).print(json: json, verb: "imported")
    }
}

struct AgentDatasetSynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth", abstract: "Draw a synthetic dataset (one cloud per class) from a seed text.")
    @Option(help: "Rows (2 to 65 536).") var rows: Int = 500
    @Option(help: "Features (1 to 256).") var features: Int = 8
    @Option(help: "Classes (2 to 64).") var classes: Int = 3
    @Option(help: "How far the clouds overlap: 1.0 makes them touch.") var spread: FixedArgument = FixedArgument(argument: "1")!
    @Option(help: "Any text: the same text draws the same data.") var seed: String = "pot"
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let dataset: Dataset
        do {
            dataset = try SyntheticDataset.make(rows: rows, features: features, classes: classes, spread: Int64(spread.value),
                                                seed: DomainHash.sha256(Array(seed.utf8)))
        } catch { throw SigningRefusal("\(error)") }
        let blob = try AgentDatasets(store: context.store).save(dataset)
        try DatasetOutput(blob: blob.hex, dataset: dataset).print(json: json, verb: "drew")
    }
}

struct AgentDatasetList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the dataset blobs this repository holds.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let datasets = AgentDatasets(store: context.store)
        let outputs = try datasets.all().map { DatasetOutput(blob: $0.hex, dataset: try datasets.load(blob: $0).dataset) }
        if json { print(try Format.json(outputs)); return }
        if outputs.isEmpty { print("no datasets (pot agent dataset import FILE --label COLUMN adds one)") }
        for o in outputs { print("\(o.blob.prefix(12))  \(o.rows) rows × \(o.features) features → \(o.label) (\(o.classes.count) classes)  \(o.source)") }
    }
}
