import Foundation
import ArgumentParser
import PoTCore
import PoTStore

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keygen", abstract: "Generate a key and publish its label as a claim signed by the key.")
    @Option(help: "Name of the new key.") var label: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        try context.store.checkNameFree(label)
        let key = try context.keys.generate(label)
        try context.store.publishName(label, for: key)
        if json {
            struct Out: Encodable { let label: String; let public_key: String }
            print(try Format.json(Out(label: label, public_key: key.publicKey.hex)))
        } else {
            print("generated key \(label) \(key.publicKey.hex)")
        }
    }
}

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List known labels, their public keys and where each name comes from; show labels claimed by several keys.",
        discussion: """
        A name comes from a key on this machine (local), the genesis parameters (genesis), or a claim \
        signed by the named key under refs/pot/names (claim); a local name wins over the others. A label \
        that several keys claim is a conflict: it is listed, and names none of them until resolved.
        """)
    @Option(help: ArgumentHelp("Publish the label of a key on this machine as a signed claim, so other repositories learn it.", valueName: "label"))
    var publish: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        if let label = publish {
            let key = try context.keys.key(label)
            try context.store.publishName(label, for: key)
            print("published \(label) \(key.publicKey.hex)")
            return
        }
        let book = try context.store.nameBook()
        struct Row: Encodable { let label: String; let public_key: String; let source: String; let private_key_here: Bool }
        struct Conflict: Encodable { let label: String; let keys: [String]; let winner: String? }
        struct Out: Encodable { let names: [Row]; let conflicts: [Conflict] }
        let rows = book.bindings.keys.sorted().map { label in
            let binding = book.bindings[label]!
            return Row(label: label, public_key: binding.key.hex, source: binding.source.rawValue, private_key_here: context.keys.contains(label))
        }
        if json {
            print(try Format.json(Out(names: rows, conflicts: book.conflicts.map {
                Conflict(label: $0.label, keys: $0.candidates.map(\.key.hex), winner: $0.winner?.key.hex)
            })))
            return
        }
        for row in rows {
            let note = row.private_key_here ? "  (private key here)" : "  (\(row.source))"
            print("\(row.label.padding(toLength: max(8, row.label.count), withPad: " ", startingAt: 0)) \(row.public_key)\(note)")
        }
        for conflict in book.conflicts { print("conflict: \(conflict.description)") }
    }
}
