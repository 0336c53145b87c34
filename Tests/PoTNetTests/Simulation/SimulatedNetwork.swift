import PoTNet
import PoTTestSupport

/// Many endpoints in one process on a simulated clock: each frame is delivered after a random
/// delay (in order per direction, like TCP), lost with some probability, and dropped entirely
/// between the two sides of a partition.
final class SimulatedNetwork {
    private enum Event {
        case deliver(end: PeerID, bytes: [UInt8])
        case hangUp(end: PeerID)
        case tick(String)
        case task(() -> Void)
    }

    private struct Scheduled {
        let time: UInt64
        let order: UInt64
        let event: Event
    }

    private(set) var now: UInt64 = 0
    var lossRate = 0.1
    var delayRange: ClosedRange<UInt64> = 5...80
    var tickInterval: UInt64 = 100
    /// Addresses cut off from the rest while the partition lasts.
    var partition: Set<String> = []
    private(set) var framesSent = 0
    private(set) var framesLost = 0

    private var endpoints: [String: SimEndpoint] = [:]
    private var queue: [Scheduled] = []
    private var order: UInt64 = 0
    private var random: SplitMix64
    private var nextEnd: PeerID = 1
    /// For each connection end: its owner and the opposite end.
    private var ends: [PeerID: (owner: String, other: PeerID)] = [:]
    private var lastDelivery: [PeerID: UInt64] = [:]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    func add(_ endpoint: SimEndpoint) {
        endpoints[endpoint.address] = endpoint
        schedule(at: now + UInt64.random(in: 0..<tickInterval, using: &random), .tick(endpoint.address))
    }

    func at(_ time: UInt64, _ task: @escaping () -> Void) { schedule(at: time, .task(task)) }

    private func schedule(at time: UInt64, _ event: Event) {
        order += 1
        let item = Scheduled(time: time, order: order, event: event)
        // Binary insertion keeps the queue sorted by (time, order).
        var low = 0, high = queue.count
        while low < high {
            let mid = (low + high) / 2
            if (queue[mid].time, queue[mid].order) < (time, order) { low = mid + 1 } else { high = mid }
        }
        queue.insert(item, at: low)
    }

    private func separated(_ a: String, _ b: String) -> Bool {
        partition.contains(a) != partition.contains(b)
    }

    /// Runs events until `time`.
    func run(until time: UInt64) {
        while let first = queue.first, first.time <= time {
            queue.removeFirst()
            now = first.time
            switch first.event {
            case let .deliver(end, bytes):
                guard let owner = ends[end]?.owner, let endpoint = endpoints[owner] else { continue }
                perform(endpoint.received(bytes, on: end, now: now), by: owner)
            case let .hangUp(end):
                guard let owner = ends.removeValue(forKey: end)?.owner else { continue }
                endpoints[owner]?.disconnected(end, now: now)
            case let .tick(address):
                guard let endpoint = endpoints[address] else { continue }
                perform(endpoint.tick(now: now), by: address)
                schedule(at: now + tickInterval, .tick(address))
            case let .task(body):
                body()
            }
        }
        now = max(now, time)
    }

    func perform(_ actions: [SimAction], by owner: String) {
        for action in actions {
            switch action {
            case let .send(end, bytes):
                guard let link = ends[end], let peer = ends[link.other] else { continue }
                framesSent += 1
                if separated(owner, peer.owner) { framesLost += 1; continue }
                if !Self.isHandshake(bytes), Double.random(in: 0..<1, using: &random) < lossRate {
                    framesLost += 1
                    continue
                }
                let delay = UInt64.random(in: delayRange, using: &random)
                let at = max(now + delay, lastDelivery[end] ?? 0)
                lastDelivery[end] = at
                schedule(at: at, .deliver(end: link.other, bytes: bytes))
            case let .close(end):
                guard let link = ends.removeValue(forKey: end) else { continue }
                let at = max(now + 1, lastDelivery[end] ?? 0) + 1
                schedule(at: at, .hangUp(end: link.other))
            case let .connect(address):
                guard let target = endpoints[address], !separated(owner, address) else {
                    endpoints[owner]?.dialFailed(address)
                    continue
                }
                let mine = nextEnd, theirs = nextEnd + 1
                nextEnd += 2
                ends[mine] = (owner, theirs)
                ends[theirs] = (address, mine)
                perform(endpoints[owner]!.connected(mine, remote: address, outbound: true, now: now), by: owner)
                perform(target.connected(theirs, remote: owner, outbound: false, now: now), by: address)
            }
        }
    }

    /// Hello and auth frames are never lost, so that connections form; everything after is.
    static func isHandshake(_ frame: [UInt8]) -> Bool {
        // A message is a map whose first key, 0, holds its type: hello is 1, auth is 2.
        frame.count > 6 && frame[5] == 0 && (frame[6] == 1 || frame[6] == 2)
    }
}
