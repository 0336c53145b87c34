import ArgumentParser
import PoTCLI
import PoTCore
import PoTMembership
import PoTStore

/// `pot sponsor …`: the admission game (membership module, system 001).
public struct SponsorGroup: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "sponsor",
        abstract: "Admit a member by the sponsorship game: open, join, reveal, list, show.",
        discussion: """
        Two members stake their privilege to sponsor and each commits to cooperate or defect; the moves \
        stay secret (.git/pot/secrets/) until both commitments are on chain. Both cooperate: the newcomer \
        becomes a member. One defects: the defector's reward keys (up to two) become members and the other \
        is suspended. Both defect: both are suspended. A missing reveal counts as defect. \
        `pot params` shows the windows and penalties of this chain.
        """,
        subcommands: [SponsorOpen.self, SponsorJoin.self, SponsorReveal.self, SponsorList.self, SponsorShow.self, SponsorSimulate.self])
}

/// Reads --move.
struct MoveArgument: ExpressibleByArgument {
    let move: SponsorMove
    init?(argument: String) {
        guard let move = SponsorMove(text: argument) else { return nil }
        self.move = move
    }
    static var allValueStrings: [String] { ["cooperate", "defect"] }
}

/// What open and join print: JSON, or `line` and then the game's id in full.
struct CommitOutput: Encodable {
    let game: String
    let object: String
    let player: String
    let role: String
    let reward_keys: [String]

    static func print(_ commit: SponsorCommit, role: String, json: Bool, line: String) throws {
        if json {
            Swift.print(try Format.json(CommitOutput(game: commit.game.hex, object: commit.objectId.hex, player: commit.secret.member.hex,
                                                     role: role, reward_keys: commit.secret.rewardKeys.map(\.hex))))
        } else {
            Swift.print(line)
            Swift.print(commit.game.hex)
        }
    }
}

struct SponsorOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a game with another member for a newcomer, committing to a move.",
        discussion: "Prints the game's id last, in full. With --move defect, --reward-key names the keys (at most two) to admit should the partner cooperate.")
    @Option(name: .customLong("as"), help: "Label of the opener's key.") var opener: String
    @Option(name: .customLong("with"), help: "The partner: a label or a public key.") var partner: String
    @Option(help: "The newcomer's public key or label (pot keygen makes one).") var newcomer: String
    @Option(help: "cooperate or defect.") var move: MoveArgument
    @Option(name: .customLong("reward-key"), help: "With --move defect: a key to admit as the reward (repeatable, at most two).") var rewardKeys: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(opener)
        let commit = try store.openGame(as: key, partner: try store.resolveAccount(partner), newcomer: try store.resolveAccount(newcomer),
                                        move: move.move, rewardKeys: try rewardKeys.map(store.resolveAccount))
        try CommitOutput.print(commit, role: "opener", json: json,
                               line: "opened game \(commit.game.short): \(opener) with \(partner) for newcomer \(newcomer); the move stays in .git/pot/secrets/ until the reveal")
    }
}

struct SponsorJoin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join a game that names you as partner, committing to a move.")
    @Option(name: .customLong("as"), help: "Label of the partner's key.") var partner: String
    @Option(help: "The game's id or a unique prefix.") var game: String
    @Option(help: "cooperate or defect.") var move: MoveArgument
    @Option(name: .customLong("reward-key"), help: "With --move defect: a key to admit as the reward (repeatable, at most two).") var rewardKeys: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(partner)
        let commit = try store.joinGame(as: key, game: game, move: move.move, rewardKeys: try rewardKeys.map(store.resolveAccount))
        try CommitOutput.print(commit, role: "partner", json: json,
                               line: "joined game \(commit.game.short) as \(partner); both reveal once a block carries the join")
    }
}

struct SponsorReveal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reveal", abstract: "Reveal your move in a game once both commitments are on chain.",
        discussion: "The move and salt come from .git/pot/secrets/. --reward-key replaces the reward keys given when committing.")
    @Option(name: .customLong("as"), help: "Label of the player's key.") var player: String
    @Option(help: "The game's id or a unique prefix.") var game: String
    @Option(name: .customLong("reward-key"), help: "A key to admit should you defect against a cooperator (repeatable, at most two).") var rewardKeys: [String] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(player)
        let signed = try store.revealMove(as: key, game: game, rewardKeys: rewardKeys.isEmpty ? nil : try rewardKeys.map(store.resolveAccount))
        let reveal = signed.reveal
        let id = signed.id(chain: store.chainId)
        if json {
            struct Out: Encodable { let id: String; let game: String; let player: String; let move: String; let reward_keys: [String] }
            print(try Format.json(Out(id: id.hex, game: reveal.game.hex, player: key.publicKey.hex, move: reveal.move.description,
                                      reward_keys: reveal.rewardKeys.map(\.hex))))
            return
        }
        let rewards = reveal.rewardKeys.isEmpty ? "" : " with \(reveal.rewardKeys.count) reward key(s)"
        print("revealed \(reveal.move) in game \(reveal.game.short) as \(player)\(rewards)")
        print(id.hex)
    }
}
