import CLibGit2
import Foundation

/// libgit2 is initialised exactly once per process, lazily.
/// Strict hash verification (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION) is on by
/// default in libgit2 and GitKit never turns it off, so a tampered loose object
/// is detected when it is read.
private let libgit2Initialised: Bool = {
    git_libgit2_init() >= 0
}()

func ensureLibgit2() throws {
    if !libgit2Initialised {
        throw GitError(message: "initialising libgit2 failed", code: -1)
    }
}

/// A git repository. Not safe for truly concurrent use from several threads,
/// but every operation is serialised by an internal lock, so handing the
/// instance between threads (or tasks) is fine.
///
/// A repository of the ordinary shape is opened without libgit2: refs and loose objects are
/// read from their files until something needs libgit2 (a write, a packed object, a merge), and
/// only then is libgit2 started and the repository opened with it.
public final class GitRepository: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// The files of an ordinary repository, read directly; nil when libgit2 opened it at once.
    let layout: RepositoryLayout?
    let nativeRefs: NativeRefs?
    let looseObjects: LooseObjects?
    private let mutex = NSLock()

    private init(pointer: OpaquePointer) {
        handle = pointer
        layout = nil
        nativeRefs = nil
        looseObjects = nil
    }

    private init(layout: RepositoryLayout) {
        self.layout = layout
        nativeRefs = NativeRefs(gitDirectory: layout.gitDirectory)
        looseObjects = LooseObjects(gitDirectory: layout.gitDirectory)
    }

    deinit {
        if let handle { git_repository_free(handle) }
    }

    /// Creates (like `git init`) a non-bare repository whose HEAD points at refs/heads/main.
    /// Intermediate directories are created as needed.
    public static func create(at path: String) throws -> GitRepository {
        try ensureLibgit2()
        var opts = git_repository_init_options()
        try gitCheck(git_repository_init_options_init(&opts, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
                     "initialising repository options")
        opts.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_MKDIR.rawValue
        var out: OpaquePointer?
        let rc: Int32 = "main".withCString { head in
            opts.initial_head = head
            return git_repository_init_ext(&out, path, &opts)
        }
        try gitCheck(rc, "creating repository at \(path)")
        guard let out else { throw GitError(message: "creating repository at \(path): no repository returned") }
        return GitRepository(pointer: out)
    }

    /// Opens the repository at `path` (its work tree or its .git directory); does not search upwards.
    public convenience init(path: String) throws {
        if let layout = RepositoryLayout.at(path) {
            self.init(layout: layout)
            return
        }
        try ensureLibgit2()
        var out: OpaquePointer?
        try gitCheck(git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                     "opening repository at \(path)")
        guard let out else { throw GitError(message: "opening repository at \(path): no repository returned") }
        self.init(pointer: out)
    }

    /// Opens the repository containing `path`, walking up the directory tree like git does.
    public static func discover(from path: String) throws -> GitRepository {
        if let layout = RepositoryLayout.discover(from: path) { return GitRepository(layout: layout) }
        try ensureLibgit2()
        var out: OpaquePointer?
        try gitCheck(git_repository_open_ext(&out, path, 0, nil), "discovering repository from \(path)")
        guard let out else { throw GitError(message: "discovering repository from \(path): no repository returned") }
        return GitRepository(pointer: out)
    }

    /// Absolute path of the .git directory (no trailing slash).
    public var gitDirectory: String {
        if let layout { return layout.gitDirectory }
        return GitRepository.stripSlash(String(cString: git_repository_path(handle!)))
    }

    /// Absolute path of the work tree (no trailing slash), nil for bare repositories.
    public var workDirectory: String? {
        if let layout { return layout.workDirectory }
        return git_repository_workdir(handle!).map { GitRepository.stripSlash(String(cString: $0)) }
    }

    /// Whether reads may still be answered from the files directly: libgit2 has not been needed yet.
    var readsNatively: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return handle == nil
    }

    /// Runs `body` with libgit2's repository pointer while holding the instance lock, opening
    /// the repository with libgit2 the first time.
    func withRepo<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        mutex.lock()
        defer { mutex.unlock() }
        if handle == nil, let layout {
            try ensureLibgit2()
            var out: OpaquePointer?
            try gitCheck(git_repository_open_ext(&out, layout.workDirectory, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                         "opening repository at \(layout.workDirectory)")
            handle = out
        }
        return try body(handle!)
    }

    private static func stripSlash(_ s: String) -> String {
        var s = s
        while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
