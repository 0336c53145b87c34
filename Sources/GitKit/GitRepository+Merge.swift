import CLibGit2

extension GitRepository {
    /// In-memory three-way merge of two commits (git_merge_commits). Histories without a
    /// common ancestor are merged against an empty ancestor. Writes the resulting tree and
    /// returns its id; throws `GitMergeConflict` (listing the conflicting paths) on conflict.
    public func mergeCommits(ours: GitOID, theirs: GitOID) throws -> GitOID {
        try withRepo { repo in
            var ourRaw = ours.raw
            var theirRaw = theirs.raw
            var ourCommit: OpaquePointer?
            var theirCommit: OpaquePointer?
            try gitCheck(git_commit_lookup(&ourCommit, repo, &ourRaw), "merging: looking up commit \(ours.hex)")
            defer { git_commit_free(ourCommit) }
            try gitCheck(git_commit_lookup(&theirCommit, repo, &theirRaw), "merging: looking up commit \(theirs.hex)")
            defer { git_commit_free(theirCommit) }

            var index: OpaquePointer?
            try gitCheck(git_merge_commits(&index, repo, ourCommit, theirCommit, nil),
                         "merging \(theirs.hex) into \(ours.hex)")
            defer { git_index_free(index) }

            if git_index_has_conflicts(index) != 0 {
                var iter: OpaquePointer?
                try gitCheck(git_index_conflict_iterator_new(&iter, index), "merging: listing conflicts")
                defer { git_index_conflict_iterator_free(iter) }
                var paths = Set<String>()
                while true {
                    var ancestor: UnsafePointer<git_index_entry>?
                    var our: UnsafePointer<git_index_entry>?
                    var their: UnsafePointer<git_index_entry>?
                    let rc = git_index_conflict_next(&ancestor, &our, &their, iter)
                    if rc == GIT_ITEROVER.rawValue { break }
                    try gitCheck(rc, "merging: listing conflicts")
                    if let e = our ?? their ?? ancestor, let p = e.pointee.path {
                        paths.insert(String(cString: p))
                    }
                }
                throw GitMergeConflict(paths: paths.sorted())
            }

            var out = git_oid()
            try gitCheck(git_index_write_tree_to(&out, index, repo), "merging: writing merged tree")
            return GitOID(out)
        }
    }

    /// True if `a` is `b` or an ancestor of `b`.
    public func isAncestor(_ a: GitOID, of b: GitOID) throws -> Bool {
        if a == b { return true }
        return try withRepo { repo in
            var bRaw = b.raw
            var aRaw = a.raw
            let rc = git_graph_descendant_of(repo, &bRaw, &aRaw)
            try gitCheck(rc, "checking whether \(a.hex) is an ancestor of \(b.hex)")
            return rc == 1
        }
    }

    /// Resolves a revision spec ("HEAD", "main", abbreviated hex, "code/monorepo", "HEAD~2", …).
    public func revParse(_ spec: String) throws -> GitOID {
        try withRepo { repo in
            var obj: OpaquePointer?
            try gitCheck(git_revparse_single(&obj, repo, spec), "resolving revision \"\(spec)\"")
            defer { git_object_free(obj) }
            return GitOID(git_object_id(obj))
        }
    }
}
