import ArgumentParser
import PoTCore
import PoTStore

struct Transfer: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sign a trust transfer; the next block carries it.")
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
        guard recipient != key.publicKey else { throw CLIError("a transfer to oneself is not allowed") }
        guard amount > 0 else { throw CLIError("--amount must be at least 1 mT") }
        guard memo.utf8.count <= ObjectLimits.maxMemoBytes else { throw CLIError("--memo is longer than \(ObjectLimits.maxMemoBytes) bytes") }
        try store.withWriteLock {
            let state = try store.currentState()
            let account = state.accounts[key.publicKey] ?? Account(balance: 0, member: false)
            var problems: [String] = []
            let pending = try store.pendingTransfers(problems: &problems)
                .map(\.signed.transfer).filter { $0.from == key.publicKey && $0.nonce > account.nonce }
            let committed = pending.reduce(UInt64(0)) { $0 + $1.amount }
            let next = (pending.map(\.nonce).max() ?? account.nonce) + 1
            let chosen = nonce ?? next
            guard chosen > account.nonce else {
                throw CLIError("nonce \(chosen) was already used by \(sender) (account nonce is \(account.nonce)); a replayed transfer is refused")
            }
            guard !pending.contains(where: { $0.nonce == chosen }) else {
                throw CLIError("nonce \(chosen) is already taken by a pending transfer of \(sender)")
            }
            guard chosen == next else { throw CLIError("nonce \(chosen) leaves a gap; the next nonce of \(sender) is \(next)") }
            guard account.balance >= committed, account.balance - committed >= amount else {
                throw CLIError("\(sender) has \(Format.grouped(account.balance)) mT (\(Format.grouped(committed)) already pending), cannot send \(Format.grouped(amount)) mT")
            }
            let tx = TrustTransfer(from: key.publicKey, to: recipient, amount: amount, nonce: chosen, memo: memo)
            let signed = SignedTransfer.sign(tx, with: key, chain: store.chainId)
            try store.addTransfer(signed)
            let id = signed.id(chain: store.chainId)
            if json {
                struct Out: Encodable { let id: String; let from: String; let to: String; let amount_mt: UInt64; let nonce: UInt64 }
                print(try Format.json(Out(id: id.hex, from: key.publicKey.hex, to: recipient.hex, amount_mt: amount, nonce: chosen)))
            } else {
                print("transfer of \(Format.grouped(amount)) mT from \(sender) to \(to), nonce \(chosen), pending until a block carries it")
                print(id.hex)
            }
        }
    }
}
