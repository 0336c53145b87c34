import Foundation
import PoTStore

/// Detached worktrees of block commits, one directory per block (`<height>-<id prefix>`)
/// under one directory that pot-deploy owns.
final class WorktreeManager {
    /// Where git commands run: the repository's top.
    let repository: String
    let directory: String

    init(repository: String, directory: String) throws {
        self.repository = repository
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DeployError("cannot create the worktree directory \(directory): \(error.localizedDescription)")
        }
        // git records worktrees by their real path; compare like with like.
        self.directory = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    }

    func path(for block: MainBlock) -> String { directory + "/\(block.height)-\(block.shortId)" }

    /// A worktree with the block's commit checked out (detached): the existing one when it is
    /// registered and still at that commit, else a new one.
    func prepare(_ block: MainBlock) throws -> String {
        let path = path(for: block)
        let registered = try listRegistered()
        if registered[path] == block.commit, FileManager.default.fileExists(atPath: path) { return path }
        if registered[path] != nil {
            _ = try? GitCommandLine.run(["worktree", "remove", "--force", "--force", path], in: repository)
        }
        if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        _ = try? GitCommandLine.run(["worktree", "prune"], in: repository)
        do {
            try GitCommandLine.check(["worktree", "add", "--detach", path, block.commit], in: repository,
                                     doing: "checking out block \(block.shortId) at height \(block.height) into \(path)")
        } catch let error as StoreError {
            throw DeployError(error.description)
        }
        return path
    }

    /// Removes every worktree in the directory but the `keep` most recently used (by `use`,
    /// higher is more recent) and those in `protected`. Returns the removed paths.
    func clean(keep: Int, use: [String: Int], protected: Set<String>) -> (removed: [String], warnings: [String]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let paths = names.filter(Self.isWorktreeName).map { directory + "/" + $0 }
        let ordered = paths.sorted { (use[$0] ?? -1, $0) > (use[$1] ?? -1, $1) }
        var kept = 0
        var removed: [String] = []
        var warnings: [String] = []
        for path in ordered {
            if protected.contains(path) || kept < keep {
                kept += 1
                continue
            }
            let result = try? GitCommandLine.run(["worktree", "remove", "--force", "--force", path], in: repository)
            if result?.status != 0 || FileManager.default.fileExists(atPath: path) {
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    warnings.append("cannot remove the old worktree \(path): \(error.localizedDescription)")
                    continue
                }
            }
            removed.append(path)
        }
        if !removed.isEmpty { _ = try? GitCommandLine.run(["worktree", "prune"], in: repository) }
        return (removed, warnings)
    }

    /// Whether a directory name is one pot-deploy gives: `<height>-<12 hex digits>`. Nothing
    /// else in the directory is ever removed.
    static func isWorktreeName(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isASCII) && parts[0].allSatisfy(\.isNumber)
            && parts[1].count == 12 && parts[1].allSatisfy(\.isHexDigit) && parts[1].allSatisfy(\.isASCII)
    }

    /// Registered worktrees under the directory, with their HEAD commit.
    func listRegistered() throws -> [String: String] {
        let output: GitCommandLine.Output
        do {
            output = try GitCommandLine.check(["worktree", "list", "--porcelain"], in: repository, doing: "listing worktrees")
        } catch let error as StoreError {
            throw DeployError(error.description)
        }
        var result: [String: String] = [:]
        var current: String?
        for line in output.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("worktree ") {
                current = String(line.dropFirst("worktree ".count))
            } else if line.hasPrefix("HEAD "), let path = current, path.hasPrefix(directory + "/") {
                result[path] = String(line.dropFirst("HEAD ".count))
            } else if line.isEmpty {
                current = nil
            }
        }
        return result
    }
}
