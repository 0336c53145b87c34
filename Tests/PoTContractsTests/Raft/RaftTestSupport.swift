@testable import PoTContracts

typealias Node = RaftNode<UInt64>
typealias Message = RaftMessage<UInt64>

/// Voter ids 1...n, as in etcd's `idsBySize`.
func voterIDs(_ count: Int) -> [UInt64] {
    (1 ... UInt64(count)).map { $0 }
}

/// Builds a node the way etcd's `newTestRaft` does: election 10, heartbeat 1
/// and, unlike this package's defaults, PreVote and CheckQuorum off.
func makeNode(
    _ id: UInt64,
    voters: [UInt64] = [1, 2, 3],
    election: Int = 10,
    heartbeat: Int = 1,
    preVote: Bool = false,
    checkQuorum: Bool = false,
    hardState: HardState<UInt64> = HardState(),
    entries: [LogEntry] = [],
    seed: UInt64? = nil
) -> Node {
    let config = RaftConfig(
        id: id,
        voters: voters,
        electionTimeout: election,
        heartbeatTimeout: heartbeat,
        preVote: preVote,
        checkQuorum: checkQuorum,
        seed: seed ?? id &* 0x9E37_79B9_7F4A_7C15
    )
    return try! Node(config: config, hardState: hardState, entries: entries)
}

/// A log whose entry `i + 1` has term `terms[i]`.
func log(terms: [UInt64]) -> [LogEntry] {
    terms.enumerated().map { LogEntry(index: UInt64($0.offset + 1), term: $0.element) }
}

func message(_ from: UInt64, _ to: UInt64, term: UInt64, _ kind: Message.Kind) -> Message {
    Message(from: from, to: to, term: term, kind: kind)
}

extension Array where Element == Message {
    func ofType(_ type: RaftMessageType) -> [Message] {
        filter { $0.type == type }
    }
}

extension Node {
    /// Ticks `count` times, collecting everything the node wanted to send.
    mutating func tick(times count: Int) -> [Message] {
        var sent: [Message] = []
        for _ in 0 ..< count {
            sent += tick()
        }
        return sent
    }
}
