import ArgumentParser
import PoTCLI
import PoTContracts
import PoTCore
import PoTStore

/// `pot contract …`: tasks with escrowed rewards, deliveries, ratings and disputes (contracts
/// module, system 002).
public struct ContractGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Service contracts: post, accept, deliver, approve, rate, dispute, list, show, trust, simulate.",
        discussion: """
        A requester posts a task and its reward is escrowed; a worker accepts, then delivers a commit of this \
        repository (kept under refs/pot/contract-work/). The requester approves (the worker is paid) or either \
        side disputes: a committee drawn by service trust decides (pot committee, pot arbitrate). Silence has \
        a deadline: an unaccepted or undelivered task is refunded, an unreviewed delivery is paid. \
        `pot params` shows this chain's windows.
        """,
        subcommands: [ContractPost.self, ContractAccept.self, ContractDeliver.self, ContractApprove.self, ContractRate.self, ContractDispute.self,
                      ContractList.self, ContractShow.self, ContractTrust.self, ContractSimulate.self])
}

/// Prints a stored object: its JSON, or `line` and then its id in full.
func printStored<Body: SignableBody>(_ signed: Signed<Body>, chain: Hash256, json: Bool, line: String, fields: [String: String] = [:]) throws {
    if json {
        print(try Format.json(fields.merging(["id": signed.id(chain: chain).hex, "object": Body.objectName]) { a, _ in a }))
    } else {
        print(line)
        print(signed.id(chain: chain).hex)
    }
}

struct ContractPost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Post a task with a reward to escrow.", discussion: "Prints the task's id last, in full.")
    @Option(name: .customLong("as"), help: "Label of the requester's key.") var requester: String
    @Option(help: "What is wanted, in one line (at most 120 bytes).") var title: String
    @Option(help: "The details.") var description: String = ""
    @Option(help: "A revision of this repository holding the specification.") var spec: String?
    @Option(help: "The reward in mT, escrowed from your balance.") var reward: UInt64
    @Option(name: .customLong("accept-within"), help: "Heights a worker has to accept.") var acceptWithin: UInt64 = 20
    @Option(name: .customLong("deliver-within"), help: "Heights the worker has to deliver, counted from the post.") var deliverWithin: UInt64 = 100
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.postTask(as: try context.signingKey(requester), title: title, description: description, spec: spec,
                                                reward: reward, acceptWithin: acceptWithin, deliverWithin: deliverWithin)
        let post = signed.post
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "posted task '\(post.title)' for \(post.reward) mT as \(requester): accept by height \(post.acceptBy), deliver by \(post.deliverBy)",
                        fields: ["task": signed.post.taskId(chain: context.store.chainId).hex])
    }
}

struct ContractAccept: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a task as its worker.")
    @Option(name: .customLong("as"), help: "Label of the worker's key.") var worker: String
    @Argument(help: "The task's id or a unique prefix.") var task: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.acceptTask(as: try context.signingKey(worker), task: task)
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "accepted task \(signed.acceptance.task.short) as \(worker)", fields: ["task": signed.acceptance.task.hex])
    }
}

struct ContractDeliver: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "Deliver a commit for a task you accepted.",
        discussion: "The commit is kept under refs/pot/contract-work/<task> so that it travels with the chain; it enters main only if someone proposes it.")
    @Option(name: .customLong("as"), help: "Label of the worker's key.") var worker: String
    @Argument(help: "The task's id or a unique prefix.") var task: String
    @Option(help: "The revision delivered (a commit of this repository).") var commit: String
    @Option(help: "A note for the requester.") var note: String = ""
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.deliverTask(as: try context.signingKey(worker), task: task, revision: commit, note: note)
        let delivery = signed.delivery
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "delivered commit \(String(delivery.commit.hex.prefix(12))) for task \(delivery.task.short) as \(worker)",
                        fields: ["task": delivery.task.hex, "commit": delivery.commit.hex])
    }
}

struct ContractApprove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a delivery: the escrow goes to the worker.")
    @Option(name: .customLong("as"), help: "Label of the requester's key.") var requester: String
    @Argument(help: "The task's id or a unique prefix.") var task: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.approveTask(as: try context.signingKey(requester), task: task)
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "approved task \(signed.approval.task.short) as \(requester); the worker is paid when a block carries it",
                        fields: ["task": signed.approval.task.hex])
    }
}

struct ContractRate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "Rate the other side of a closed contract, 1 to 5 stars.")
    @Option(name: .customLong("as"), help: "Label of your key.") var rater: String
    @Argument(help: "The task's id or a unique prefix.") var task: String
    @Option(help: "1 to 5.") var stars: UInt64
    @Option(help: "A comment.") var comment: String = ""
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.rateTask(as: try context.signingKey(rater), task: task, stars: stars, comment: comment)
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "rated task \(signed.rating.task.short) \(signed.rating.stars) star(s) as \(rater)", fields: ["task": signed.rating.task.hex])
    }
}

struct ContractDispute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute", abstract: "Take a contract to arbitration.",
        discussion: "A committee is drawn by service trust two heights later (pot committee show).")
    @Option(name: .customLong("as"), help: "Label of your key (the requester or the worker).") var party: String
    @Argument(help: "The task's id or a unique prefix.") var task: String
    @Option(help: "What went wrong.") var statement: String
    @Option(help: "A revision of this repository as evidence.") var evidence: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.disputeTask(as: try context.signingKey(party), task: task, statement: statement, evidence: evidence)
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "disputed task \(signed.dispute.task.short) as \(party); its committee is drawn once a block carries the dispute",
                        fields: ["task": signed.dispute.task.hex])
    }
}
