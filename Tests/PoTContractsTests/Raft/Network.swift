@testable import PoTContracts

/// Deterministic in-memory network in the style of etcd's `network` in
/// raft_test.go: `send` delivers breadth-first until no message is left.
/// Slots can be dead (etcd's `nopStepper`: messages to them vanish), links can
/// be cut, and message types can be ignored.
struct Network {
    struct Link: Hashable {
        var from: UInt64
        var to: UInt64
    }

    enum Slot {
        /// A node built with `makeNode` and the network's options.
        case fresh
        /// A prepared node; its id must match its position.
        case node(Node)
        /// A black hole.
        case dead
    }

    private(set) var nodes: [UInt64: Node] = [:]
    let ids: [UInt64]
    var cutLinks: Set<Link> = []
    var ignoredTypes: Set<RaftMessageType> = []
    /// Every message handed to a live node, in delivery order.
    private(set) var delivered: [Message] = []

    init(_ slots: [Slot], preVote: Bool = false, checkQuorum: Bool = false) {
        let allIDs = voterIDs(slots.count)
        self.ids = allIDs
        for (id, slot) in zip(allIDs, slots) {
            switch slot {
            case .fresh:
                nodes[id] = makeNode(id, voters: allIDs, preVote: preVote, checkQuorum: checkQuorum)
            case let .node(node):
                precondition(node.id == id, "node \(node.id) placed in slot \(id)")
                nodes[id] = node
            case .dead:
                break
            }
        }
    }

    /// `size` fresh nodes, the ones in `dead` replaced by black holes.
    init(size: Int, dead: Set<UInt64> = [], preVote: Bool = false, checkQuorum: Bool = false) {
        self.init(voterIDs(size).map { dead.contains($0) ? .dead : .fresh }, preVote: preVote, checkQuorum: checkQuorum)
    }

    subscript(id: UInt64) -> Node {
        get { nodes[id]! }
        set { nodes[id] = newValue }
    }

    mutating func send(_ messages: [Message]) {
        var queue = filter(messages)
        var head = 0
        while head < queue.count {
            let next = queue[head]
            head += 1
            guard nodes[next.to] != nil else { continue }
            delivered.append(next)
            queue += filter(nodes[next.to]!.step(next))
        }
    }

    /// etcd's `MsgHup` delivered to `id`.
    mutating func campaign(_ id: UInt64) {
        send(nodes[id]!.campaign())
    }

    /// etcd's `MsgProp` to `id`, which must be the leader.
    mutating func propose(_ id: UInt64, _ data: [UInt8] = Array("somedata".utf8)) {
        let proposal = try! nodes[id]!.propose(data)
        send(proposal.messages)
    }

    /// Ticks one node and delivers what it sends.
    mutating func tick(_ id: UInt64) {
        send(nodes[id]!.tick())
    }

    /// Ticks every live node once, in id order, delivering as it goes.
    mutating func tickAll() {
        for id in ids where nodes[id] != nil {
            tick(id)
        }
    }

    mutating func cut(_ a: UInt64, _ b: UInt64) {
        cutLinks.insert(Link(from: a, to: b))
        cutLinks.insert(Link(from: b, to: a))
    }

    mutating func isolate(_ id: UInt64) {
        for other in ids where other != id {
            cut(id, other)
        }
    }

    mutating func ignore(_ type: RaftMessageType) {
        ignoredTypes.insert(type)
    }

    mutating func recover() {
        cutLinks = []
        ignoredTypes = []
    }

    private func filter(_ messages: [Message]) -> [Message] {
        messages.filter { message in
            !cutLinks.contains(Link(from: message.from, to: message.to)) && !ignoredTypes.contains(message.type)
        }
    }
}
