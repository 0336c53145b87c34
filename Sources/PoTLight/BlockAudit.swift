import PoTCore
import PoTNet

/// Checks a full block served for a stored header: same header, a payload that hashes to the
/// header's payload root, and only validly signed transfers and votes in it.
public enum BlockAudit {
    public static func problems(in bundle: BlockBundle, expected header: SignedHeader, chain: Hash256) -> [String] {
        var problems: [String] = []
        if bundle.header != header {
            problems.append("the served header \(bundle.header.id(chain: chain).short) is not the stored one \(header.id(chain: chain).short)")
        }
        let root = bundle.payload.root(chain: chain)
        if root != header.header.payloadRoot {
            problems.append("the payload hashes to \(root.short), the header's payload root is \(header.header.payloadRoot.short)")
        }
        for (i, transfer) in bundle.payload.transfers.enumerated() where !transfer.hasValidSignature(chain: chain) {
            problems.append("transfer \(i) (\(transfer.id(chain: chain).short)) has an invalid signature")
        }
        for (i, vote) in bundle.payload.votes.enumerated() where !vote.hasValidSignature(chain: chain) {
            problems.append("vote \(i) (\(vote.id(chain: chain).short)) has an invalid signature")
        }
        for (i, evidence) in bundle.payload.evidence.enumerated() {
            for (j, vote) in [evidence.first, evidence.second].enumerated() where !vote.hasValidSignature(chain: chain) {
                problems.append("vote \(j + 1) of evidence \(i) (\(vote.id(chain: chain).short)) has an invalid signature")
            }
        }
        return problems
    }

    /// `count` distinct heights from 1 to `height`, in ascending order (all of them when
    /// `count` is at least `height`).
    public static func randomHeights(_ count: Int, upTo height: UInt64) -> [UInt64] {
        guard count > 0, height > 0 else { return [] }
        if UInt64(count) >= height { return Array(1...height) }
        var picked = Set<UInt64>()
        while picked.count < count { picked.insert(UInt64.random(in: 1...height)) }
        return picked.sorted()
    }
}
