import Foundation
import GitKit

extension ChainStore {
    /// After `main` moved from `old` to `new`, brings a work tree that has main checked out along,
    /// keeping local edits (a two-way `git read-tree -m -u`). Returns a warning when it cannot.
    public func syncWorkTree(from old: GitOID, to new: GitOID) -> String? {
        guard old != new, let work = git.workDirectory, headIsMain() else { return nil }
        // Refresh stat data first, so files that were only touched do not count as local changes.
        _ = try? GitCommandLine.run(["update-index", "-q", "--refresh"], in: work)
        guard let result = try? GitCommandLine.run(["read-tree", "-m", "-u", old.hex, new.hex], in: work), result.status == 0 else {
            return "main moved but the work tree was left as it was (local changes in the way); run git checkout main when ready"
        }
        return nil
    }

    /// Whether HEAD is the symbolic ref refs/heads/main.
    func headIsMain() -> Bool {
        guard let data = FileManager.default.contents(atPath: git.gitDirectory.trimmingSlash + "/HEAD") else { return false }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "ref: " + ChainLayout.main
    }
}
