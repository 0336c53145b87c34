import ArgumentParser
import PoTCLI
import PoTCore
import PoTMembership
import PoTStore

struct SponsorList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every game with its phase and outcome.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let games = state.membership.games.values.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
        let reports = games.map { GameReport($0, params: state.params, names: names) }
        if json { print(try Format.json(reports)); return }
        guard !reports.isEmpty else { print("no game yet (pot sponsor open starts one)"); return }
        func name(_ label: String?, _ key: String) -> String { label ?? String(key.prefix(8)) }
        print("game          phase          opened  opener    partner   newcomer  outcome")
        for r in reports {
            let outcome = r.outcome.map { o in "\(o) at \(r.ended_at!)" } ?? "-"
            print("\(r.id.prefix(12))  \(r.phase.padded(13))  \(String(r.opened_at).padded(6, left: true))  "
                  + "\(name(r.opener_label, r.opener).padded(8))  \(name(r.partner_label, r.partner).padded(8))  "
                  + "\(name(r.newcomer_label, r.newcomer).padded(8))  \(outcome)")
        }
    }
}

struct SponsorShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one game.")
    @Argument(help: "The game's id or a unique prefix.") var game: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let id = try context.store.findGame(game, in: state)
        let r = GameReport(state.membership.games[id]!, params: state.params, names: names)
        if json { print(try Format.json(r)); return }
        func name(_ label: String?, _ key: String) -> String { label.map { "\($0) (\(key.prefix(8)))" } ?? key }
        print("game      \(r.id)")
        print("phase     \(r.phase)")
        print("opener    \(name(r.opener_label, r.opener))")
        print("partner   \(name(r.partner_label, r.partner))")
        print("newcomer  \(name(r.newcomer_label, r.newcomer))")
        print("opened    at height \(r.opened_at); the partner may join until \(r.join_by)")
        if let joined = r.joined_at { print("joined    at height \(joined); reveals until \(r.reveal_by!)") }
        for line in r.revealed {
            let rewards = line.reward_keys.isEmpty ? "" : ", reward keys \(line.reward_keys.map { names[PublicKey(hex: $0)!] ?? String($0.prefix(8)) }.joined(separator: ", "))"
            print("revealed  \(line.label ?? String(line.player.prefix(8))): \(line.move)\(rewards)")
        }
        if let outcome = r.outcome {
            let admitted = r.admitted.map { names[PublicKey(hex: $0)!] ?? String($0.prefix(8)) }
            print("outcome   \(outcome) at height \(r.ended_at!)\(admitted.isEmpty ? "; nobody admitted" : "; admitted \(admitted.joined(separator: ", "))")")
            for key in r.missing { print("missing   \(names[PublicKey(hex: key)!] ?? String(key.prefix(8))) did not reveal (counted as defect)") }
        }
    }
}
