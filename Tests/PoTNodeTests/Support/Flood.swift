import Foundation

/// Idle connections to `port` from loopback, kept at `count`: each one the daemon closes is
/// reopened (at most `perRound` each round, `pause` seconds apart) until `stop` is called or
/// `rounds` run out.
final class Flood: @unchecked Sendable {
    let port: Int
    private let lock = NSLock()
    private var stopped = false
    private var opened = 0
    private var sockets: [RawSocket] = []
    private var thread: Thread?

    init(port: Int, count: Int) throws {
        self.port = port
        for _ in 0..<count { sockets.append(try RawSocket(port: port)) }
        opened = count
    }

    func keepUp(perRound: Int, pause: Double, rounds: Int = 1200) {
        let thread = Thread { [self] in
            for _ in 0..<rounds where !lock.withLock({ stopped }) {
                var reopened = 0
                for i in sockets.indices where reopened < perRound && sockets[i].isClosed() {
                    guard let fresh = try? RawSocket(port: port) else { continue }
                    sockets[i] = fresh
                    reopened += 1
                }
                lock.withLock { opened += reopened }
                Thread.sleep(forTimeInterval: pause)
            }
            lock.withLock { stopped = true }
        }
        self.thread = thread
        thread.start()
    }

    /// Stops reopening; returns how many connections were opened in all.
    func stop() -> Int {
        lock.withLock { stopped = true }
        while thread?.isFinished == false { Thread.sleep(forTimeInterval: 0.01) }
        sockets = []
        return lock.withLock { opened }
    }
}
