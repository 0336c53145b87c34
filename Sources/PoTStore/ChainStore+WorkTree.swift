import Foundation
import GitKit

extension ChainStore {
    /// After `main` moved from `old` to `new`, brings a work tree that has main checked out along,
    /// keeping local edits (a two-way `git read-tree -m -u`). Returns a warning when it cannot.
    public func syncWorkTree(from old: GitOID, to new: GitOID) -> String? {
        guard old != new, let work = git.workDirectory,
              let head = try? GitCommandLine.run(["symbolic-ref", "-q", "HEAD"], in: work),
              head.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == ChainLayout.main
        else { return nil }
        guard let result = try? GitCommandLine.run(["read-tree", "-m", "-u", old.hex, new.hex], in: work), result.status == 0 else {
            return "main moved but the work tree was left as it was (local changes in the way); run git checkout main when ready"
        }
        return nil
    }
}
