import PoTCore
import PoTMembership
import PoTStore
import Synchronization

/// What a running `pot-bootstrap` does for its players: once a game's reveals are due, it
/// reveals every move this repository keeps a secret and a key for, so that a member who
/// forgets is not counted as a defector.
public enum SponsorAutoReveal {
    /// The duty `pot-bootstrap` runs unless given `--no-auto-reveal`. A reveal the chain refuses
    /// is reported once, not at every run.
    public static var duty: StoreDuty {
        let reported = Mutex<Set<String>>([])
        return StoreDuty(name: "membership: reveal due moves") { store in
            try store.revealDueMoves().filter { line in reported.withLock { $0.insert(line).inserted } }
        }
    }
}

extension ChainStore {
    /// Reveals each move whose secret and key are here, in a game whose reveals a block at the
    /// next height may carry, that the chain has not seen revealed and no stored reveal carries
    /// yet. Returns one line per reveal.
    /// Runs every two seconds in a node, so it reads no secret and no key unless a move is due.
    public func revealDueMoves() throws -> [String] {
        let kept = SponsorSecrets(store: self).kept()
        guard !kept.isEmpty else { return [] }
        let state = try currentState()
        let next = state.height + 1
        let due = kept.filter { secret in
            guard let game = state.membership.games[secret.game], game.phase == .revealing, let joinedAt = game.joinedAt else { return false }
            return joinedAt < next && game.reveals[secret.member] == nil
        }
        guard !due.isEmpty else { return [] }
        let keys = Dictionary(KeyRing(store: self).all().map { ($0.key.publicKey, $0) }, uniquingKeysWith: { first, _ in first })
        var done: [String] = []
        for secret in due {
            guard let (label, key) = keys[secret.member] else { continue }
            let path = "\(secret.game.hex)/\(secret.member.hex)"
            if try git.reference("refs/pot/\(MembershipModule.revealKind.refRoot)/\(path)") != nil { continue }
            do {
                let signed = try revealMove(as: key, game: secret.game.hex)
                done.append("revealed \(signed.reveal.move) in game \(secret.game.short) as \(label)")
            } catch let refusal as SigningRefusal {
                done.append("could not reveal \(label)'s move in game \(secret.game.short): \(refusal)")
            }
        }
        return done
    }
}
