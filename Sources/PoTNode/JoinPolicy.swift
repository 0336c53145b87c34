/// How patiently a node joining a chain asks its peers for the genesis parameters
/// (NET-JOIN-RETRY): attempts go to the given peers in turn; after each full round without an
/// answer the node waits, 1 s after the first round and twice as long after each further one,
/// at most 16 s.
public struct JoinPolicy: Sendable, Equatable {
    /// Attempts in all, over every peer, before joining fails.
    public var attempts: Int
    public var firstPause: Duration = .seconds(1)
    public var longestPause: Duration = .seconds(16)

    /// The default: 8 attempts, which with one peer spans about a minute.
    public static let defaultAttempts = 8

    public init(attempts: Int = JoinPolicy.defaultAttempts) { self.attempts = attempts }

    /// The pause after failed attempt `attempt` (from 1) among `peers` peers: none between the
    /// peers of one round, then a doubling pause at the end of each round.
    public func pause(after attempt: Int, peers: Int) -> Duration {
        let count = max(peers, 1)
        guard attempt % count == 0 else { return .zero }
        let round = attempt / count - 1
        var pause = firstPause
        for _ in 0..<min(round, 16) where pause < longestPause { pause *= 2 }
        return min(pause, longestPause)
    }
}
