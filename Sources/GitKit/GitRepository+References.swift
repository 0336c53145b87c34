import CLibGit2

extension GitRepository {
    /// Resolves `name` (following symbolic refs) to an object id; nil if the ref
    /// (or the target of a symbolic ref, e.g. an unborn branch) does not exist.
    public func reference(_ name: String) throws -> GitOID? {
        if let nativeRefs, readsNatively {
            do { return try nativeRefs.resolve(name) } catch {}
        }
        return try withRepo { repo in
            var oid = git_oid()
            let rc = git_reference_name_to_id(&oid, repo, name)
            if rc == GIT_ENOTFOUND.rawValue { return nil }
            try gitCheck(rc, "reading reference \(name)")
            return GitOID(oid)
        }
    }

    /// Points `name` at `oid`. Symbolic refs (e.g. HEAD) are followed, so the
    /// branch they point to is updated, as `git update-ref` does.
    /// - expecting: nil = unconditional; `.some(nil)` = the ref must not exist yet;
    ///   `.some(x)` = the ref must currently point at x (compare-and-swap).
    public func setReference(_ name: String, to oid: GitOID, expecting old: GitOID?? = nil, message: String) throws {
        try retryingRefRaces { try withRepo { repo in
            let target = try resolveSymbolicName(repo, name)
            var newRaw = oid.raw
            var ref: OpaquePointer?
            let rc: Int32
            let context: String
            switch old {
            case .none:
                rc = git_reference_create(&ref, repo, target, &newRaw, 1, message)
                context = "setting reference \(target) to \(oid.hex)"
            case .some(.none):
                rc = git_reference_create(&ref, repo, target, &newRaw, 0, message)
                context = "creating reference \(target) at \(oid.hex) (must not exist)"
            case .some(.some(let expected)):
                var oldRaw = expected.raw
                rc = git_reference_create_matching(&ref, repo, target, &newRaw, 1, &oldRaw, message)
                context = "updating reference \(target) from \(expected.hex) to \(oid.hex)"
            }
            defer { git_reference_free(ref) }
            try gitCheck(rc, context)
        } }
    }

    /// Deletes the reference `name` itself (a symbolic ref is deleted, not its target).
    /// No error if it does not exist.
    public func deleteReference(_ name: String) throws {
        try retryingRefRaces { try withRepo { repo in
            var ref: OpaquePointer?
            let rc = git_reference_lookup(&ref, repo, name)
            if rc == GIT_ENOTFOUND.rawValue { return }
            try gitCheck(rc, "deleting reference \(name)")
            defer { git_reference_free(ref) }
            let drc = git_reference_delete(ref)
            if drc == GIT_ENOTFOUND.rawValue { return }
            try gitCheck(drc, "deleting reference \(name)")
        } }
    }

    /// All references whose full name matches `glob`, resolved to object ids, sorted by name.
    ///
    /// Glob syntax (like `git for-each-ref`): `*` matches any run of characters
    /// except `/`, `?` one character except `/`, `**` anything including `/`.
    /// So "refs/pot/blocks/12/*" matches refs/pot/blocks/12/ab… but neither
    /// refs/pot/blocks/120/… nor refs/pot/blocks/12/ab/cd. A glob without
    /// wildcards matches that exact name only. Dangling symbolic refs are skipped.
    public func references(matching glob: String) throws -> [(name: String, oid: GitOID)] {
        if let nativeRefs, readsNatively {
            do { return try nativeRefs.list(matching: glob) } catch {}
        }
        return try withRepo { repo in
            var iter: OpaquePointer?
            // libgit2's own glob (where `*` also crosses `/`) selects a superset; we filter exactly below.
            try gitCheck(git_reference_iterator_glob_new(&iter, repo, glob), "listing references matching \(glob)")
            defer { git_reference_iterator_free(iter) }
            let pattern = Array(glob.utf8)
            var result = [(name: String, oid: GitOID)]()
            while true {
                var ref: OpaquePointer?
                let rc = git_reference_next(&ref, iter)
                if rc == GIT_ITEROVER.rawValue { break }
                try gitCheck(rc, "listing references matching \(glob)")
                defer { git_reference_free(ref) }
                let name = String(cString: git_reference_name(ref))
                guard refGlobMatches(pattern[...], Array(name.utf8)[...]) else { continue }
                var resolved: OpaquePointer?
                let rrc = git_reference_resolve(&resolved, ref)
                if rrc == GIT_ENOTFOUND.rawValue { continue }
                try gitCheck(rrc, "resolving reference \(name)")
                defer { git_reference_free(resolved) }
                guard let target = git_reference_target(resolved) else { continue }
                result.append((name: name, oid: GitOID(target)))
            }
            result.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            return result
        }
    }

    /// Follows symbolic refs starting at `name` and returns the name of the final
    /// (possibly not yet existing) direct ref.
    private func resolveSymbolicName(_ repo: OpaquePointer, _ name: String) throws -> String {
        var current = name
        for _ in 0..<10 {
            var ref: OpaquePointer?
            let rc = git_reference_lookup(&ref, repo, current)
            if rc == GIT_ENOTFOUND.rawValue { return current }
            try gitCheck(rc, "looking up reference \(current)")
            defer { git_reference_free(ref) }
            guard git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC,
                  let t = git_reference_symbolic_target(ref) else { return current }
            current = String(cString: t)
        }
        throw GitError(message: "resolving reference \(name): too many levels of symbolic references", code: -1)
    }
}

/// Matches a ref name against a glob: `*` = [^/]*, `?` = [^/], `**` = .*; everything else literal.
func refGlobMatches(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
    var p = pattern
    var n = name
    while let c = p.first {
        if c == UInt8(ascii: "*") {
            let doubleStar = p.dropFirst().first == UInt8(ascii: "*")
            var rest = p.dropFirst(doubleStar ? 2 : 1)
            while rest.first == UInt8(ascii: "*") { rest = rest.dropFirst() }
            // Try every possible length of the wildcard run.
            var candidate = n
            while true {
                if refGlobMatches(rest, candidate) { return true }
                guard let f = candidate.first else { return false }
                if !doubleStar && f == UInt8(ascii: "/") { return false }
                candidate = candidate.dropFirst()
            }
        }
        guard let f = n.first else { return false }
        if c == UInt8(ascii: "?") {
            if f == UInt8(ascii: "/") { return false }
        } else if c != f {
            return false
        }
        p = p.dropFirst()
        n = n.dropFirst()
    }
    return n.isEmpty
}
