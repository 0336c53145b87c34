import ArgumentParser
import PoTCore
import PoTStore

struct Transfer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Sign a trust transfer; the next block carries it.")
    @Option(name: .customLong("as"), help: "Label of the sender's key.") var sender: String
    @Option(help: "Recipient: a label or a 64-digit public key.") var to: String
    @Option(help: "Amount in mT (1 trust = 1000 mT).") var amount: UInt64
    @Option(help: "A note of up to 256 bytes.") var memo: String = ""
    @Option(help: "Nonce to use (default: the next free one).") var nonce: UInt64?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(sender)
        let recipient = try store.resolveAccount(to)
        let signed = try store.sendTransfer(as: key, label: sender, to: recipient, amount: amount, memo: memo, nonce: nonce)
        let id = signed.id(chain: store.chainId)
        let chosen = signed.transfer.nonce
        if json {
            struct Out: Encodable { let id: String; let from: String; let to: String; let amount_mt: UInt64; let nonce: UInt64 }
            print(try Format.json(Out(id: id.hex, from: key.publicKey.hex, to: recipient.hex, amount_mt: amount, nonce: chosen)))
        } else {
            print("transfer of \(Figures.grouped(amount)) mT from \(sender) to \(to), nonce \(chosen), pending until a block carries it")
            print(id.hex)
        }
    }
}
