import PoTCore
import PoTMembership
import PoTModules

/// The chain and the players of one simulation run.
struct SimulationWorld {
    typealias Player = SponsorSimulation.Player
    let configuration: SponsorSimulation.Configuration
    private(set) var state: ChainState
    /// Every key made so far, member or not, with the side that holds it.
    private(set) var side: [PublicKey: Player] = [:]
    private var keys: [PublicKey: SigningKey] = [:]
    /// Moves and salts the players keep until they reveal, by game and player.
    private var secrets: [Hash256: [PublicKey: (move: SponsorMove, salt: [UInt8])]] = [:]
    /// Games each side means to play as partner, waiting for the join.
    private var promised: [Hash256: SponsorMove] = [:]
    private var rng: SimulationRandom
    private var nextKey: UInt64 = 1
    private let proposer: SigningKey

    init(_ configuration: SponsorSimulation.Configuration, parameters: [String: UInt64]) throws {
        self.configuration = configuration
        rng = SimulationRandom(seed: configuration.seed)
        var genesis: [(SigningKey, Player)] = []
        var index: UInt64 = 1
        for (player, count) in [(Player.honest, configuration.honest), (.opportunist, configuration.opportunists), (.ring, configuration.ring)] {
            for _ in 0..<count {
                genesis.append((Self.key(index), player))
                index += 1
            }
        }
        nextKey = index
        proposer = genesis[0].0
        let params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: genesis.map { .init(key: $0.0.publicKey, balance: 1_000) },
                                     createdAt: 1_700_000_000, moduleParameters: parameters)
        try ChainModules.standard.checkParameters(params)
        state = ChainState(genesis: params)
        for (key, player) in genesis {
            side[key.publicKey] = player
            keys[key.publicKey] = key
        }
    }

    static func key(_ index: UInt64) -> SigningKey {
        var seed = [UInt8](repeating: 0, count: 32)
        for i in 0..<8 { seed[i] = UInt8(truncatingIfNeeded: index >> (8 * UInt64(i))) }
        seed[31] = 0x5a
        return try! SigningKey(seed: seed)
    }

    var members: [PublicKey] { state.accounts.filter(\.value.member).keys.sorted() }
    func count(_ player: Player) -> Int { members.filter { side[$0] == player }.count }

    func suspendedCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for key in members where state.membership.privilege(key).suspendedUntil > state.height + 1 {
            counts[side[key]!.rawValue, default: 0] += 1
        }
        return counts
    }

    /// A fresh key held by `player`.
    mutating func newKey(for player: Player) -> SigningKey {
        let key = Self.key(nextKey)
        nextKey += 1
        side[key.publicKey] = player
        keys[key.publicKey] = key
        return key
    }

    /// The keys honest members do not play with: those that revealed a defection, those
    /// admitted as a defector's reward, and those a distrusted member sponsored (in admission
    /// order, so a taint flows down the sponsorship graph). All of it is on chain.
    func distrusted() -> Set<PublicKey> {
        var keys: Set<PublicKey> = []
        for game in state.membership.games.values {
            for (player, reveal) in game.reveals where reveal.move == .defect { keys.insert(player) }
        }
        for admission in state.membership.admissions.values.sorted(by: { ($0.height, $0.key) < ($1.height, $1.key) })
        where admission.byDefection || admission.sponsors.contains(where: keys.contains) {
            keys.insert(admission.key)
        }
        return keys
    }

    /// Members that may stake their privilege in a block at the next height.
    func able() -> [PublicKey] {
        let next = state.height + 1
        return members.filter { key in
            let p = state.membership.privilege(key)
            let admitted = state.membership.admissions[key].map { $0.height + MembershipModule.sponsorAge(of: $0, params: state.params) } ?? 0
            return p.stakedIn == nil && p.suspendedUntil <= next && p.coolingUntil <= next && admitted <= next
        }
    }

    /// One block: the players act on the state, `PayloadSelection` picks what applies, the
    /// state transition applies it. Returns the members admitted, by side.
    mutating func step() throws -> [Player: Int] {
        let chain = state.chainId
        var section = MembershipSection()
        // Reveals of every move whose reveals are due.
        for game in state.membership.games.values where game.phase == .revealing && game.joinedAt! < state.height + 1 {
            for player in [game.opener, game.partner] where game.reveals[player] == nil {
                guard let secret = secrets[game.id]?[player] else { continue }
                let rewards = secret.move == .defect ? [newKey(for: side[player]!), newKey(for: side[player]!)].map(\.publicKey) : []
                let reveal = try GameReveal(game: game.id, player: player, move: secret.move, salt: secret.salt, rewardKeys: rewards)
                section.reveals.append(SignedGameReveal.sign(reveal, with: keys[player]!, chain: chain))
            }
        }
        // Joins of the games opened for a partner that means to play.
        for game in state.membership.games.values where game.phase == .awaitingJoin {
            guard let move = promised.removeValue(forKey: game.id) else { continue }
            let salt = rng.salt()
            secrets[game.id, default: [:]][game.partner] = (move, salt)
            let join = GameJoin(game: game.id, joiner: game.partner,
                                commitment: SponsorCommitment.make(game: game.id, member: game.partner, move: move, salt: salt, chain: chain))
            section.joins.append(SignedGameJoin.sign(join, with: keys[game.partner]!, chain: chain))
        }
        // Openings: the able members of each side pair up.
        let distrusted = distrusted()
        var free = rng.shuffled(able())
        let promisedPartners = Set(state.membership.games.values.filter { $0.phase == .awaitingJoin }.map(\.partner))
        free.removeAll { promisedPartners.contains($0) }
        var taken: Set<PublicKey> = []
        for opener in free where !taken.contains(opener) {
            guard let (partner, openerMove, partnerMove) = choosePartner(for: opener, among: free.filter { !taken.contains($0) && $0 != opener },
                                                                         trusted: { !distrusted.contains($0) })
            else { continue }
            taken.formUnion([opener, partner])
            let newcomer = newKey(for: side[opener]!)
            let nonce = rng.next()
            let game = GameOpen.gameId(opener: opener, partner: partner, newcomer: newcomer.publicKey, nonce: nonce, chain: chain)
            let salt = rng.salt()
            secrets[game, default: [:]][opener] = (openerMove, salt)
            promised[game] = partnerMove
            let open = GameOpen(opener: opener, partner: partner, newcomer: newcomer.publicKey, nonce: nonce,
                                commitment: SponsorCommitment.make(game: game, member: opener, move: openerMove, salt: salt, chain: chain))
            section.opens.append(SignedGameOpen.sign(open, with: keys[opener]!, chain: chain))
        }
        var pending = ModuleSections()
        pending[MembershipModule.self] = section
        let payload = PayloadSelection.select(forBlockAt: state.height + 1, on: state, transfers: [], votes: [], pending: pending)
        let header = try BlockHeader(height: state.height + 1, parent: state.tip, proposer: proposer.publicKey,
                                     timestamp: state.tipTimestamp + 1, tree: [UInt8](repeating: 0, count: 20), codeCommits: [],
                                     payloadRoot: payload.root(chain: chain))
        let (next, effects) = try StateTransition.apply(SignedHeader.sign(header, with: proposer, chain: chain), payload: payload, to: state)
        state = next
        // A player forgets the openings no block took (a partner that was not eligible after all).
        for game in promised.keys where state.membership.games[game] == nil { promised[game] = nil; secrets[game] = nil }
        var admitted: [Player: Int] = [:]
        for (_, outcome) in effects.membership.ended {
            for key in outcome.admitted { admitted[side[key]!, default: 0] += 1 }
        }
        return admitted
    }

    /// Whom `opener` asks to play, and the moves both mean to make; nil when nobody suits.
    private func choosePartner(for opener: PublicKey, among free: [PublicKey],
                               trusted: (PublicKey) -> Bool) -> (PublicKey, SponsorMove, SponsorMove)? {
        let mine = side[opener]!
        func first(_ player: Player, trustedOnly: Bool = false) -> PublicKey? {
            free.first { side[$0] == player && (!trustedOnly || trusted($0)) }
        }
        switch mine {
        case .honest:
            // Honest partners answer a trusted opener; an opener of another side is refused by them.
            guard trusted(opener), let partner = free.first(where: { side[$0] == .honest && trusted($0) }) else { return nil }
            return (partner, .cooperate, .cooperate)
        case .opportunist:
            if trusted(opener), let partner = first(.honest, trustedOnly: true) { return (partner, .defect, .cooperate) }
            return first(.opportunist).map { ($0, .cooperate, .cooperate) }
        case .ring:
            switch configuration.ringStrategy {
            case .cooperate: return first(.ring).map { ($0, .cooperate, .cooperate) }
            case .defectInside: return first(.ring).map { ($0, .defect, .cooperate) }
            case .exploit:
                if trusted(opener), let partner = first(.honest, trustedOnly: true) { return (partner, .defect, .cooperate) }
                return first(.ring).map { ($0, .cooperate, .cooperate) }
            }
        }
    }
}

/// SplitMix64: a seeded generator, so a run can be repeated.
struct SimulationRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func salt() -> [UInt8] { (0..<4).flatMap { _ in withUnsafeBytes(of: next()) { Array($0) } } }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        guard out.count > 1 else { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }
}
