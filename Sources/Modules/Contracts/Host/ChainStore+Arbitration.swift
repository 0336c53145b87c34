import Crypto
import PoTContracts
import PoTCore
import PoTStore

/// Signing a dispute's arbitration objects. The private halves (the X25519 key, each verdict and
/// its salt) stay in `.git/pot/secrets/`; only what the chain needs is stored for a block.
extension ChainStore {
    /// Announces `key`'s arbiter key, making one here first. Takes the write lock.
    public func announceArbiterKey(as key: SigningKey) throws -> SignedArbiterKey {
        try withWriteLock {
            let state = try currentState()
            let secrets = ArbiterSecrets(store: self)
            if state.contracts.arbiterKeys[key.publicKey] == nil, try secrets.encryptionKey(of: key.publicKey) == nil {
                try refuse(ArbitrationAdmission.announce(try ArbiterKey(member: key.publicKey, encryptionKey: [UInt8](repeating: 0, count: 32)),
                                                         in: context(state)))
            }
            let private_ = try secrets.encryptionKey(of: key.publicKey) ?? secrets.makeEncryptionKey(for: key.publicKey)
            let announcement = try ArbiterKey(member: key.publicKey, encryptionKey: Array(private_.publicKey.rawRepresentation))
            if let onChain = state.contracts.arbiterKeys[key.publicKey], onChain != announcement.encryptionKey {
                throw SigningRefusal("\(keyNamer()(key.publicKey)) announced another arbiter key from another repository; this one cannot open its shares")
            }
            try refuse(ArbitrationAdmission.announce(announcement, in: context(state)))
            let signed = SignedArbiterKey.sign(announcement, with: key, chain: chainId)
            try storeModuleObject(signed, kind: ContractsModule.arbiterKeyKind)
            return signed
        }
    }

    /// Seals `verdict` on the dispute `prefix` names, as committee member `key`: the verdict and
    /// salt are written here before the seal is stored.
    public func sealVerdict(as key: SigningKey, dispute prefix: String, verdict: Verdict) throws -> SignedVerdictSeal {
        try withWriteLock {
            let state = try currentState()
            let id = try findDispute(prefix, in: state)
            let dispute = state.contracts.disputes[id]!
            guard dispute.drawnAt != nil else {
                let settled = dispute.decision != nil
                throw SigningRefusal(settled ? "dispute \(id.short) was settled without a committee"
                                             : "the committee of dispute \(id.short) is drawn at height \(DisputeTimeline(dispute, params: state.params).drawAt)")
            }
            if dispute.position(of: key.publicKey) == nil {
                throw SigningRefusal("\(keyNamer()(key.publicKey)) is not on the committee of dispute \(id.short)")
            }
            let committee = try dispute.committee.map { member -> (key: PublicKey, encryptionKey: [UInt8]) in
                guard let announced = state.contracts.arbiterKeys[member] else {
                    throw SigningRefusal("committee member \(keyNamer()(member)) has no arbiter key on chain")
                }
                return (member, announced)
            }
            let made: (seal: VerdictSeal, salt: [UInt8])
            do {
                made = try SealedVerdict.seal(dispute: id, arbiter: key.publicKey, verdict: verdict, committee: committee,
                                              threshold: max(dispute.threshold, 1), chain: chainId)
            } catch let error as ObjectError { throw SigningRefusal(error.description) }
            try refuse(ArbitrationAdmission.seal(made.seal, in: context(state)))
            let signed = SignedVerdictSeal.sign(made.seal, with: key, chain: chainId)
            if try git.reference(ContractsModule.sealKind.ref(of: signed, chain: chainId)!) != nil {
                throw SigningRefusal("\(keyNamer()(key.publicKey)) already sealed a verdict on dispute \(id.short), waiting for a block", conflict: true)
            }
            try ArbiterSecrets(store: self).saveVerdict(verdict, salt: made.salt, dispute: id, arbiter: key.publicKey)
            try storeModuleObject(signed, kind: ContractsModule.sealKind)
            return signed
        }
    }

    /// Reveals the verdict `key` sealed on the dispute `prefix` names, from the secret kept here.
    public func revealVerdict(as key: SigningKey, dispute prefix: String) throws -> SignedVerdictReveal {
        try withWriteLock {
            let state = try currentState()
            let id = try findDispute(prefix, in: state)
            guard let kept = try ArbiterSecrets(store: self).verdict(dispute: id, arbiter: key.publicKey) else {
                throw SigningRefusal("this repository keeps no verdict of \(keyNamer()(key.publicKey)) on dispute \(id.short) (.git/pot/secrets/): it was sealed elsewhere, or not at all")
            }
            let reveal = try VerdictReveal(dispute: id, arbiter: key.publicKey, verdict: kept.verdict, salt: kept.salt)
            if let refusal = ArbitrationAdmission.reveal(reveal, in: context(state)), refusal.rule == .verdictUnsealed,
               try git.reference("refs/pot/\(ContractsModule.sealKind.refRoot)/\(id.hex)/\(key.publicKey.hex)") != nil {
                throw SigningRefusal("the seal of \(keyNamer()(key.publicKey)) on dispute \(id.short) waits for a block; reveal once a block carries it")
            }
            try refuse(ArbitrationAdmission.reveal(reveal, in: context(state)))
            let signed = SignedVerdictReveal.sign(reveal, with: key, chain: chainId)
            try storeModuleObject(signed, kind: ContractsModule.revealKind)
            return signed
        }
    }

    /// Releases, as `key`, every share sealed to it by an arbiter of the dispute `prefix` names
    /// whose verdict is still sealed, once the reveal window is over.
    public func releaseShares(as key: SigningKey, dispute prefix: String) throws -> [SignedShareRelease] {
        try withWriteLock {
            let state = try currentState()
            let id = try findDispute(prefix, in: state)
            let dispute = state.contracts.disputes[id]!
            guard let private_ = try ArbiterSecrets(store: self).encryptionKey(of: key.publicKey) else {
                throw SigningRefusal("this repository keeps no arbiter key of \(keyNamer()(key.publicKey)) (.git/pot/secrets/)")
            }
            var released: [SignedShareRelease] = []
            var refusals: [String] = []
            for sealer in dispute.committee where sealer != key.publicKey && dispute.seals[sealer] != nil && dispute.verdicts[sealer] == nil {
                let shareKey = try SealedVerdict.shareKey(for: dispute.seals[sealer]!, member: key.publicKey, privateKey: private_, chain: chainId)
                let release = try ShareRelease(dispute: id, sealer: sealer, member: key.publicKey, shareKey: shareKey)
                if let refusal = ArbitrationAdmission.release(release, in: context(state)) {
                    refusals.append(refusal.detail)
                    continue
                }
                let signed = SignedShareRelease.sign(release, with: key, chain: chainId)
                if try storeModuleObject(signed, kind: ContractsModule.releaseKind) { released.append(signed) }
            }
            if released.isEmpty, let first = refusals.first { throw SigningRefusal(first) }
            if released.isEmpty { throw SigningRefusal("no verdict on dispute \(id.short) waits for a share of \(keyNamer()(key.publicKey))") }
            return released
        }
    }

    /// Posts the decision of the dispute `prefix` names as its leader `key` for `term`, with the
    /// votes of `voters` (keys held here) as its certificate. The verdict is the chain's tally.
    public func decideDispute(as key: SigningKey, dispute prefix: String, term: UInt64, voters: [SigningKey]) throws -> SignedArbitrationDecision {
        try withWriteLock {
            let state = try currentState()
            let id = try findDispute(prefix, in: state)
            let votes = voters.map { SignedLeaderVote.sign(LeaderVote(dispute: id, term: term, candidate: key.publicKey, voter: $0.publicKey), with: $0, chain: chainId) }
            let verdict = VerdictTally.tally(of: state.contracts.disputes[id]!, params: state.params)
            let decision: ArbitrationDecision
            do { decision = try ArbitrationDecision(dispute: id, leader: key.publicKey, term: term, verdict: verdict, certificate: votes) } catch let error as ObjectError {
                throw SigningRefusal(error.description)
            }
            try refuse(ArbitrationAdmission.decide(decision, in: context(state)))
            let signed = SignedArbitrationDecision.sign(decision, with: key, chain: chainId)
            try storeModuleObject(signed, kind: ContractsModule.decisionKind)
            return signed
        }
    }

    /// The id of the dispute a unique prefix names (a dispute's id is its task's).
    public func findDispute(_ prefix: String, in state: ChainState) throws -> Hash256 {
        try IdPrefix.unique(prefix, kind: "dispute", among: state.contracts.disputes.keys.sorted(), id: { $0 })
    }
}
