import ArgumentParser
import Foundation
import PoTCore
import PoTStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new chain in this directory (a git repository is created if needed).")

    @Option(name: .customLong("k"), help: "Finality depth K: a height is final K blocks later.")
    var k: UInt64 = 2
    @Option(help: "Trust paid per nat of log-score margin, in mT.")
    var alpha: UInt64 = 1000
    @Option(help: ArgumentHelp("An initial member: LABEL=MT or PUBKEY=MT. Repeat for each member; missing keys are generated.", valueName: "label=mT"))
    var endow: [String] = []
    @Option(help: "A free-text note stored in the genesis parameters.")
    var note: String = ""
    @Option(help: ArgumentHelp("The market each voter and bettor is scored against: inclusive (with its own weight, the seed's rule) or leave-one-out (without it, so honest reports are optimal at any share of trust).", valueName: "rule"))
    var scoring: String = ScoringRule.inclusive.rawValue
    @Option(help: ArgumentHelp("A module parameter fixed at genesis, e.g. markets.max_resolution_window=1000. Repeat for each; `pot params` lists them with their defaults.", valueName: "name=value"))
    var param: [String] = []
    @Option(help: "Genesis time in Unix seconds (default: now).")
    var timestamp: UInt64?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        guard !endow.isEmpty else { throw CLIError("give at least one --endow LABEL=MT (the initial members)") }
        guard let rule = ScoringRule(rawValue: scoring) else {
            throw CLIError("--scoring '\(scoring)' is not a scoring rule (use inclusive or leave-one-out)")
        }
        let moduleParameters = try ParamOption.parse(param)
        let directory = FileManager.default.currentDirectoryPath
        var entries: [(label: String?, amount: UInt64, key: PublicKey?)] = []
        for item in endow {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let amount = UInt64(parts[1]) else {
                throw CLIError("--endow '\(item)' must look like alice=10000 (a label or public key, then whole mT)")
            }
            if parts[0].count == 64, let key = PublicKey(hex: parts[0]) {
                entries.append((nil, amount, key))
            } else {
                try KeyRing.validate(label: parts[0])
                entries.append((parts[0], amount, nil))
            }
        }
        let labels = entries.compactMap(\.label)
        guard Set(labels).count == labels.count else { throw CLIError("--endow names the same label twice") }
        // Check everything that can be checked before anything is written.
        do {
            _ = try ChainParams(confirmations: k, alpha: alpha, initialAccounts: [.init(key: SigningKey.generate().publicKey, balance: 0)],
                                createdAt: 0, note: note)
        } catch { throw CLIError("\(error)") }
        let ownRepository = FileManager.default.fileExists(atPath: directory + "/.git")
        if ownRepository, try GitCommandLine.run(["rev-parse", "--verify", "-q", "refs/pot/genesis"], in: directory).status == 0 {
            throw CLIError("this repository already holds a PoT chain")
        }
        if ownRepository, try GitCommandLine.run(["rev-parse", "--verify", "-q", "refs/heads/main"], in: directory).status == 0 {
            throw CLIError("refs/heads/main already exists; pot init needs a repository without main (import code later as an orphan commit merged into block 1)")
        }
        let ring = KeyRing(directory: try gitDirectoryForInit(directory) + "/pot/keys")
        var generated: Set<String> = []
        var accounts: [ChainParams.InitialAccount] = []
        var named: [(String, PublicKey)] = []
        for entry in entries {
            var key = entry.key
            if let label = entry.label {
                if ring.contains(label) {
                    key = try ring.key(label).publicKey
                } else {
                    key = try ring.generate(label).publicKey
                    generated.insert(label)
                }
                named.append((label, key!))
            }
            accounts.append(.init(key: key!, balance: entry.amount))
        }
        let params: ChainParams
        do {
            params = try ChainParams(confirmations: k, alpha: alpha, initialAccounts: accounts,
                                     createdAt: timestamp ?? ChainContext.now, note: note,
                                     labels: Dictionary(named, uniquingKeysWith: { a, _ in a }), scoring: rule,
                                     moduleParameters: moduleParameters)
        } catch { throw CLIError("\(error)") }
        let store = try ChainStore.initialize(at: directory, params: params)
        for warning in try MainGuard.install(in: directory) { warn(warning) }
        _ = try store.currentState()
        if json {
            struct Out: Encodable { let path: String; let chain_id: String; let k: UInt64; let alpha: UInt64; let created_at: UInt64; let accounts: [Acc] }
            struct Acc: Encodable { let label: String?; let public_key: String; let balance_mt: UInt64; let generated: Bool }
            let names = Dictionary(named.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            print(try Format.json(Out(path: store.git.workDirectory ?? directory, chain_id: params.chainId.hex, k: k, alpha: alpha,
                                      created_at: params.createdAt, accounts: accounts.map {
                Acc(label: names[$0.key], public_key: $0.key.hex, balance_mt: $0.balance, generated: names[$0.key].map(generated.contains) ?? false)
            })))
            return
        }
        print("Initialized PoT repository at \(store.git.workDirectory ?? directory)")
        print("chain_id: \(params.chainId.hex)")
        print("K: \(k)  alpha: \(alpha) mT per nat  created_at: \(params.createdAt)\(rule == .inclusive ? "" : "  scoring: \(rule.rawValue)")")
        for (name, value) in params.sortedModuleParameters { print("\(name): \(value)") }
        let names = Dictionary(named.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for account in accounts {
            let label = names[account.key] ?? "-"
            let origin = generated.contains(label) ? " (key generated)" : ""
            print("account \(label) \(account.key.hex) \(Figures.grouped(account.balance)) mT\(origin)")
        }
    }

    /// The .git directory the new chain will use, so keys can be generated before genesis.
    private func gitDirectoryForInit(_ directory: String) throws -> String {
        if FileManager.default.fileExists(atPath: directory + "/.git") {
            let probe = try GitCommandLine.check(["rev-parse", "--absolute-git-dir"], in: directory, doing: "git rev-parse")
            return probe.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try GitCommandLine.check(["init", "--quiet", "--initial-branch=main", directory], doing: "git init")
        return directory + "/.git"
    }
}
