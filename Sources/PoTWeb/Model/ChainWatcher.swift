import Logging
import ServiceLifecycle
import Synchronization

/// Looks at every ref under refs/pot/ every `interval` (or ten times as long as such a look
/// took, when that is longer: on a long chain listing the block refs is slow), and at `main`
/// alone every `mainInterval`, also while such a look goes on, so a new block reaches the pages
/// without waiting for either; it rebuilds the model when they changed. Wakes the event streams
/// every `heartbeat`. Stops on graceful shutdown, ending every event stream.
public struct ChainWatcher: Service {
    static let mainInterval: Duration = .milliseconds(20)

    let reader: ChainReader
    let interval: Duration
    let heartbeat: Duration
    let logger: Logger

    public init(reader: ChainReader, interval: Duration, heartbeat: Duration = .seconds(15), logger: Logger) {
        self.reader = reader
        self.interval = interval
        self.heartbeat = heartbeat
        self.logger = logger
    }

    public func run() async throws {
        defer { reader.events.close() }
        try? await cancelWhenGracefulShutdown {
            let clock = ContinuousClock()
            var lastBeat = clock.now
            var lastLook = clock.now - interval
            var fullInterval = interval
            var failing: String?
            // The look at every ref runs beside this loop, so `main` is still looked at every
            // 20 ms while a long listing goes on.
            var full: Task<Duration, Error>?
            let fullDone = FullLookFlag()
            while !Task.isCancelled {
                if let look = full, fullDone.take() {
                    full = nil
                    switch await look.result {
                    case .success(let took):
                        fullInterval = max(interval, took * 10)
                        failing = recovered(from: failing)
                    case .failure(let error):
                        failing = failed(error, before: failing)
                    }
                }
                // While the chain cannot be read, it is looked at every `interval` only.
                if failing == nil, (try? await reader.mainMoved()) == true {
                    do {
                        try await reader.refresh(mainOnly: true)
                        failing = recovered(from: failing)
                    } catch {
                        failing = failed(error, before: failing)
                    }
                }
                if full == nil, clock.now - lastLook >= fullInterval {
                    lastLook = clock.now
                    full = Task { [reader] in
                        defer { fullDone.set() }
                        let started = ContinuousClock.now
                        try await reader.refresh()
                        return ContinuousClock.now - started
                    }
                }
                if clock.now - lastBeat >= heartbeat {
                    reader.events.publish(.heartbeat)
                    lastBeat = clock.now
                }
                try await Task.sleep(for: min(interval, Self.mainInterval))
            }
            full?.cancel()
        }
    }

    private func recovered(from failing: String?) -> String? {
        if failing != nil { logger.notice("the chain is readable again") }
        return nil
    }

    private func failed(_ error: Error, before: String?) -> String {
        if before != "\(error)" {
            logger.error("the chain could not be read; still serving the last good model", metadata: ["error": "\(error)"])
        }
        return "\(error)"
    }
}

/// Set when a look at every ref has finished, so the watcher's loop collects it without waiting.
private final class FullLookFlag: Sendable {
    private let done = Atomic<Bool>(false)

    func set() { done.store(true, ordering: .releasing) }

    /// Whether the look finished; clears the flag.
    func take() -> Bool { done.exchange(false, ordering: .acquiringAndReleasing) }
}
