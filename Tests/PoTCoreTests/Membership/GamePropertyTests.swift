import PropertyBased
import Testing
@testable import PoTCore
import PoTMembership
import PoTModules

@Suite("Admission game: properties")
struct GamePropertyTests {
    /// Genesis members alice, bob, carol and ten keys that may be admitted.
    static let pool = (1...13).map { Fx.key(UInt8($0)) }

    /// What one block of a random run tries: each step picks keys and games by index.
    enum Step {
        case open(Int, Int, Int, SponsorMove)
        case join(Int, SponsorMove)
        case reveal(Int, Bool, [Int])
        case idle
    }

    static let runs = Generator<[Step], Shrink.None<[Step]>> { rng in
        (0..<Int.random(in: 5...60, using: &rng)).map { _ in
            let move: SponsorMove = Bool.random(using: &rng) ? .cooperate : .defect
            switch Int.random(in: 0..<7, using: &rng) {
            case 0, 1: return .open(Int.random(in: 0..<13, using: &rng), Int.random(in: 0..<13, using: &rng), Int.random(in: 0..<13, using: &rng), move)
            case 2, 3: return .join(Int.random(in: 0..<8, using: &rng), move)
            case 4, 5:
                let rewards = (0..<Int.random(in: 0...2, using: &rng)).map { _ in Int.random(in: 0..<13, using: &rng) }
                return .reveal(Int.random(in: 0..<8, using: &rng), Bool.random(using: &rng), rewards)
            default: return .idle
            }
        }
    }

    @Test("SPONSOR-BOUND: no sequence of valid games admits more than two members per game (one for C/C), every admission is recorded, and the state cache round-trips")
    func admissionBound() async {
        await propertyCheck(count: 150, input: Self.runs) { (steps: [Step]) throws in
            var state = Gx.genesis(["membership.min_sponsor_age": 0, "membership.sponsor_cooldown": 1])
            let chain = state.chainId
            var moves: [Hash256: [PublicKey: SponsorMove]] = [:]
            var games: [Hash256] = []
            var nonce: UInt64 = 0
            for step in steps {
                var payload = Payload()
                switch step {
                case let .open(a, b, n, move):
                    nonce += 1
                    let open = Gx.open(Self.pool[a], with: Self.pool[b], newcomer: Self.pool[n], move, nonce: nonce, chain: chain)
                    payload = Gx.payload(opens: [open])
                    let id = open.open.gameId(chain: chain)
                    if Gx.refusal(payload, on: state) == nil { moves[id, default: [:]][open.open.opener] = move; games.append(id) }
                case let .join(g, move):
                    guard !games.isEmpty, let game = state.membership.games[games[g % games.count]] else { continue }
                    let partner = Self.pool.first { $0.publicKey == game.partner }!
                    payload = Gx.payload(joins: [Gx.join(partner, game.id, move, chain: chain)])
                    if Gx.refusal(payload, on: state) == nil { moves[game.id, default: [:]][game.partner] = move }
                case let .reveal(g, byOpener, rewards):
                    guard !games.isEmpty, let game = state.membership.games[games[g % games.count]] else { continue }
                    let player = byOpener ? game.opener : game.partner
                    guard let move = moves[game.id]?[player] else { continue }
                    let key = Self.pool.first { $0.publicKey == player }!
                    let salt: UInt8 = byOpener ? 1 : 2
                    let keys = move == .defect ? Array(Set(rewards)).map { Self.pool[$0] }.filter { $0.publicKey != player } : []
                    payload = Gx.payload(reveals: [Gx.reveal(key, game.id, move, salt: salt, rewards: keys, chain: chain)])
                case .idle:
                    break
                }
                let membersBefore = Set(state.accounts.filter { $0.value.member }.keys)
                guard Gx.refusal(payload, on: state) == nil else { payload = Payload(); continue }
                let effects = try Fx.apply(&state, payload: payload)
                let newMembers = Set(state.accounts.filter { $0.value.member }.keys).subtracting(membersBefore)
                let admitted = effects.membership.ended.flatMap(\.outcome.admitted)
                #expect(Set(admitted) == newMembers && admitted.count == newMembers.count)
                for (_, outcome) in effects.membership.ended {
                    #expect(outcome.admitted.count <= (outcome.label == "C/C" ? 1 : 2))
                    if outcome.label == "D/D" || outcome.label == "lapsed" { #expect(outcome.admitted.isEmpty) }
                }
                for key in newMembers { #expect(state.membership.admissions[key] != nil) }
            }
            #expect(try MembershipState(cacheEncoding: state.membership.cacheEncoding()) == state.membership)
        }
    }

    @Test("SPONSOR-HIDDEN: commitments to cooperate and to defect look alike without the salt: same size, and each bit set about half the time for either move")
    func hidden() {
        let chain = Fx.genesis().chainId
        var rng = SystemRandomNumberGenerator()
        var ones: [SponsorMove: Int] = [.cooperate: 0, .defect: 0]
        let samples = 2_000
        for _ in 0..<samples {
            let salt = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
            for move in SponsorMove.allCases {
                let commitment = SponsorCommitment.make(game: Fx.hash(7), member: Fx.alice.publicKey, move: move, salt: salt, chain: chain)
                ones[move]! += Int(commitment.bytes[0] >> 7)
            }
        }
        for move in SponsorMove.allCases {
            let share = Double(ones[move]!) / Double(samples)
            #expect(abs(share - 0.5) < 0.05, "the first bit of \(move) commitments is set \(share) of the time")
        }
        let c = Gx.open(Fx.alice, with: Fx.bob, newcomer: Fx.dave, .cooperate, chain: chain)
        let d = Gx.open(Fx.alice, with: Fx.bob, newcomer: Fx.dave, .defect, chain: chain)
        #expect(c.cbor().encoded().count == d.cbor().encoded().count)
        #expect(c.open.gameId(chain: chain) == d.open.gameId(chain: chain), "the game's id does not depend on the move")
    }

    @Test("SPONSOR-CODEC: the section and its objects decode only from their canonical encoding")
    func codec() throws {
        let chain = Fx.genesis().chainId
        let open = Gx.open(Fx.alice, with: Fx.bob, newcomer: Fx.dave, .cooperate, chain: chain)
        let game = open.open.gameId(chain: chain)
        let section = MembershipSection(opens: [open], joins: [Gx.join(Fx.bob, game, .defect, chain: chain)],
                                        reveals: [Gx.reveal(Fx.alice, game, .defect, salt: 1, rewards: [Fx.erin], chain: chain)])
        #expect(try MembershipSection(cbor: section.cbor()) == section)
        #expect(throws: (any Error).self) { try MembershipSection(cbor: .map([1: .array([])])) }
        #expect(throws: (any Error).self) { try MembershipSection(cbor: .map([:])) }
        #expect(throws: (any Error).self) { try MembershipSection(cbor: .map([4: .array([open.cbor()])])) }
        let payload = Gx.payload(opens: [open])
        #expect(try Payload(bytes: payload.cbor().encoded()) == payload)
    }
}
