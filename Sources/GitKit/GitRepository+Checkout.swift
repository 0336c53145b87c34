import CLibGit2

/// Raised by `GitRepository.checkout(from:to:)` when local changes are in the way.
public struct GitCheckoutConflict: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension GitRepository {
    /// Moves the index and work tree from commit `old` to commit `new`, as `git read-tree -m -u
    /// old new` does: only paths that differ between the two are touched, a file whose time
    /// changed but whose content did not is no local change, and when a local change or an
    /// untracked file is in the way nothing is changed and `GitCheckoutConflict` is thrown.
    public func checkout(from old: GitOID, to new: GitOID) throws {
        try withRepo { repo in
            var oldRaw = old.raw, newRaw = new.raw
            var oldCommit: OpaquePointer?, newCommit: OpaquePointer?, baseline: OpaquePointer?
            try gitCheck(git_commit_lookup(&oldCommit, repo, &oldRaw), "checking out: looking up commit \(old.hex)")
            defer { git_commit_free(oldCommit) }
            try gitCheck(git_commit_tree(&baseline, oldCommit), "checking out: reading the tree of \(old.hex)")
            defer { git_tree_free(baseline) }
            try gitCheck(git_object_lookup(&newCommit, repo, &newRaw, GIT_OBJECT_COMMIT), "checking out: looking up commit \(new.hex)")
            defer { git_object_free(newCommit) }
            var options = git_checkout_options()
            try gitCheck(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "checking out: options")
            options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue
            options.baseline = baseline
            let rc = git_checkout_tree(repo, newCommit, &options)
            if rc == GIT_ECONFLICT.rawValue {
                throw GitCheckoutConflict(message: GitError.libgit2(rc, "checking out \(new.hex)").message)
            }
            try gitCheck(rc, "checking out \(new.hex)")
        }
    }
}
