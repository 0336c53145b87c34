import ArgumentParser
import PoTCLI
import PoTCore
import PoTMembership
import PoTStore

/// `pot members`: every member with its age, sponsors and privilege.
public struct MembersCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "members", abstract: "List the members: since when, who sponsored them, whether they may sponsor now.")
    @Flag(help: "Print JSON.") var json = false

    public func run() throws {
        let context = try ChainContext.open()
        let state = try context.store.currentState()
        let names = (try? context.store.names()) ?? [:]
        let members = MemberReport.all(in: state, names: names)
        if json { print(try Format.json(members)); return }
        func name(_ hex: String) -> String { names[PublicKey(hex: hex)!] ?? String(hex.prefix(8)) }
        print("member    since    sponsors          privilege")
        for m in members {
            let since = m.genesis ? "genesis" : String(m.member_since)
            let sponsors = m.genesis ? "-" : m.sponsors.map(name).joined(separator: "+") + (m.by_defection ? " (reward)" : "")
            print("\((m.label ?? String(m.key.prefix(8))).padded(8))  \(since.padded(7))  \(sponsors.padded(16))  \(m.privilegeText)")
        }
        print("\(members.count) member(s) at height \(state.height)")
    }
}
