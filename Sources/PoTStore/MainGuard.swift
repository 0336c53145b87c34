import Foundation
import GitKit

/// Keeps plain `git commit` and `git merge` off `main`, which holds only block commits: hooks
/// that `pot init` and `pot clone` install, and the way back when a commit got there anyway.
public enum MainGuard {
    /// The line that marks a hook as pot's own, so it is replaced but a user's hook never is.
    static let marker = "# pot: main holds only PoT block commits"
    static let hooks = ["pre-commit", "pre-merge-commit"]

    static let script = """
    #!/bin/sh
    \(marker)
    if [ "$(git symbolic-ref -q HEAD)" = "refs/heads/main" ] && git rev-parse -q --verify refs/pot/genesis >/dev/null; then
        echo "pot: refusing to commit on main: main holds only PoT blocks, and a plain commit there stops every pot command." >&2
        echo "Commit on a branch instead, then propose it as a block:" >&2
        echo "  git switch -c my-change           # staged changes come along" >&2
        echo "  git commit ...                    # on my-change" >&2
        echo "  pot propose --as <label> --merge my-change" >&2
        exit 1
    fi
    exit 0

    """

    /// Installs the hooks in the repository whose work tree or git directory is `directory`.
    /// Returns a warning for each hook it left alone because the user has one of that name.
    @discardableResult
    public static func install(in directory: String) throws -> [String] {
        let located = try GitCommandLine.check(["rev-parse", "--git-path", "hooks"], in: directory, doing: "locating the hooks directory")
        var hooksDirectory = located.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        if !hooksDirectory.hasPrefix("/") { hooksDirectory = directory + "/" + hooksDirectory }
        try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        var warnings: [String] = []
        for hook in hooks {
            let path = hooksDirectory + "/" + hook
            if let existing = FileManager.default.contents(atPath: path), !String(decoding: existing, as: UTF8.self).contains(marker) {
                warnings.append("\(path) exists and is not pot's: it was left alone, so git will not stop plain commits on main")
                continue
            }
            guard FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]) else {
                throw StoreError("cannot write the hook \(path)")
            }
        }
        return warnings
    }
}

extension MainGuard {
    /// How far back plain commits on top of main's last block are looked for.
    static let recoveryDepth = 1000

    /// When main's tip is a plain commit made on top of a block (or of genesis), the one-line
    /// way back: keep the commits on a branch, move main to the last block, propose the branch.
    static func recovery(git: GitRepository, tip: GitOID, genesis: GitOID) throws -> String? {
        var info = try git.readCommit(tip)
        for count in 1...recoveryDepth {
            guard let parent = info.parents.first else { return nil }
            let parentInfo = try git.readCommit(parent)
            let block = ChainLayout.parseBlockMessage(parentInfo.message).map { "block h=\($0.height)" }
                ?? (parent == genesis ? "the genesis commit" : nil)
            if let block {
                let plain = count == 1 ? "1 commit that is not a PoT block" : "\(count) commits that are not PoT blocks"
                return "main has \(plain) on top of \(block) (\(parent.hex)), so no pot command can read the chain; "
                    + "to recover, keep the work on a branch and move main back to the block: git branch rescued \(tip.hex) && "
                    + "git reset --keep \(parent.hex) (if main is checked out; otherwise git update-ref refs/heads/main \(parent.hex) \(tip.hex)), "
                    + "then make it a block with pot propose --as <label> --merge rescued"
            }
            info = parentInfo
        }
        return nil
    }
}
