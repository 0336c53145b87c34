import CLibGit2

public enum GitObjectKind: Sendable {
    case commit, tree, blob, tag
}

public struct GitSignature: Sendable, Equatable {
    public var name: String
    public var email: String
    /// Unix seconds.
    public var time: Int64
    /// Offset from UTC in minutes (e.g. 60 for +0100).
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ sig: UnsafePointer<git_signature>) {
        let s = sig.pointee
        self.name = s.name.map { String(cString: $0) } ?? ""
        self.email = s.email.map { String(cString: $0) } ?? ""
        self.time = Int64(s.when.time)
        self.offsetMinutes = Int32(s.when.offset)
    }
}

public struct GitTreeEntry: Sendable, Equatable {
    public var name: String
    public var oid: GitOID
    /// 0o100644 blob, 0o100755 executable, 0o040000 tree, 0o120000 symlink, 0o160000 gitlink.
    public var mode: UInt32

    public init(name: String, oid: GitOID, mode: UInt32) {
        self.name = name
        self.oid = oid
        self.mode = mode
    }
}

public struct GitCommitInfo: Sendable, Equatable {
    public var oid: GitOID
    public var tree: GitOID
    public var parents: [GitOID]
    public var author: GitSignature
    public var committer: GitSignature
    public var message: String

    public init(oid: GitOID, tree: GitOID, parents: [GitOID], author: GitSignature, committer: GitSignature, message: String) {
        self.oid = oid
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.message = message
    }
}
