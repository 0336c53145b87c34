import ArgumentParser
import PoTCLI
import PoTContracts
import PoTCore
import PoTStore

struct ContractList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every task with its phase.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let contracts = state.contracts.contracts.values.sorted { ($0.postedAt, $0.id) < ($1.postedAt, $1.id) }
        let reports = contracts.map { ContractReport($0, names: names) }
        if json { print(try Format.json(reports)); return }
        guard !reports.isEmpty else { print("no task yet (pot contract post starts one)"); return }
        print("task          reward  requester  worker    phase")
        for r in reports {
            print("\(r.id.prefix(12))  \(String(r.reward_mt).padded(6, left: true))  \(r.requester.short.padded(9))  "
                  + "\((r.worker?.short ?? "-").padded(8))  \(r.phase)")
        }
    }
}

struct ContractShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one task and its contract.")
    @Argument(help: "The task's id or a unique prefix.") var task: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let id = try context.store.findTask(task, in: state)
        let r = ContractReport(state.contracts.contracts[id]!, names: names)
        if json { print(try Format.json(r)); return }
        print("task       \(r.id)")
        print("title      \(r.title)")
        if let description = r.description { print("details    \(description)") }
        if let spec = r.spec { print("spec       \(spec)") }
        print("requester  \(r.requester.text)")
        print("reward     \(r.reward_mt) mT, escrowed at height \(r.posted_at)")
        print("phase      \(r.phase)")
        if let worker = r.worker { print("worker     \(worker.text), accepted at height \(r.accepted_at!)") } else { print("accept by  height \(r.accept_by)") }
        if let d = r.delivery {
            print("delivered  commit \(d.commit) at height \(d.height)\(d.note.map { ": \($0)" } ?? "")")
        } else if r.worker != nil {
            print("deliver by height \(r.deliver_by)")
        }
        if let c = r.closing { print("closed     at height \(c.height): \(c.reason); the worker's share \(Double(c.worker_share_ppm) / 10_000)%") }
        for rating in r.ratings { print("rating     \(rating.rater.short): \(rating.stars) star(s)") }
        if r.disputed { print("dispute    pot committee show \(r.id.prefix(12))") }
    }
}

struct ContractTrust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust", abstract: "Show members' service trust and whether they may sit on a committee.",
        discussion: "Service trust is (r+1)/(r+s+2) over decayed evidence for (r) and against (s); docs/spec.md §11b.")
    @Argument(help: "A member (label or key); all members when left out.") var member: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let keys = try member.map { [try context.store.resolveAccount($0)] }
            ?? state.accounts.keys.filter { state.isMember($0) || state.contracts.service[$0] != nil }.sorted()
        let reports = keys.map { ServiceReport($0, state: state, names: names) }.sorted { $0.member.short < $1.member.short }
        if json {
            print(member == nil ? try Format.json(reports) : try Format.json(reports[0]))
            return
        }
        print("member     trust    for    against  contracts  arbitrations  may sit")
        for r in reports {
            print("\(r.member.short.padded(9))  \(String(format: "%5.1f%%", Double(r.trust_ppm) / 10_000))  \(String(format: "%5.2f", r.evidence_for))  "
                  + "\(String(format: "%7.2f", r.evidence_against))  \(String(r.contracts).padded(9, left: true))  "
                  + "\(String(r.arbitrations).padded(12, left: true))  \(r.may_sit ? "yes" : r.arbiter_key ? "no" : "no (no arbiter key)")")
        }
    }
}
