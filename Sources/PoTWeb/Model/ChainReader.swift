import Dispatch
import PoTStore
import Synchronization

/// The one owner of the repository in this process. Git is reached from one serial queue only
/// (libgit2 handles are not thread-safe, and long reads must not hold up the async executor);
/// requests read the latest snapshot, which never touches git.
public final class ChainReader: Sendable {
    private let queue = DispatchQueue(label: "pot-web.git")
    private let builder: SnapshotBuilder
    private let current: Mutex<ChainSnapshot>
    public let events = EventHub()

    /// Opens the chain of the repository at `path` and builds the first snapshot, with the
    /// explorer parts of `modules`.
    public convenience init(repository path: String, modules: ExplorerModules) throws {
        try self.init(repository: path, modules: modules, revision: 0)
    }

    /// Opens the chain like `init(repository:modules:)`, its first snapshot numbered `revision` + 1.
    init(repository path: String, modules: ExplorerModules, revision: Int) throws {
        let store = try ChainStore.open(at: path)
        let builder = SnapshotBuilder(store: store, modules: modules, revision: revision)
        guard let first = try builder.buildIfChanged() else {
            throw StoreError("internal: no snapshot of a freshly opened chain")
        }
        self.builder = builder
        self.current = Mutex(first)
    }

    /// The explorer modules the snapshots are built with.
    public var modules: ExplorerModules { builder.modules }

    /// The model requests are served from.
    public var snapshot: ChainSnapshot { current.withLock { $0 } }

    /// Rebuilds the model if a ref changed, and announces the new one. Returns whether it changed.
    /// With `mainOnly`, only a move of `main` is looked for (see `SnapshotBuilder.buildForMain`).
    @discardableResult
    public func refresh(mainOnly: Bool = false) async throws -> Bool {
        if mainOnly { return adopt(try await onQueue { try $0.buildForMain() }) }
        // Listing every ref is the slow part on a long chain; it runs off the queue (GitKit
        // serialises its own access), so a move of main is followed meanwhile.
        let store = builder.store
        let listed = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try RefsFingerprint.read(store) }) }
        }
        return try await refresh(listed: listed)
    }

    /// Rebuilds the model from `listed`, a listing of the refs that may be older than `main`.
    @discardableResult
    func refresh(listed: RefsFingerprint) async throws -> Bool {
        adopt(try await onQueue { try $0.build(listed: listed) })
    }

    /// Serves `next`, unless a later model is served already (two refreshes may resume in
    /// either order), and announces it.
    private func adopt(_ next: ChainSnapshot?) -> Bool {
        guard let next else { return false }
        let newer = current.withLock { now in
            guard next.revision > now.revision else { return false }
            now = next
            return true
        }
        if newer { events.publish(.changed) }
        return true
    }

    /// Whether `main` moved since the current model was built; far cheaper than `refresh()`,
    /// which reads every ref under refs/pot/.
    public func mainMoved() async throws -> Bool {
        try await onQueue { try $0.mainMoved() }
    }

    /// How many blocks of main the store replayed for this model since it was opened.
    func blocksReplayed() async throws -> Int {
        try await onQueue { $0.blocksReplayed }
    }

    /// Runs `body` with the store, serialized with every other git access of this process.
    public func withStore<T: Sendable>(_ body: @escaping @Sendable (ChainStore) throws -> T) async throws -> T {
        try await onQueue { try body($0.store) }
    }

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable (SnapshotBuilder) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [builder] in continuation.resume(with: Result { try body(builder) }) }
        }
    }
}
