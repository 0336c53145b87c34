import Foundation

/// Where a repository of the ordinary shape keeps its files: a `.git` directory at the top of
/// its work tree, not a linked worktree, not bare. Found without libgit2, so that reading a
/// repository does not pay for libgit2's start-up (which parses the system's TLS certificates).
/// Any other shape is left to libgit2.
struct RepositoryLayout: Sendable, Equatable {
    let gitDirectory: String
    let workDirectory: String

    /// The layout of the repository at `path` (its work tree), without searching upwards.
    static func at(_ path: String) -> RepositoryLayout? {
        guard let top = canonicalPath(path) else { return nil }
        return ordinary(top)
    }

    /// The layout of the repository containing `path`, walking upwards as git does.
    static func discover(from path: String) -> RepositoryLayout? {
        guard var dir = canonicalPath(path), !dir.hasSuffix("/.git"), !dir.contains("/.git/") else { return nil }
        while true {
            let dotGit = dir == "/" ? "/.git" : dir + "/.git"
            if FileManager.default.fileExists(atPath: dotGit) || FileManager.default.fileExists(atPath: dir + "/HEAD") {
                return ordinary(dir)
            }
            guard dir != "/" else { return nil }
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// `top/.git` when it is a directory holding an ordinary repository.
    private static func ordinary(_ top: String) -> RepositoryLayout? {
        let git = top == "/" ? "/.git" : top + "/.git"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: git, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.fileExists(atPath: git + "/HEAD"),
              FileManager.default.fileExists(atPath: git + "/objects"),
              FileManager.default.fileExists(atPath: git + "/refs"),
              !FileManager.default.fileExists(atPath: git + "/commondir"),
              let config = FileManager.default.contents(atPath: git + "/config")
        else { return nil }
        // core.bare and core.worktree move the work tree; extensions.refStorage and objectFormat
        // change how refs and objects are kept: such repositories are libgit2's.
        for line in String(decoding: config, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            if parts.first == "worktree" || parts.first == "refstorage" || parts.first == "objectformat" { return nil }
            if parts.first == "bare", parts.count == 1 || !["false", "no", "off", "0"].contains(parts[1]) { return nil }
        }
        return RepositoryLayout(gitDirectory: git, workDirectory: top)
    }

    private static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
