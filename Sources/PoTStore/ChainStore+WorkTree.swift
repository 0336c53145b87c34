import Foundation
import GitKit

extension ChainStore {
    /// After `main` moved from `old` to `new`, brings a work tree that has main checked out along,
    /// keeping local edits (as a two-way `git read-tree -m -u` would; files that were only touched
    /// do not count as edits). Returns a warning when it cannot.
    public func syncWorkTree(from old: GitOID, to new: GitOID) -> String? {
        guard old != new, git.workDirectory != nil, headIsMain() else { return nil }
        do { try git.checkout(from: old, to: new) } catch {
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
