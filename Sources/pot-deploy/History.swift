import ArgumentParser
import PoTDeploy

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the record: how every run went, oldest first.",
        discussion: "A run still going (or cut off by a crash) shows as started until pot-deploy records its outcome.")

    @OptionGroup var repository: RepositoryOptions
    @Option(help: "Show only the last N entries.")
    var last: Int?
    @Flag(help: "Print each entry as a line of JSON.")
    var json = false

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be at least 1") }
    }

    func run() throws {
        let chain = try ChainReader(repo: repository.repo)
        let entries = try RecordFile.read(path: DeployPaths(gitDirectory: chain.gitDirectory).record)
        let index = RecordIndex(entries)
        // A started entry is shown only while it is the run's last word.
        var shown = entries.filter { entry in
            entry.status != .started || entry.runKey.map { index.latest[$0]?.status == .started } ?? false
        }
        if let last { shown = Array(shown.suffix(last)) }
        for entry in shown {
            Output.line(json ? entry.jsonLine : "\(entry.time) \(RunLine.text(entry))")
        }
    }
}
