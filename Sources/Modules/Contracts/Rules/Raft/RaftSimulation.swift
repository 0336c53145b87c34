/// A seeded cluster simulation: every tick, the live nodes tick in a random
/// order and each message is delivered after a random latency of
/// 0...`maxLatency` ticks (0 = later in the same tick; the default 1 means a
/// one-way delay of up to one heartbeat interval). Nodes can crash and
/// restart from the state they last returned (the host persists before sending).
public struct RaftSimulation {
    public typealias Node = RaftNode<UInt64>
    public typealias Message = RaftMessage<UInt64>

    public let configs: [RaftConfig<UInt64>]
    public let maxLatency: UInt64
    public private(set) var nodes: [Node?]
    private var disks: [(HardState<UInt64>, [LogEntry])]
    private var random: SplitMix64
    public private(set) var now: UInt64 = 0
    private var inFlight: [UInt64: [Message]] = [:]
    /// Leader seen for each term, to check election safety.
    public private(set) var leaderOfTerm: [UInt64: UInt64] = [:]
    public private(set) var safetyViolations: [String] = []
    /// Every delivered message, when recording.
    public private(set) var trace: [Message] = []
    public var recordTrace = false

    public init(seed: UInt64, size: Int = 5, electionTimeout: Int = 10, maxLatency: UInt64 = 1) {
        var random = SplitMix64(seed: seed)
        let voters = (1...UInt64(size)).map { $0 }
        configs = voters.map { id in
            RaftConfig(id: id, voters: voters, electionTimeout: electionTimeout, heartbeatTimeout: 1,
                       preVote: true, checkQuorum: true, seed: random.next())
        }
        nodes = configs.map { try! Node(config: $0) }
        disks = Array(repeating: (HardState(), []), count: size)
        self.random = random
        self.maxLatency = maxLatency
    }

    public var electionTimeout: Int { configs[0].electionTimeout }

    /// The live leader with the highest term.
    public var leader: Node? {
        nodes.compactMap { $0 }.filter { $0.role == .leader }.max { $0.term < $1.term }
    }

    public mutating func tick() {
        now += 1
        var order = nodes.indices.filter { nodes[$0] != nil }
        shuffle(&order)
        for index in order {
            schedule(nodes[index]!.tick())
        }
        while let due = inFlight.removeValue(forKey: now) {
            for message in due {
                let index = Int(message.to - 1)
                guard nodes[index] != nil else { continue }
                if recordTrace {
                    trace.append(message)
                }
                schedule(nodes[index]!.step(message))
            }
        }
        checkElectionSafety()
    }

    public mutating func run(ticks: Int) {
        for _ in 0 ..< ticks {
            tick()
        }
    }

    /// Ticks until `condition` holds; returns the number of ticks, or nil after `limit`.
    public mutating func run(until condition: (RaftSimulation) -> Bool, limit: Int) -> Int? {
        var elapsed = 0
        while !condition(self) {
            guard elapsed < limit else { return nil }
            tick()
            elapsed += 1
        }
        return elapsed
    }

    public mutating func propose(_ data: [UInt8]) {
        guard let leaderID = leader?.id else { return }
        let index = Int(leaderID - 1)
        if let proposal = try? nodes[index]!.propose(data) {
            schedule(proposal.messages)
        }
    }

    public mutating func crash(_ id: UInt64) {
        let index = Int(id - 1)
        let node = nodes[index]!
        disks[index] = (node.hardState, node.log.entries)
        nodes[index] = nil
    }

    public mutating func restart(_ id: UInt64) {
        let index = Int(id - 1)
        let (hardState, entries) = disks[index]
        nodes[index] = try! Node(config: configs[index], hardState: hardState, entries: entries)
    }

    /// Committed prefixes of all live nodes agree.
    public var committedLogsAgree: Bool {
        let live = nodes.compactMap { $0 }
        guard let longest = live.max(by: { $0.commitIndex < $1.commitIndex }) else { return true }
        let reference = longest.log.committedEntries(after: 0)
        return live.allSatisfy { Array(reference.prefix(Int($0.commitIndex))) == Array($0.log.committedEntries(after: 0)) }
    }

    private mutating func schedule(_ messages: [Message]) {
        for message in messages {
            let delay = random.next(below: maxLatency + 1)
            inFlight[now + delay, default: []].append(message)
        }
    }

    private mutating func shuffle(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, Int(random.next(below: UInt64(i + 1))))
        }
    }

    private mutating func checkElectionSafety() {
        for case let node? in nodes where node.role == .leader {
            if let previous = leaderOfTerm[node.term], previous != node.id {
                safetyViolations.append("term \(node.term): leaders \(previous) and \(node.id)")
            }
            leaderOfTerm[node.term] = node.id
        }
    }
}
