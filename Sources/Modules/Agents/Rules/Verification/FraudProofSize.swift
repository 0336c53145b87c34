/// An upper bound on the encoding of a fraud proof against one segment of a claim, so that a
/// registration is refused when its fraud could not be proven in a block.
enum FraudProofSize {
    static func largest(_ claim: TrainingClaim) -> UInt64 {
        let rows = min(claim.interval * claim.batchSize, claim.rows)
        let depth = UInt64(MerkleTree.maxPathLength(size: Int(claim.rows)))
        let checkpointDepth = UInt64(MerkleTree.maxPathLength(size: Int(min(claim.segments + 1, UInt64(AgentLimits.maxCheckpoints)))))
        let row = 4 * UInt64(claim.model.features) + 1 + 34 * depth + 16
        let checkpoint = 8 * UInt64(claim.model.parameterCount) + 32
        return 512 + checkpoint + 2 * 34 * checkpointDepth + rows * row
    }
}
