import ArgumentParser
import PoTCLI
import PoTContracts
import PoTCore
import PoTStore

/// `pot arbitrate …`: a committee member's part in a dispute. A running `pot-bootstrap` reveals
/// and releases shares by itself for the keys its repository holds.
public struct ArbitrateGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "arbitrate", abstract: "Arbitrate disputes: key, seal, reveal, recover, decide, due.",
        discussion: """
        Announce an arbiter key once (pot arbitrate key) to be drawn for committees. On a committee, seal your \
        verdict: it is committed to and Shamir-shared to the other members, encrypted to each. Reveal it once \
        every member has sealed; if you do not, t members release their shares and the chain recovers it. The \
        leader posts the decision with a majority's votes for it; the chain checks it against its own tally.
        """,
        subcommands: [ArbitrateKey.self, ArbitrateSeal.self, ArbitrateReveal.self, ArbitrateRecover.self, ArbitrateDecide.self, ArbitrateDue.self])
}

/// Reads a verdict: pay, refund, or the worker's share as a percentage.
struct VerdictArgument: ExpressibleByArgument {
    let verdict: Verdict
    init?(argument: String) {
        switch argument {
        case "pay": verdict = .payWorker
        case "refund": verdict = .refundRequester
        default:
            guard argument.hasSuffix("%"), let percent = Double(argument.dropLast()), percent >= 0, percent <= 100,
                  let v = try? Verdict(checking: UInt64((percent * 10_000).rounded())) else { return nil }
            verdict = v
        }
    }
    static var allValueStrings: [String] { ["pay", "refund", "<worker's share>%"] }
}

struct ArbitrateKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Announce your arbiter key (X25519), kept in .git/pot/secrets/.")
    @Option(name: .customLong("as"), help: "Label of your key.") var member: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.announceArbiterKey(as: try context.signingKey(member))
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "announced the arbiter key of \(member); its private half stays in .git/pot/secrets/",
                        fields: ["encryption_key": Hex.encode(signed.arbiterKey.encryptionKey)])
    }
}

struct ArbitrateSeal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seal", abstract: "Seal your verdict on a dispute.")
    @Option(name: .customLong("as"), help: "Label of your key.") var arbiter: String
    @Argument(help: "The dispute's id or a unique prefix.") var dispute: String
    @Option(help: "pay (the worker), refund (the requester), or the worker's share such as 60%.") var verdict: VerdictArgument
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.sealVerdict(as: try context.signingKey(arbiter), dispute: dispute, verdict: verdict.verdict)
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "sealed a verdict on dispute \(signed.seal.dispute.short) as \(arbiter); it stays in .git/pot/secrets/ until the reveal",
                        fields: ["dispute": signed.seal.dispute.hex])
    }
}

struct ArbitrateReveal: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reveal", abstract: "Reveal the verdict you sealed, once the reveals are open.")
    @Option(name: .customLong("as"), help: "Label of your key.") var arbiter: String
    @Argument(help: "The dispute's id or a unique prefix.") var dispute: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.revealVerdict(as: try context.signingKey(arbiter), dispute: dispute)
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "revealed '\(signed.reveal.verdict)' on dispute \(signed.reveal.dispute.short) as \(arbiter)",
                        fields: ["dispute": signed.reveal.dispute.hex, "verdict_ppm": String(signed.reveal.verdict.workerShare)])
    }
}

struct ArbitrateRecover: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover", abstract: "Release your shares of the verdicts whose arbiters did not reveal.")
    @Option(name: .customLong("as"), help: "Label of your key.") var member: String
    @Argument(help: "The dispute's id or a unique prefix.") var dispute: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let released = try context.store.releaseShares(as: try context.signingKey(member), dispute: dispute)
        let names = (try? context.store.names()) ?? [:]
        let chain = context.store.chainId
        if json {
            print(try Format.json(released.map { ["id": $0.id(chain: chain).hex, "sealer": $0.release.sealer.hex] }))
            return
        }
        for signed in released {
            print("released \(member)'s share of \(names[signed.release.sealer] ?? signed.release.sealer.short)'s verdict")
            print(signed.id(chain: chain).hex)
        }
    }
}

struct ArbitrateDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Post a dispute's decision as the leader of a term, with the votes of a majority.",
        discussion: """
        A running pot-bootstrap does this by itself: the committee's nodes elect a leader with Raft over relays and the \
        leader posts the decision with the signed votes it was elected by. This command is for a committee whose keys \
        are all at hand: the votes are signed here with the keys of --voter (committee members that voted for the \
        leader in the term, its own vote included). The verdict is the chain's tally (pot committee show); the chain \
        refuses any other.
        """)
    @Option(name: .customLong("as"), help: "Label of the leader's key.") var leader: String
    @Argument(help: "The dispute's id or a unique prefix.") var dispute: String
    @Option(help: "The leader's Raft term.") var term: UInt64 = 1
    @Option(name: .customLong("voter"), help: "Label of a key that voted for the leader in the term (repeatable; the leader's own too).") var voters: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let signed = try context.store.decideDispute(as: try context.signingKey(leader), dispute: dispute, term: term,
                                                     voters: try voters.map(context.signingKey))
        try printStored(signed, chain: context.store.chainId, json: json,
                        line: "posted the decision '\(signed.decision.verdict)' on dispute \(signed.decision.dispute.short) as \(leader), term \(term)",
                        fields: ["dispute": signed.decision.dispute.hex, "verdict_ppm": String(signed.decision.verdict.workerShare)])
    }
}

struct ArbitrateDue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Reveal and release shares now for every key held here, as a running pot-bootstrap does by itself.",
        discussion: "Prints one line per object stored; nothing when nothing is due.")

    func run() throws {
        let context = try ChainContext.open()
        for line in try context.store.arbitrateDue() { print(line) }
    }
}
