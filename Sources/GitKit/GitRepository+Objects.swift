import CLibGit2

extension GitRepository {
    /// The well-known id of the empty tree.
    public static var emptyTree: GitOID {
        GitOID(hex: "4b825dc642cb6eb9a060e54bf8d69288fbee4904")!
    }

    // MARK: Blobs

    public func writeBlob(_ bytes: [UInt8]) throws -> GitOID {
        try withRepo { repo in
            var oid = git_oid()
            let rc = bytes.withUnsafeBytes { buf in
                git_blob_create_from_buffer(&oid, repo, buf.baseAddress, buf.count)
            }
            try gitCheck(rc, "writing blob of \(bytes.count) bytes")
            return GitOID(oid)
        }
    }

    public func readBlob(_ oid: GitOID) throws -> [UInt8] {
        if let loose = try readLoose(oid, expecting: .blob, "reading blob") { return loose }
        return try withRepo { repo in
            var raw = oid.raw
            var blob: OpaquePointer?
            try gitCheck(git_blob_lookup(&blob, repo, &raw), "reading blob \(oid.hex)")
            defer { git_blob_free(blob) }
            let size = Int(git_blob_rawsize(blob))
            guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: content, count: size))
        }
    }

    // MARK: Trees

    /// Writes a tree; entries may come in any order (git's ordering is applied).
    /// Throws on duplicate names, invalid names/modes, or (strict object creation)
    /// entries whose object is missing or of the wrong type.
    public func writeTree(_ entries: [GitTreeEntry]) throws -> GitOID {
        var seen = Set<String>()
        for e in entries where !seen.insert(e.name).inserted {
            throw GitError(message: "writing tree: duplicate entry name \"\(e.name)\"", code: -1)
        }
        return try withRepo { repo in
            var builder: OpaquePointer?
            try gitCheck(git_treebuilder_new(&builder, repo, nil), "writing tree: creating tree builder")
            defer { git_treebuilder_free(builder) }
            for e in entries {
                var raw = e.oid.raw
                try gitCheck(git_treebuilder_insert(nil, builder, e.name, &raw, git_filemode_t(rawValue: e.mode)),
                             "writing tree: adding entry \"\(e.name)\" (\(e.oid.hex), mode \(String(e.mode, radix: 8)))")
            }
            var out = git_oid()
            try gitCheck(git_treebuilder_write(&out, builder), "writing tree of \(entries.count) entries")
            return GitOID(out)
        }
    }

    public func readTree(_ oid: GitOID) throws -> [GitTreeEntry] {
        if let loose = try readLoose(oid, expecting: .tree, "reading tree"), let entries = ObjectParsing.tree(loose) { return entries }
        return try withRepo { repo in
            var raw = oid.raw
            var tree: OpaquePointer?
            try gitCheck(git_tree_lookup(&tree, repo, &raw), "reading tree \(oid.hex)")
            defer { git_tree_free(tree) }
            let count = git_tree_entrycount(tree)
            var result = [GitTreeEntry]()
            result.reserveCapacity(count)
            for i in 0..<count {
                guard let entry = git_tree_entry_byindex(tree, i) else { continue }
                result.append(GitTreeEntry(
                    name: String(cString: git_tree_entry_name(entry)),
                    oid: GitOID(git_tree_entry_id(entry)),
                    mode: UInt32(git_tree_entry_filemode_raw(entry).rawValue)))
            }
            return result
        }
    }

    // MARK: Commits

    /// Writes a commit object (no ref is updated). The message is stored byte-exact.
    public func writeCommit(tree: GitOID, parents: [GitOID], author: GitSignature,
                            committer: GitSignature, message: String) throws -> GitOID {
        try withRepo { repo in
            var treeRaw = tree.raw
            var treeObj: OpaquePointer?
            try gitCheck(git_tree_lookup(&treeObj, repo, &treeRaw), "writing commit: looking up tree \(tree.hex)")
            defer { git_tree_free(treeObj) }

            var parentObjs = [OpaquePointer?]()
            defer { for p in parentObjs { git_commit_free(p) } }
            for p in parents {
                var pr = p.raw
                var c: OpaquePointer?
                try gitCheck(git_commit_lookup(&c, repo, &pr), "writing commit: looking up parent \(p.hex)")
                parentObjs.append(c)
            }

            let authorSig = try makeSignature(author, "writing commit: author signature")
            defer { git_signature_free(authorSig) }
            let committerSig = try makeSignature(committer, "writing commit: committer signature")
            defer { git_signature_free(committerSig) }

            var out = git_oid()
            let rc = parentObjs.withUnsafeMutableBufferPointer { buf in
                return git_commit_create(&out, repo, nil, authorSig, committerSig, nil, message,
                                         treeObj, buf.count, buf.baseAddress)
            }
            try gitCheck(rc, "writing commit for tree \(tree.hex)")
            return GitOID(out)
        }
    }

    public func readCommit(_ oid: GitOID) throws -> GitCommitInfo {
        if let loose = try readLoose(oid, expecting: .commit, "reading commit"), let info = ObjectParsing.commit(loose, oid: oid) { return info }
        return try withRepo { repo in
            var raw = oid.raw
            var commit: OpaquePointer?
            try gitCheck(git_commit_lookup(&commit, repo, &raw), "reading commit \(oid.hex)")
            defer { git_commit_free(commit) }
            let count = git_commit_parentcount(commit)
            var parents = [GitOID]()
            for i in 0..<count {
                guard let p = git_commit_parent_id(commit, i) else { continue }
                parents.append(GitOID(p))
            }
            return GitCommitInfo(
                oid: oid,
                tree: GitOID(git_commit_tree_id(commit)),
                parents: parents,
                author: GitSignature(git_commit_author(commit)),
                committer: GitSignature(git_commit_committer(commit)),
                message: git_commit_message_raw(commit).map { String(cString: $0) } ?? "")
        }
    }

    /// The content of a loose object of the expected kind, read without libgit2 while libgit2
    /// has not been needed; nil when libgit2 should answer.
    private func readLoose(_ oid: GitOID, expecting kind: GitObjectKind, _ doing: String) throws -> [UInt8]? {
        guard let looseObjects, readsNatively, let (found, content) = try looseObjects.read(oid) else { return nil }
        guard found == kind else { throw GitError(message: "\(doing) \(oid.hex): the object is a \(found), not a \(kind)") }
        return content
    }

    /// The id of the commit these fields make, computed without writing it (as `writeCommit`
    /// would name it).
    public static func commitOid(tree: GitOID, parents: [GitOID], author: GitSignature,
                                 committer: GitSignature, message: String) -> GitOID {
        ObjectParsing.commitOid(tree: tree, parents: parents, author: author, committer: committer, message: message)
    }

    // MARK: Existence / kind

    /// The kind of the object, or nil if it does not exist.
    public func kind(of oid: GitOID) throws -> GitObjectKind? {
        try withRepo { repo in
            var odb: OpaquePointer?
            try gitCheck(git_repository_odb(&odb, repo), "opening object database")
            defer { git_odb_free(odb) }
            var raw = oid.raw
            var size = 0
            var type = GIT_OBJECT_INVALID
            let rc = git_odb_read_header(&size, &type, odb, &raw)
            if rc == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck(rc, "reading header of object \(oid.hex)")
            switch type {
            case GIT_OBJECT_COMMIT: return .commit
            case GIT_OBJECT_TREE: return .tree
            case GIT_OBJECT_BLOB: return .blob
            case GIT_OBJECT_TAG: return .tag
            default: return nil
            }
        }
    }

    public func contains(_ oid: GitOID) -> Bool {
        (try? withRepo { repo in
            var odb: OpaquePointer?
            guard git_repository_odb(&odb, repo) == 0 else { return false }
            defer { git_odb_free(odb) }
            var raw = oid.raw
            return git_odb_exists(odb, &raw) == 1
        }) ?? false
    }

    private func makeSignature(_ s: GitSignature, _ context: String) throws -> UnsafeMutablePointer<git_signature>? {
        var sig: UnsafeMutablePointer<git_signature>?
        try gitCheck(git_signature_new(&sig, s.name, s.email, git_time_t(s.time), Int32(s.offsetMinutes)), context)
        return sig
    }
}
