import Logging
import ServiceLifecycle

/// Looks at every ref under refs/pot/ every `interval` (or ten times as long as such a look
/// took, when that is longer: on a long chain listing the block refs is slow), and at `main`
/// alone every `mainInterval`, so a new block reaches the pages without waiting for either; it
/// rebuilds the model when they changed. Wakes the event streams every `heartbeat`. Stops on
/// graceful shutdown, ending every event stream.
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
            while !Task.isCancelled {
                // While the chain cannot be read, it is looked at every `interval` only.
                var mainMoved = false
                if failing == nil { mainMoved = (try? await reader.mainMoved()) == true }
                let full = clock.now - lastLook >= fullInterval
                if mainMoved || full {
                    do {
                        if full {
                            let started = clock.now
                            lastLook = started
                            try await reader.refresh()
                            fullInterval = max(interval, (clock.now - started) * 10)
                        } else {
                            try await reader.refresh(mainOnly: true)
                        }
                        if failing != nil { logger.notice("the chain is readable again") }
                        failing = nil
                    } catch {
                        if failing != "\(error)" {
                            logger.error("the chain could not be read; still serving the last good model", metadata: ["error": "\(error)"])
                        }
                        failing = "\(error)"
                    }
                }
                if clock.now - lastBeat >= heartbeat {
                    reader.events.publish(.heartbeat)
                    lastBeat = clock.now
                }
                try await Task.sleep(for: min(interval, Self.mainInterval))
            }
        }
    }
}
