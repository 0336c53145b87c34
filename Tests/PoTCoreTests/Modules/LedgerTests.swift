import PropertyBased
import Testing
@testable import PoTCore
import PoTModules

@Suite("Module ledger")
struct LedgerTests {
    enum Op: Sendable, CustomStringConvertible {
        case credit(Int, UInt64), debit(Int, UInt64), lock(Int, UInt64), unlock(Int, UInt64), slash(Int, UInt64, reward: UInt64, to: Int)
        case admit(Int, UInt64)
        var description: String {
            switch self {
            case let .credit(k, a): "credit(\(k), \(a))"
            case let .debit(k, a): "debit(\(k), \(a))"
            case let .lock(k, a): "lock(\(k), \(a))"
            case let .unlock(k, a): "unlock(\(k), \(a))"
            case let .slash(k, a, r, t): "slash(\(k), \(a), reward \(r) to \(t))"
            case let .admit(k, a): "admit(\(k), \(a))"
            }
        }
    }

    static let keys = (1...4).map { Fx.key(UInt8($0)).publicKey }

    static let ops = Generator<[Op], Shrink.None<[Op]>> { rng in
        func amount() -> UInt64 {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: UInt64.random(in: 0...20, using: &rng)
            case 1: UInt64.random(in: 0...20_000, using: &rng)
            case 2: UInt64.max - UInt64.random(in: 0...10, using: &rng)
            default: UInt64.random(in: 0...UInt64.max, using: &rng)
            }
        }
        return (0..<Int.random(in: 1...40, using: &rng)).map { _ in
            let k = Int.random(in: 0..<4, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: return .credit(k, amount())
            case 1: return .debit(k, amount())
            case 2: return .lock(k, amount())
            case 3: return .unlock(k, amount())
            case 4: return .slash(k, amount(), reward: amount(), to: Int.random(in: 0..<4, using: &rng))
            default: return .admit(k, amount())
            }
        }
    }

    static func total(_ state: ChainState) -> Int128 {
        state.accounts.values.reduce(Int128(0)) { $0 + Int128($1.balance) } + state.bonds.values.reduce(Int128(0)) { $0 + Int128($1) }
    }

    @Test("MOD-LEDGER: every operation keeps balances and bonds in range, and the total moves exactly by the journal")
    func invariants() async {
        await propertyCheck(count: 400, input: Self.ops) { (ops: [Op]) in
            var state = ChainState(genesis: Fx.params(), modules: ModuleSeamTests.modules)
            let context = BlockContext(height: 1, chain: state.chainId, parent: state.tip, preBlockTrust: state.memberTrust, signatures: DirectSignatures())
            for op in ops {
                let before = state
                var effects = BlockEffects()
                let refused = (try? state.withModule(NotaryModule.self, context, effects: &effects) { block in
                    switch op {
                    case let .credit(k, a): try block.credit(Self.keys[k], a)
                    case let .debit(k, a): try block.debit(Self.keys[k], a)
                    case let .lock(k, a): try block.lockBond(Self.keys[k], a)
                    case let .unlock(k, a): try block.unlockBond(Self.keys[k], a)
                    case let .slash(k, a, r, t): try block.slash(Self.keys[k], a, reward: r, to: Self.keys[t])
                    case let .admit(k, a): try block.admitMember(Self.keys[k], grant: a)
                    }
                }) == nil
                if refused {
                    // What a refused operation leaves is discarded with its block; the test goes on from before it.
                    state = before
                    continue
                }
                #expect(Self.total(state) == Self.total(before) + effects.ledger.reduce(Int128(0)) { $0 + $1.supplyChange }, "\(op)")
                #expect(state.bonds.values.allSatisfy { $0 > 0 }, "a bond of 0 is not kept")
                if case let .admit(k, _) = op { #expect(state.isMember(Self.keys[k]) && !before.isMember(Self.keys[k])) }
            }
        }
    }

    @Test("MOD-LEDGER: a debit, a lock or an unlock beyond what the account holds, and an overflowing credit, are refused under the rule ledger")
    func refusals() throws {
        var state = ChainState(genesis: Fx.params(), modules: ModuleSeamTests.modules)
        let context = BlockContext(height: 1, chain: state.chainId, parent: state.tip, preBlockTrust: state.memberTrust, signatures: DirectSignatures())
        var effects = BlockEffects()
        let bob = Fx.bob.publicKey
        func rule(_ change: (inout ModuleBlock<NotaryModule>) throws -> Void) -> BlockRejection.Rule? {
            do { try state.withModule(NotaryModule.self, context, effects: &effects, change) } catch let r as BlockRejection { return r.rule } catch { return nil }
            return nil
        }
        #expect(rule { try $0.debit(bob, 5_001) } == .ledger)
        #expect(rule { try $0.lockBond(bob, 5_001) } == .ledger)
        #expect(rule { try $0.unlockBond(bob, 1) } == .ledger)
        #expect(rule { try $0.credit(bob, .max) } == .ledger)
        #expect(rule { try $0.admitMember(bob) } == .ledger, "bob is a member already")
        #expect(rule { try $0.lockBond(bob, 1_000) } == nil)
        var taken: UInt64 = 0
        #expect(rule { taken = try $0.slash(bob, 5_000, reward: 300, to: Fx.carol.publicKey) } == nil)
        #expect(taken == 1_000, "a slash takes no more than the bond")
        #expect(state.bonds[bob] == nil && state.accounts[Fx.carol.publicKey]?.balance == 5_300 && state.accounts[bob]?.balance == 4_000)
    }
}
