/// What a module sees of one block while it applies, ends or selects it: the block's height and
/// chain, the kernel's accounts read-only, its own state to change, and its report to fill. The
/// balances change only through the ledger operations (ModuleLedger.swift).
public struct ModuleBlock<M: ChainModule> {
    /// Height of the block being applied or proposed.
    public let height: UInt64
    public let chain: Hash256
    /// The id of the block this one builds on (at height − 1): known to all, chosen by no one
    /// module, so a module may draw randomness from it.
    public let parent: Hash256
    public let params: ChainParams
    /// Members' trust in the state before this block (the weights the block's fork choice uses).
    public let preBlockTrust: [PublicKey: UInt64]
    /// Checks a signature; during a replay it consults the signatures verified beforehand.
    public let signatures: any SignatureChecker
    public var state: M.State
    public var report: M.Report
    /// The accounts and bonds, moved here from the chain state for the time of the hook.
    var accounts: [PublicKey: Account]
    var bonds: [PublicKey: UInt64]
    /// Every ledger operation of the hook, in order.
    var journal: [LedgerEntry] = []
    let others: ModuleStates

    init(height: UInt64, chain: Hash256, parent: Hash256, params: ChainParams, preBlockTrust: [PublicKey: UInt64],
         signatures: any SignatureChecker, state: M.State, others: ModuleStates) {
        self.height = height
        self.chain = chain
        self.parent = parent
        self.params = params
        self.preBlockTrust = preBlockTrust
        self.signatures = signatures
        self.state = state
        self.report = M.Report()
        self.accounts = [:]
        self.bonds = [:]
        self.others = others
    }

    public func isMember(_ key: PublicKey) -> Bool { accounts[key]?.member ?? false }
    /// The spendable balance of `key` in mT (bonds not included).
    public func balance(_ key: PublicKey) -> UInt64 { accounts[key]?.balance ?? 0 }
    /// The mT `key` has locked in bonds.
    public func bond(_ key: PublicKey) -> UInt64 { bonds[key] ?? 0 }
    /// Members' balances now.
    public var memberTrust: [PublicKey: UInt64] {
        var trust: [PublicKey: UInt64] = [:]
        for (key, account) in accounts where account.member { trust[key] = account.balance }
        return trust
    }

    /// The value of one of the module's chain parameters on this chain.
    public func parameter(_ parameter: ModuleParameter) -> UInt64 { params.value(of: parameter) }

    /// The state of another module, read-only (a module listed before this one has already
    /// applied the block).
    public func state<Other: ChainModule>(of other: Other.Type) -> Other.State {
        others.state(Other.self, params: params)
    }

    /// Checks a signed object's signature; a bad one breaks `rule`.
    public func requireSignature<Body: SignableBody>(_ signed: Signed<Body>, _ rule: BlockRejection.Rule) throws {
        guard signatures.isValid(signed, chain: chain) else {
            throw BlockRejection(rule, "\(Body.objectName) \(signed.id(chain: chain).short) has an invalid signature")
        }
    }
}

extension ModuleBlock {
    /// Runs `change` and keeps what it did only if it does not throw: how a module's selection
    /// tries one pending object on its scratch block. Returns whether the change was kept.
    @discardableResult
    public mutating func attempt(_ change: (inout ModuleBlock<M>) throws -> Void) -> Bool {
        var trial = self
        do {
            try change(&trial)
        } catch {
            return false
        }
        self = trial
        return true
    }
}
