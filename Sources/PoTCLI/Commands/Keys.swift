import Foundation
import ArgumentParser
import PoTCore
import PoTStore

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Generate a key and publish its label.")
    @Option(help: "Name of the new key.") var label: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let key = try context.keys.generate(label)
        try context.store.publishLabel(label, for: key.publicKey)
        if json {
            struct Out: Encodable { let label: String; let public_key: String }
            print(try Format.json(Out(label: label, public_key: key.publicKey.hex)))
        } else {
            print("generated key \(label) \(key.publicKey.hex)")
        }
    }
}

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List known labels, their public keys, and which keys are on this machine.")
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let labels = try context.store.labels()
        struct Row: Encodable { let label: String; let public_key: String; let private_key_here: Bool }
        let rows = labels.keys.sorted().map { Row(label: $0, public_key: labels[$0]!.hex, private_key_here: context.keys.contains($0)) }
        if json { print(try Format.json(rows)); return }
        for row in rows {
            print("\(row.label.padding(toLength: max(8, row.label.count), withPad: " ", startingAt: 0)) \(row.public_key)\(row.private_key_here ? "  (private key here)" : "")")
        }
    }
}
