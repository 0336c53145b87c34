import PoTCore
import PoTModules
import PoTNet
import PoTTestSupport

/// A peer that keeps attacking: wrong chain ids, invalid signatures, oversized frames, garbage,
/// floods of duplicates, and blocks and votes for blocks nobody has.
final class HostilePeer: SimEndpoint {
    enum Attack: CaseIterable {
        case wrongChain, badSignatures, oversizedFrame, garbage, duplicateFlood, unknownParents, farFutureVotes
    }

    let address: String
    let chainId: Hash256
    let targets: [String]
    private var random: SplitMix64
    private var sessions: [PeerID: PeerSession] = [:]
    private var attackOf: [PeerID: Attack] = [:]
    private var nextAttack = 0
    private var nextDial: UInt64 = 0
    private(set) var attacksLaunched = 0
    private(set) var disconnections = 0

    init(address: String, chainId: Hash256, targets: [String], seed: UInt64) {
        self.address = address
        self.chainId = chainId
        self.targets = targets
        random = SplitMix64(seed: seed)
    }

    private func freshSession(chain: Hash256) -> PeerSession {
        // A new key per connection: a ban on one key does not stop the next attack.
        let key = SigningKey.generate()
        let nonce = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }
        return PeerSession(identity: key, chainId: chain, modules: .standard, nonce: nonce, listenAddress: nil, tipHeight: 0)
    }

    func connected(_ end: PeerID, remote: String?, outbound: Bool, now: UInt64) -> [SimAction] {
        let attack = Attack.allCases[nextAttack % Attack.allCases.count]
        nextAttack += 1
        attacksLaunched += 1
        attackOf[end] = attack
        switch attack {
        case .wrongChain:
            let session = freshSession(chain: DomainHash.sha256(Array("another chain".utf8)))
            sessions[end] = session
            return [.send(end, session.start())]
        case .garbage:
            // A well-framed body that is not CBOR of any message.
            return [.send(end, Frame.encode([0xff] + (0..<63).map { _ in UInt8.random(in: 0...255, using: &random) }))]
        case .oversizedFrame:
            return [.send(end, [0x7f, 0xff, 0xff, 0xff, 1, 2, 3])]
        default:
            let session = freshSession(chain: chainId)
            sessions[end] = session
            return [.send(end, session.start())]
        }
    }

    func dialFailed(_ address: String) {}

    func received(_ bytes: [UInt8], on end: PeerID, now: UInt64) -> [SimAction] {
        guard var session = sessions[end], let attack = attackOf[end] else { return [] }
        var actions: [SimAction] = []
        for event in session.receive(bytes) {
            switch event {
            case .send(let frame): actions.append(.send(end, frame))
            case .established: actions += launch(attack, on: end)
            case .message(let message): actions += react(to: message, attack: attack, on: end)
            case .close: actions.append(.close(end))
            }
        }
        sessions[end] = session
        return actions
    }

    private func frame(_ message: Message) -> [UInt8] { PeerSession.frame(message) }

    private func launch(_ attack: Attack, on end: PeerID) -> [SimAction] {
        let stranger = SigningKey.generate()
        switch attack {
        case .badSignatures:
            return (0..<8).map { i in
                let vote = try! Vote(voter: stranger.publicKey, height: 1, candidates: [DomainHash.sha256([UInt8(i)])], probsPpm: [600_000, 400_000])
                var signed = SignedVote.sign(vote, with: stranger, chain: chainId)
                signed.signature[0] ^= 0xff
                return .send(end, frame(.object(.vote(signed))))
            }
        case .unknownParents:
            return (0..<8).map { i in
                let header = try! BlockHeader(height: 5, parent: DomainHash.sha256([0xEE, UInt8(i)]), proposer: stranger.publicKey,
                                              timestamp: 1_800_000_000, tree: [UInt8](repeating: 0, count: 20), codeCommits: [],
                                              payloadRoot: Payload().root(chain: chainId))
                let bundle = BlockBundle(header: SignedHeader.sign(header, with: stranger, chain: chainId), payload: Payload())
                return .send(end, frame(.object(.block(bundle))))
            }
        case .farFutureVotes:
            return (0..<8).map { i in
                let vote = try! Vote(voter: stranger.publicKey, height: 1_000_000 + UInt64(i), candidates: [DomainHash.sha256([UInt8(i)])], probsPpm: [1_000_000, 0])
                return .send(end, frame(.object(.vote(SignedVote.sign(vote, with: stranger, chain: chainId)))))
            }
        default:
            return []
        }
    }

    private func react(to message: Message, attack: Attack, on end: PeerID) -> [SimAction] {
        switch message {
        case .inventory(let items) where attack == .duplicateFlood:
            return [.send(end, frame(.getData(items)))]
        case .syncPage(let items, _) where attack == .duplicateFlood:
            return [.send(end, frame(.getData(Array(items.prefix(16)))))]
        case .object(let object) where attack == .duplicateFlood:
            return (0..<30).map { _ in .send(end, frame(.object(object))) }
        case .getData(let items):
            return [.send(end, frame(.notFound(items)))]
        case .ping(let n):
            return [.send(end, frame(.pong(n)))]
        default:
            return []
        }
    }

    func disconnected(_ end: PeerID, now: UInt64) {
        sessions[end] = nil
        attackOf[end] = nil
        disconnections += 1
    }

    func tick(now: UInt64) -> [SimAction] {
        guard now >= nextDial else { return [] }
        nextDial = now + 3_000
        let target = targets[Int.random(in: 0..<targets.count, using: &random)]
        return [.connect(target)]
    }
}
