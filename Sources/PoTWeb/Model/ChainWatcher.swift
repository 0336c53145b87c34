import Logging
import ServiceLifecycle

/// Looks at the refs every `interval` and rebuilds the model when they changed; wakes the event
/// streams every `heartbeat`. Stops on graceful shutdown, ending every event stream.
public struct ChainWatcher: Service {
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
            var failing: String?
            while !Task.isCancelled {
                do {
                    try await reader.refresh()
                    if failing != nil { logger.notice("the chain is readable again") }
                    failing = nil
                } catch {
                    if failing != "\(error)" {
                        logger.error("the chain could not be read; still serving the last good model", metadata: ["error": "\(error)"])
                    }
                    failing = "\(error)"
                }
                if clock.now - lastBeat >= heartbeat {
                    reader.events.publish(.heartbeat)
                    lastBeat = clock.now
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
