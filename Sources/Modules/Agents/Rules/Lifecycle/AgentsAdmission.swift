import PoTCore

/// The rules an agents object must meet to enter a block, written once: the state transition
/// applies them, and `pot agent`, the gossip node and pot-web call the same functions.
/// Signatures are checked by each caller.
public enum AgentsAdmission {
    /// What the rules read: the module's state, the accounts, the height of the block.
    public typealias Context = ModuleContext<AgentsModule>

    /// AGENT-REGISTER: a member registers an agent under a free name, with a claim this chain can
    /// re-execute within its bounds and a bond between the minimum and its balance.
    public static func register(_ r: AgentRegistration, id: Hash256, in c: Context) -> BlockRejection? {
        guard c.state.agents[id] == nil else { return BlockRejection(.agentDuplicate, "agent \(r.name) is already registered", standing: .stale) }
        guard c.isMember(r.provider) else {
            return BlockRejection(.agentNotMember, "\(c.named(r.provider)) is not a member and cannot register an agent")
        }
        if let other = c.state.names[r.name] {
            return BlockRejection(.agentName, "the name \(r.name) belongs to agent \(other.short)", standing: .stale)
        }
        let claim = r.claim
        if let problem = claim.problem { return BlockRejection(.agentClaim, problem) }
        let maxSegments = c.parameter(AgentsModule.maxSegments)
        guard claim.segments <= maxSegments else {
            return BlockRejection(.agentClaim, "\(claim.segments) segments: this chain allows at most \(maxSegments) (agents.max_segments)")
        }
        let work = claim.interval.multipliedFullWidth(by: claim.batchSize)
        let (segmentWork, overflow) = work.low.multipliedReportingOverflow(by: UInt64(claim.model.parameterCount))
        let maxWork = c.parameter(AgentsModule.maxSegmentWork)
        guard work.high == 0, !overflow, segmentWork <= maxWork else {
            return BlockRejection(.agentClaim, "a segment of \(claim.interval) steps of \(claim.batchSize) rows on \(claim.model.parameterCount) weights is more work than the chain re-executes (agents.max_segment_work = \(maxWork))")
        }
        guard FraudProofSize.largest(claim) <= UInt64(AgentLimits.maxFraudProofBytes) else {
            return BlockRejection(.agentClaim, "a fraud proof against one segment of this claim could exceed \(AgentLimits.maxFraudProofBytes) bytes: fewer steps per checkpoint or smaller batches")
        }
        let minimum = c.parameter(AgentsModule.minBond)
        guard r.bond >= minimum else { return BlockRejection(.agentBond, "a bond of \(r.bond) mT is below the minimum of \(minimum) mT") }
        let balance = c.balance(r.provider)
        guard r.bond <= balance else {
            return BlockRejection(.agentBond, "a bond of \(r.bond) mT is more than \(c.named(r.provider))'s balance of \(balance) mT")
        }
        return nil
    }

    /// AGENT-PROOF: the provider proves the training of a seeded agent once; the proof covers
    /// exactly m + 1 checkpoints, checkpoint 0 is the seed's initialisation and the last one
    /// holds the final model.
    public static func prove(_ p: TrainingProof, in c: Context) -> BlockRejection? {
        guard let agent = c.state.agents[p.agent] else { return BlockRejection(.proofUnknown, "no agent \(p.agent.short) is registered", standing: .notYet) }
        guard p.provider == agent.provider else {
            return BlockRejection(.proofNotProvider, "\(c.named(p.provider)) did not register agent \(agent.name) and cannot prove its training")
        }
        guard agent.proof == nil, agent.fraud == nil else { return BlockRejection(.proofDuplicate, "agent \(agent.name) already has a proof", standing: .stale) }
        guard let seed = agent.seed else {
            let height = agent.registeredAt + c.parameter(AgentsModule.seedDelay) + 1
            return BlockRejection(.proofEarly, "agent \(agent.name) has no seed yet: the block at height \(height) fixes it", standing: .early)
        }
        let m = agent.claim.segments
        guard UInt64(p.losses.count) == m, UInt64(p.distances.count) == m else {
            return BlockRejection(.proofShape, "agent \(agent.name) trains \(m) segments, but the proof has \(p.losses.count) losses and \(p.distances.count) distances")
        }
        let size = Int(m) + 1
        let initial = TrainingRun.initialCheckpoint(claim: agent.claim, seed: seed)
        guard MerkleTree.verify(leaf: initial.hash, index: 0, size: size, path: p.initialPath, root: p.root) else {
            return BlockRejection(.proofInitial, "the proof's root does not hold the seed's initialisation as checkpoint 0 of \(size)")
        }
        let last = Checkpoint.leaf(step: agent.claim.steps, modelHash: p.finalModel, velocityHash: p.finalVelocity)
        guard MerkleTree.verify(leaf: last, index: Int(m), size: size, path: p.finalPath, root: p.root) else {
            return BlockRejection(.proofFinal, "the proof's root does not hold the final model as checkpoint \(m) of \(size)")
        }
        return nil
    }

    /// AGENT-ATTEST: a member other than the provider attests a proof's selected segments once.
    public static func attest(_ a: SegmentAttestation, in c: Context) -> BlockRejection? {
        guard c.isMember(a.validator) else {
            return BlockRejection(.attestNotMember, "\(c.named(a.validator)) is not a member and cannot attest")
        }
        guard let agent = c.state.agents[a.agent], let proof = agent.proof else {
            return BlockRejection(.attestUnknown, "agent \(a.agent.short) has no proof on the chain", standing: .notYet)
        }
        guard agent.fraud == nil else { return BlockRejection(.attestClosed, "agent \(agent.name) was proven fraudulent", standing: .stale) }
        guard a.validator != agent.provider else {
            return BlockRejection(.attestProvider, "\(c.named(a.validator)) provides agent \(agent.name) and cannot attest its own proof")
        }
        guard a.root == proof.root else { return BlockRejection(.attestRoot, "the attestation names another proof than agent \(agent.name)'s") }
        guard proof.selected != nil else {
            let height = proof.includedAt + c.parameter(AgentsModule.selectionDelay) + 1
            return BlockRejection(.attestEarly, "agent \(agent.name)'s segments are selected by the block at height \(height)", standing: .early)
        }
        guard !proof.attesters.contains(a.validator) else {
            return BlockRejection(.attestDuplicate, "\(c.named(a.validator)) already attested agent \(agent.name)", standing: .stale)
        }
        return nil
    }

    /// What the chain found by re-executing a claimed fraud.
    public enum FraudVerdict: Equatable, Sendable {
        /// The segment does not give the committed checkpoint, loss or distance.
        case proven
        /// It does: the claim was false.
        case refuted
    }

    /// AGENT-FRAUD: a member names a segment of a proven agent and carries its first checkpoint,
    /// the committed next leaf and the rows it reads, each under its root; the chain re-executes
    /// it. Anything malformed is refused; a well-formed claim is either proven or refuted.
    public static func fraud(_ f: FraudProof, in c: Context) -> Result<FraudVerdict, BlockRejection> {
        guard c.isMember(f.reporter) else {
            return .failure(BlockRejection(.fraudNotMember, "\(c.named(f.reporter)) is not a member and cannot claim fraud"))
        }
        guard let agent = c.state.agents[f.agent], let proof = agent.proof, let seed = agent.seed else {
            return .failure(BlockRejection(.fraudUnknown, "agent \(f.agent.short) has no proof on the chain", standing: .notYet))
        }
        guard agent.fraud == nil else { return .failure(BlockRejection(.fraudClosed, "agent \(agent.name) was already proven fraudulent", standing: .stale)) }
        let claim = agent.claim
        let m = claim.segments
        guard f.segment < m else { return .failure(BlockRejection(.fraudSegment, "agent \(agent.name) has segments 0 to \(m - 1), not \(f.segment)")) }
        let fee = c.parameter(AgentsModule.falseFraudFee)
        guard c.balance(f.reporter) >= fee else {
            return .failure(BlockRejection(.fraudFee, "\(c.named(f.reporter)) cannot pay the \(fee) mT a refuted claim costs"))
        }
        guard let start = try? Checkpoint(encoded: f.start, parameters: claim.model.parameterCount), start.step == f.segment * claim.interval else {
            return .failure(BlockRejection(.fraudPath, "the claim's first checkpoint is not checkpoint \(f.segment) of a \(claim.model.description) model"))
        }
        let size = Int(m) + 1
        guard MerkleTree.verify(leaf: start.hash, index: Int(f.segment), size: size, path: f.startPath, root: proof.root),
              MerkleTree.verify(leaf: f.endLeaf, index: Int(f.segment) + 1, size: size, path: f.endPath, root: proof.root) else {
            return .failure(BlockRejection(.fraudPath, "the claim's checkpoints are not checkpoints \(f.segment) and \(f.segment + 1) of agent \(agent.name)'s proof"))
        }
        let run = TrainingRun(claim: claim, seed: seed)
        let needed = run.rows(ofSegment: f.segment)
        guard f.rows.map({ Int($0.index) }) == needed else {
            return .failure(BlockRejection(.fraudRows, "segment \(f.segment) reads \(needed.count) rows; the claim carries \(f.rows.count) or others"))
        }
        var rows: [Int: DatasetRow] = [:]
        for proven in f.rows {
            guard proven.bytes.count == 4 * claim.model.features + 1 else {
                return .failure(BlockRejection(.fraudRows, "row \(proven.index) is not a row of \(claim.model.features) features"))
            }
            let row = DatasetRow(encoded: proven.bytes[...], features: claim.model.features)
            guard MerkleTree.verify(leaf: row.hash, index: Int(proven.index), size: Int(claim.rows), path: proven.path, root: claim.datasetRoot) else {
                return .failure(BlockRejection(.fraudRows, "row \(proven.index) is not in agent \(agent.name)'s dataset"))
            }
            rows[Int(proven.index)] = row
        }
        guard let outcome = run.replay(segment: f.segment, from: start, row: { rows[$0] }) else {
            return .failure(BlockRejection(.fraudRows, "segment \(f.segment) could not be re-executed from the claim's rows"))
        }
        let i = Int(f.segment)
        let honest = outcome.checkpoint.hash == f.endLeaf && outcome.loss == proof.losses[i] && outcome.distance == proof.distances[i]
        return .success(honest ? .refuted : .proven)
    }
}
