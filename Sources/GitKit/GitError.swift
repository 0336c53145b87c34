import CLibGit2

/// An error reported by libgit2 (or by GitKit itself), with a one-line message
/// of the form "<what we were doing>: <libgit2's last error text>".
public struct GitError: Error, CustomStringConvertible {
    public let message: String
    public let code: Int32
    /// libgit2's error class (`git_error_t`), 0 when the error is GitKit's own.
    public let errorClass: Int32

    public init(message: String, code: Int32 = -1, errorClass: Int32 = 0) {
        self.message = message
        self.code = code
        self.errorClass = errorClass
    }

    public var description: String { message }

    /// Builds an error from libgit2's thread-local last error.
    static func libgit2(_ code: Int32, _ context: String) -> GitError {
        var text = "error \(code)"
        var errorClass: Int32 = 0
        if let last = git_error_last() {
            errorClass = last.pointee.klass
            if let msg = last.pointee.message {
                let s = String(cString: msg)
                if !s.isEmpty { text = s }
            }
        }
        // Keep it on one line.
        let oneLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters() }
            .joined(separator: " ")
        return GitError(message: "\(context): \(oneLine)", code: code, errorClass: errorClass)
    }
}

/// Throws a `GitError` if `rc` is a libgit2 failure code (< 0).
@inline(__always)
func gitCheck(_ rc: Int32, _ context: @autoclosure () -> String) throws {
    if rc < 0 { throw GitError.libgit2(rc, context()) }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

/// Raised by `GitRepository.mergeCommits` when the merge has conflicts.
public struct GitMergeConflict: Error, CustomStringConvertible {
    public let paths: [String]

    public init(paths: [String]) { self.paths = paths }

    public var description: String {
        "merge conflict in \(paths.count) path(s): \(paths.joined(separator: ", "))"
    }
}
