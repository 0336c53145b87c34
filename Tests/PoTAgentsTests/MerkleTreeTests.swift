import PoTAgents
import PoTCore
import Testing

@Suite("Merkle tree of checkpoints and rows")
struct MerkleTreeTests {
    /// RFC 9162's recursive definition, written independently of the module's level-wise one.
    static func reference(_ leaves: ArraySlice<Hash256>) -> Hash256 {
        if leaves.count == 1 { return leaves.first! }
        var k = 1
        while k << 1 < leaves.count { k <<= 1 }
        let l = reference(leaves.prefix(k)), r = reference(leaves.dropFirst(k))
        return DomainHash.sha256([1] + l.bytes + r.bytes)
    }

    static func leaves(_ n: Int) -> [Hash256] { (0..<n).map { DomainHash.sha256([UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)]) } }

    @Test("AGENT-MERKLE: roots match RFC 9162's definition and every path verifies, for every size to 70")
    func rootsAndPaths() {
        for n in 1...70 {
            let leaves = Self.leaves(n)
            let root = MerkleTree.root(leaves)
            #expect(root == Self.reference(leaves[...]), "size \(n)")
            for i in 0..<n {
                let path = MerkleTree.path(leaves, index: i)
                #expect(path.count <= MerkleTree.maxPathLength(size: n))
                #expect(MerkleTree.verify(leaf: leaves[i], index: i, size: n, path: path, root: root))
            }
        }
    }

    @Test("AGENT-MERKLE: a path does not verify at another index, another size, with a changed hash or a hash too many")
    func wrongPathsFail() {
        let leaves = Self.leaves(13)
        let root = MerkleTree.root(leaves)
        let path = MerkleTree.path(leaves, index: 5)
        #expect(!MerkleTree.verify(leaf: leaves[5], index: 4, size: 13, path: path, root: root))
        #expect(!MerkleTree.verify(leaf: leaves[5], index: 5, size: 8, path: path, root: root))
        #expect(!MerkleTree.verify(leaf: leaves[5], index: 5, size: 13, path: path + [root], root: root))
        #expect(!MerkleTree.verify(leaf: leaves[5], index: 5, size: 13, path: Array(path.dropLast()), root: root))
        #expect(!MerkleTree.verify(leaf: leaves[6], index: 5, size: 13, path: path, root: root))
        #expect(!MerkleTree.verify(leaf: leaves[5], index: 13, size: 13, path: path, root: root))
        var changed = path
        changed[1] = leaves[0]
        #expect(!MerkleTree.verify(leaf: leaves[5], index: 5, size: 13, path: changed, root: root))
    }
}
