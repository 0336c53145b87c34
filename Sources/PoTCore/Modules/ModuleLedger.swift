/// One balance change made by a module, recorded in the block's effects so that every mT a
/// module creates or destroys is accounted for.
public struct LedgerEntry: Equatable, Sendable {
    public enum Operation: String, Sendable {
        /// mT created for an account.
        case credit
        /// mT destroyed from an account's balance.
        case debit
        /// mT moved from a balance into its bond.
        case lockBond = "lock-bond"
        /// mT moved from a bond back to its balance.
        case unlockBond = "unlock-bond"
        /// mT destroyed from a bond (any reward to a reporter is a separate credit).
        case slash
        /// A key made a member.
        case admit
    }

    public var module: String
    public var operation: Operation
    public var key: PublicKey
    public var amount: UInt64

    /// How the operation changes the total of balances and bonds, in mT.
    public var supplyChange: Int128 {
        switch operation {
        case .credit: return Int128(amount)
        case .debit, .slash: return -Int128(amount)
        case .lockBond, .unlockBond, .admit: return 0
        }
    }
}

/// The ledger of audited operations: the only way a module changes balances. Each operation
/// either keeps every invariant of the kernel (no overflow, no balance or bond below 0) or
/// changes nothing and throws a rejection under the rule `ledger`.
extension ModuleBlock {
    /// Creates `amount` mT on `key`'s balance (an account is opened if needed, not a member).
    public mutating func credit(_ key: PublicKey, _ amount: UInt64) throws {
        var account = accounts[key] ?? Account(balance: 0, member: false)
        let (sum, overflow) = account.balance.addingReportingOverflow(amount)
        guard !overflow else { throw refusal("crediting \(amount) mT to \(key.short) would overflow its balance") }
        account.balance = sum
        accounts[key] = account
        record(.credit, key, amount)
    }

    /// Destroys `amount` mT of `key`'s balance.
    public mutating func debit(_ key: PublicKey, _ amount: UInt64) throws {
        guard var account = accounts[key], account.balance >= amount else {
            throw refusal("\(key.short) has \(balance(key)) mT, cannot be debited \(amount) mT")
        }
        account.balance -= amount
        accounts[key] = account
        record(.debit, key, amount)
    }

    /// Moves `amount` mT of `key`'s balance into its bond: still its own, but neither spendable
    /// nor counted as trust until unlocked.
    public mutating func lockBond(_ key: PublicKey, _ amount: UInt64) throws {
        guard var account = accounts[key], account.balance >= amount else {
            throw refusal("\(key.short) has \(balance(key)) mT, cannot lock a bond of \(amount) mT")
        }
        let (sum, overflow) = bond(key).addingReportingOverflow(amount)
        guard !overflow else { throw refusal("a bond of \(amount) mT more would overflow \(key.short)'s bond") }
        account.balance -= amount
        accounts[key] = account
        bonds[key] = sum == 0 ? nil : sum
        record(.lockBond, key, amount)
    }

    /// Moves `amount` mT of `key`'s bond back to its balance.
    public mutating func unlockBond(_ key: PublicKey, _ amount: UInt64) throws {
        let held = bond(key)
        guard held >= amount else { throw refusal("\(key.short) has a bond of \(held) mT, cannot unlock \(amount) mT") }
        var account = accounts[key] ?? Account(balance: 0, member: false)
        let (sum, overflow) = account.balance.addingReportingOverflow(amount)
        guard !overflow else { throw refusal("unlocking \(amount) mT would overflow \(key.short)'s balance") }
        account.balance = sum
        accounts[key] = account
        bonds[key] = held == amount ? nil : held - amount
        record(.unlockBond, key, amount)
    }

    /// Takes up to `amount` mT from `key`'s bond: `reward` of it goes to `reporter`, the rest is
    /// destroyed. Returns what was taken (never more than the bond).
    @discardableResult
    public mutating func slash(_ key: PublicKey, _ amount: UInt64, reward: UInt64 = 0, to reporter: PublicKey? = nil) throws -> UInt64 {
        let held = bond(key)
        let taken = min(held, amount)
        let paid = reporter == nil ? 0 : min(reward, taken)
        if let reporter, paid > 0, (accounts[reporter]?.balance ?? 0).addingReportingOverflow(paid).overflow {
            throw refusal("a slashing reward of \(paid) mT would overflow \(reporter.short)'s balance")
        }
        bonds[key] = held == taken ? nil : held - taken
        record(.slash, key, taken)
        if let reporter, paid > 0 { try credit(reporter, paid) }
        return taken
    }

    /// Makes `key` a member with `grant` mT more on its balance. A key that is already a member
    /// is refused.
    public mutating func admitMember(_ key: PublicKey, grant: UInt64 = 0) throws {
        var account = accounts[key] ?? Account(balance: 0, member: false)
        guard !account.member else { throw refusal("\(key.short) is already a member") }
        guard !account.balance.addingReportingOverflow(grant).overflow else {
            throw refusal("a grant of \(grant) mT would overflow \(key.short)'s balance")
        }
        account.member = true
        accounts[key] = account
        record(.admit, key, 0)
        if grant > 0 { try credit(key, grant) }
    }

    /// Scores forecasts of one realized outcome against their trust-weighted market with the
    /// chain's alpha and scoring rule, and pays each Δ: t := max(0, t + Δ). The rule the kernel
    /// uses when a height becomes final.
    public mutating func settle(_ forecasts: [LogScoreSettlement.Forecast]) -> (totalTrust: UInt128, weight: UInt128, scores: [VoterScore]) {
        var before: [PublicKey: UInt64] = [:]
        for forecast in forecasts { before[forecast.key] = balance(forecast.key) }
        let result = LogScoreSettlement.settle(forecasts, alpha: params.alpha, rule: params.scoring, accounts: &accounts)
        for score in result.scores {
            let was = before[score.voter] ?? 0
            if score.balanceAfter > was { record(.credit, score.voter, score.balanceAfter - was) }
            if score.balanceAfter < was { record(.debit, score.voter, was - score.balanceAfter) }
        }
        return result
    }

    private mutating func record(_ operation: LedgerEntry.Operation, _ key: PublicKey, _ amount: UInt64) {
        journal.append(LedgerEntry(module: M.name, operation: operation, key: key, amount: amount))
    }

    private func refusal(_ detail: String) -> BlockRejection { BlockRejection(.ledger, detail) }
}
