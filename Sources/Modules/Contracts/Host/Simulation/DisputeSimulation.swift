import PoTContracts
import PoTCore

/// Disputes played through the real state transition on in-memory chains (`SimulatedChain`):
/// what colluding arbiters, silent arbiters and missing shares do to a decision.
public enum DisputeSimulation {
    /// What the colluding arbiters do, beside sealing the verdict the honest ones do not.
    public enum Collusion: String, CaseIterable, Sendable {
        /// They reveal it.
        case oppose
        /// They never reveal it and release no share.
        case withhold
        /// They seal shares that combine to something else, and never reveal.
        case corrupt
    }

    /// One dispute's result.
    public struct Outcome: Sendable {
        /// What the honest arbiters found.
        public let truth: Verdict
        public let decision: Verdict
        /// Whether a leader posted it (else the chain settled at the deadline).
        public let byLeader: Bool
        /// Verdicts recovered from released shares.
        public let recovered: Int
    }

    /// A dispute where `colluders` of the five arbiters, drawn at random, seal the verdict the
    /// others do not and act as `collusion` says; the honest ones reveal, release their shares
    /// of every silent verdict, and elect a leader among themselves.
    public static func collusion(seed: UInt64, colluders: Int, _ collusion: Collusion) throws -> Outcome {
        var chain = try SimulatedChain(seed: seed)
        let task = try chain.dispute()
        let committee = chain.state.contracts.disputes[task]!.committee
        let truth: Verdict = chain.random.next() % 2 == 0 ? .payWorker : .refundRequester
        let against: Verdict = truth == .payWorker ? .refundRequester : .payWorker
        var order = committee
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(chain.random.next(below: UInt64(i + 1)))) }
        let bad = Set(order.prefix(colluders))
        let honest = committee.filter { !bad.contains($0) }
        var seals: [SignedVerdictSeal] = []
        var salts: [PublicKey: [UInt8]] = [:]
        for arbiter in committee {
            let lying = bad.contains(arbiter) && collusion == .corrupt
            let (seal, salt) = try chain.seal(arbiter, bad.contains(arbiter) ? against : truth, on: task, lie: lying ? truth : nil)
            seals.append(seal)
            salts[arbiter] = salt
        }
        try chain.block { $0.seals = seals }
        let revealing = collusion == .oppose ? committee : honest
        let reveals = try revealing.map { try chain.reveal($0, bad.contains($0) ? against : truth, salt: salts[$0]!, on: task) }
        try chain.block { $0.reveals = reveals }
        return try finish(&chain, task: task, truth: truth, releasing: honest, voters: honest)
    }

    /// A dispute where one honest arbiter keeps silent after sealing and `releasing` of the
    /// other four release their shares of its verdict. Returns whether it was recovered.
    public static func recovery(seed: UInt64, releasing: Int) throws -> Bool {
        var chain = try SimulatedChain(seed: seed)
        let task = try chain.dispute()
        let committee = chain.state.contracts.disputes[task]!.committee
        let silent = committee[Int(chain.random.next(below: UInt64(committee.count)))]
        var sealed: [(SignedVerdictSeal, [UInt8])] = []
        for arbiter in committee { sealed.append(try chain.seal(arbiter, .payWorker, on: task)) }
        try chain.block { $0.seals = sealed.map(\.0) }
        let reveals = try zip(committee, sealed).filter { $0.0 != silent }.map { try chain.reveal($0.0, .payWorker, salt: $0.1.1, on: task) }
        try chain.block { $0.reveals = reveals }
        let others = committee.filter { $0 != silent }
        _ = try finish(&chain, task: task, truth: .payWorker, releasing: Array(others.prefix(releasing)), voters: others)
        if case .recovered = chain.state.contracts.disputes[task]!.verdicts[silent] { return true }
        return false
    }

    /// Waits for the reveal window to end, releases the shares of `releasing` for every verdict
    /// still sealed, waits for the tally, and has the first of `voters` post the decision with
    /// their votes when they are a majority; else the chain settles at the deadline.
    static func finish(_ chain: inout SimulatedChain, task: Hash256, truth: Verdict, releasing: [PublicKey], voters: [PublicKey]) throws -> Outcome {
        var dispute = chain.state.contracts.disputes[task]!
        let silent = dispute.committee.filter { dispute.seals[$0] != nil && dispute.verdicts[$0] == nil }
        if !silent.isEmpty {
            let revealEnd = DisputeTimeline(dispute, params: chain.state.params).revealEnd!
            while chain.state.height < revealEnd { try chain.block() }
            // A block takes no share once a verdict is recovered: the first `threshold` releasers suffice.
            let releases = try silent.flatMap { sealer in
                try releasing.filter { $0 != sealer }.prefix(dispute.threshold).map { try chain.release($0, of: sealer, on: task) }
            }
            try chain.block { $0.releases = releases }
        }
        while chain.state.contracts.disputes[task]!.talliedAt == nil { try chain.block() }
        dispute = chain.state.contracts.disputes[task]!
        let recovered = dispute.verdicts.values.filter { if case .recovered = $0 { return true } else { return false } }.count
        if dispute.decision == nil, voters.count > dispute.committee.count / 2 {
            let decision = try chain.decision(voters[0], voters: voters, on: task)
            try chain.block { $0.decisions = [decision] }
        }
        while chain.state.contracts.disputes[task]!.decision == nil { try chain.block() }
        let decided = chain.state.contracts.disputes[task]!.decision!
        return Outcome(truth: truth, decision: decided.verdict, byLeader: decided.leader != nil, recovered: recovered)
    }
}
