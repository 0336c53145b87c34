import PoTCore

/// A Merkle tree over a list of 32-byte leaf hashes, shaped as in RFC 9162 §2.1 (the left
/// subtree holds the largest power of two below the count), where a node hashes
/// `0x01 ‖ left ‖ right` (a leaf's hash is the caller's, already domain separated). A path
/// proves one leaf at one index of a tree of one size, and nothing else.
public enum MerkleTree {
    /// The root of `leaves` (the hash of nothing for an empty list).
    public static func root(_ leaves: [Hash256]) -> Hash256 {
        leaves.isEmpty ? DomainHash.sha256([]) : Levels(leaves).root
    }

    /// The sibling hashes from leaf `index` up to the root, lowest first.
    public static func path(_ leaves: [Hash256], index: Int) -> [Hash256] { Levels(leaves).path(index) }

    /// Every level of a tree, leaves first, for many paths at the cost of one tree. Built bottom
    /// up, pairing left to right and carrying an odd last node up unchanged, which gives the
    /// same tree as the recursive split.
    public struct Levels: Sendable {
        private var levels: [[Hash256]]

        public init(_ leaves: [Hash256]) {
            precondition(!leaves.isEmpty)
            levels = [leaves]
            while let last = levels.last, last.count > 1 {
                levels.append(stride(from: 0, to: last.count, by: 2).map { i in
                    i + 1 < last.count ? MerkleTree.node(last[i], last[i + 1]) : last[i]
                })
            }
        }

        public var root: Hash256 { levels.last![0] }

        public func path(_ index: Int) -> [Hash256] {
            precondition(levels[0].indices.contains(index))
            var path: [Hash256] = []
            var index = index
            for level in levels.dropLast() {
                let sibling = index ^ 1
                if sibling < level.count { path.append(level[sibling]) }
                index >>= 1
            }
            return path
        }
    }

    /// Whether `path` proves that `leaf` is at `index` in a tree of `size` leaves with `root`
    /// (RFC 9162 §2.1.3.2). A path of the wrong length is refused.
    public static func verify(leaf: Hash256, index: Int, size: Int, path: [Hash256], root: Hash256) -> Bool {
        guard index >= 0, index < size else { return false }
        var fn = index, sn = size - 1
        var hash = leaf
        for sibling in path {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                hash = node(sibling, hash)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
                }
            } else {
                hash = node(hash, sibling)
            }
            fn >>= 1; sn >>= 1
        }
        return sn == 0 && hash == root
    }

    /// How many hashes a path has for a tree of `size` leaves at most.
    public static func maxPathLength(size: Int) -> Int {
        var depth = 0
        while (1 << depth) < size { depth += 1 }
        return depth
    }

    static func node(_ left: Hash256, _ right: Hash256) -> Hash256 {
        DomainHash.sha256([1] + left.bytes + right.bytes)
    }
}
