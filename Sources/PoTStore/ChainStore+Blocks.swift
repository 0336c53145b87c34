import GitKit
import PoTCore
import PoTModules

extension ChainStore {
    /// The block commit a header describes, given its parent's block commit. Anyone can rebuild it.
    public func blockCommit(for header: BlockHeader, parentCommit: GitOID) throws -> GitOID {
        let id = header.id(chain: chainId)
        return try git.writeCommit(
            tree: ChainLayout.oid(header.tree),
            parents: [parentCommit] + header.codeCommits.map(ChainLayout.oid),
            author: ChainLayout.signature(time: header.timestamp),
            committer: ChainLayout.signature(time: header.timestamp),
            message: ChainLayout.blockMessage(height: header.height, id: id))
    }

    /// Writes a block: objects first, then one ref; a crash before the ref leaves only
    /// unreachable objects. Returns the stored block.
    @discardableResult
    public func writeBlock(_ signed: SignedHeader, payload: Payload, parentCommit: GitOID) throws -> StoredBlock {
        let header = signed.header
        let id = signed.id(chain: chainId)
        for commit in header.codeCommits {
            guard try git.kind(of: ChainLayout.oid(commit)) == .commit else {
                throw StoreError("merged object \(ChainLayout.oid(commit).hex) is not a commit in this repository")
            }
        }
        guard try git.kind(of: ChainLayout.oid(header.tree)) == .tree else {
            throw StoreError("tree \(ChainLayout.oid(header.tree).hex) is not in this repository")
        }
        let commit = try blockCommit(for: header, parentCommit: parentCommit)
        CrashPoint.reached("after-block-commit")
        let headerBlob = try git.writeBlob(signed.encoded())
        let payloadBlob = try git.writeBlob(payload.encoded())
        let tree = try git.writeTree([
            GitTreeEntry(name: "header", oid: headerBlob, mode: 0o100644),
            GitTreeEntry(name: "payload", oid: payloadBlob, mode: 0o100644),
        ])
        let record = try git.writeCommit(
            tree: tree, parents: [commit],
            author: ChainLayout.signature(time: header.timestamp),
            committer: ChainLayout.signature(time: header.timestamp),
            message: ChainLayout.recordMessage(height: header.height, id: id))
        CrashPoint.reached("before-block-ref")
        let ref = ChainLayout.blockRef(height: header.height, id: id)
        if let existing = try git.reference(ref) {
            guard existing == record else { throw StoreError("\(ref) already points at a different record \(existing.hex)") }
        } else {
            try git.setReference(ref, to: record, expecting: .some(nil), message: "pot: store block")
            noteInJournal(ref)
        }
        CrashPoint.reached("after-block-ref")
        return StoredBlock(signed: signed, payload: payload, id: id, commit: commit, record: record, payloadBlob: payloadBlob)
    }

    /// Loads the block stored at refs/pot/blocks/<height>/<id>, checking that what git holds is
    /// what the name promises.
    public func loadBlock(height: UInt64, id: Hash256) throws -> StoredBlock {
        let ref = ChainLayout.blockRef(height: height, id: id)
        guard let record = try git.reference(ref) else { throw StoreError("block \(id.hex) at height \(height) is not in this repository") }
        return try loadRecord(record, height: height, id: id)
    }

    func loadRecord(_ record: GitOID, height: UInt64, id: Hash256) throws -> StoredBlock {
        let info = try git.readCommit(record)
        guard info.parents.count == 1 else { throw StoreError("record commit \(record.hex) of block \(id.short) has \(info.parents.count) parents, not 1") }
        let entries = try git.readTree(info.tree)
        guard let headerEntry = entries.first(where: { $0.name == "header" }),
              let payloadEntry = entries.first(where: { $0.name == "payload" }),
              entries.count == 2
        else { throw StoreError("record tree \(info.tree.hex) of block \(id.short) must hold exactly header and payload") }
        let signed: SignedHeader
        do { signed = try SignedHeader(bytes: try git.readBlob(headerEntry.oid)) } catch let error as GitError {
            throw StoreError("block \(id.short): header blob \(headerEntry.oid.hex) is unreadable: \(error)")
        } catch {
            throw StoreError("block \(id.short): header blob \(headerEntry.oid.hex) is invalid: \(error)")
        }
        guard signed.id(chain: chainId) == id, signed.header.height == height else {
            throw StoreError("header blob \(headerEntry.oid.hex) does not hash to block id \(id.hex) (tampered or misnamed)")
        }
        let payload: Payload
        do { payload = try Payload(bytes: try git.readBlob(payloadEntry.oid)) } catch let error as GitError {
            throw StoreError("block \(id.short): payload blob \(payloadEntry.oid.hex) is unreadable: \(error)")
        } catch {
            throw StoreError("block \(id.short): payload blob \(payloadEntry.oid.hex) is invalid: \(error)")
        }
        // The payload root is checked where the block is applied (BLK-PAYLOAD-ROOT), not twice.
        return StoredBlock(signed: signed, payload: payload, id: id, commit: info.parents[0], record: record, payloadBlob: payloadEntry.oid)
    }

    /// Ids of every block stored at a height.
    public func blockIds(at height: UInt64) throws -> [Hash256] {
        try git.references(matching: ChainLayout.blocksGlob(height: height)).compactMap { ref in
            Hash256(hex: String(ref.name.split(separator: "/").last ?? ""))
        }.sorted()
    }

    /// Blocks stored at a height; unreadable ones are reported in `problems` and left out.
    public func blocks(at height: UInt64, problems: inout [String]) throws -> [StoredBlock] {
        var found: [StoredBlock] = []
        for id in try blockIds(at: height) {
            do { found.append(try loadBlock(height: height, id: id)) } catch { problems.append("\(error)") }
        }
        return found
    }

    /// Resolves a unique prefix of a block id among the blocks at `heights`.
    public func resolveBlock(prefix: String, heights: [UInt64]) throws -> (height: UInt64, id: Hash256) {
        var stored: [(height: UInt64, id: Hash256)] = []
        for height in heights { stored += try blockIds(at: height).map { (height, $0) } }
        return try IdPrefix.unique(prefix, kind: "candidate block", place: heights.count == 1 ? "at height \(heights[0])" : "among the open heights",
                                   among: stored, id: \.id)
    }
}
