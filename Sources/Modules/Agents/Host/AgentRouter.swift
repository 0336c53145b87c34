import PoTAgents
import PoTCore

/// Ranks agents for a task that needs some capabilities: verified agents that are not
/// fraudulent, by how many of the needed tags they cover, then reputation (measured accuracy),
/// then bond, then name. The first `top` are the choice, the next `top` the fallbacks.
public enum AgentRouter {
    public struct Candidate: Sendable, Encodable {
        public let name: String
        public let id: String
        public let covered: [String]
        public let coverage_ppm: UInt64
        public let reputation_ppm: UInt64?
        public let bond_mt: UInt64
        public let role: String
        /// Why it stands where it does, in words.
        public let why: String
    }

    struct Key: Comparable {
        let covered: Int, reputation: UInt64, bond: UInt64, name: String
        static func < (a: Key, b: Key) -> Bool {
            if a.covered != b.covered { return a.covered > b.covered }
            if a.reputation != b.reputation { return a.reputation > b.reputation }
            if a.bond != b.bond { return a.bond > b.bond }
            return a.name < b.name
        }
    }

    /// The choice and its fallbacks among `agents` for `needs`: one pass scores every agent
    /// without copying it, a quickselect finds the best k = 2·top (O(n) on average), and only
    /// those k are sorted.
    public static func route(_ agents: [Agent], needs: [String], top: Int) -> [Candidate] {
        let needed = Array(Set(needs)).sorted()
        var scored: [(key: Key, index: Int)] = []
        scored.reserveCapacity(agents.count)
        for i in agents.indices where agents[i].fraud == nil && agents[i].proof?.verifiedAt != nil {
            var covered = 0
            for tag in agents[i].registration.tags where needed.contains(tag) { covered += 1 }
            guard covered > 0 else { continue }
            scored.append((Key(covered: covered, reputation: agents[i].reputationPpm ?? 0, bond: agents[i].registration.bond, name: agents[i].name), i))
        }
        let best = partialSort(scored, count: min(scored.count, 2 * top)) { $0.key < $1.key }
        return best.enumerated().map { rank, entry in
            let a = agents[entry.index]
            let covered = a.registration.tags.filter(needed.contains)
            let coverage = UInt64(covered.count) * 1_000_000 / UInt64(max(needed.count, 1))
            let reputation = a.reputationPpm.map { "accuracy \(Percent.text(ppm: $0)) measured by the chain on \(a.evaluation?.holdout?.count ?? 0) held-out rows" }
                ?? "not measured yet"
            let missing = needed.filter { !covered.contains($0) }
            let why = "covers \(covered.count) of \(needed.count) (\(covered.joined(separator: ", "))\(missing.isEmpty ? "" : "; lacks \(missing.joined(separator: ", "))")); \(reputation); bond \(a.registration.bond) mT"
            return Candidate(name: a.name, id: a.id.hex, covered: covered, coverage_ppm: coverage, reputation_ppm: a.reputationPpm,
                             bond_mt: a.registration.bond, role: rank < top ? "choice" : "fallback", why: why)
        }
    }

    /// The `count` smallest elements in order, by quickselect then a sort of those only.
    static func partialSort<T>(_ items: [T], count: Int, by less: (T, T) -> Bool) -> [T] {
        guard count < items.count else { return items.sorted(by: less) }
        guard count > 0 else { return [] }
        var items = items
        var low = 0, high = items.count - 1
        while low < high {
            let pivot = items[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while less(items[i], pivot) { i += 1 }
                while less(pivot, items[j]) { j -= 1 }
                if i <= j { items.swapAt(i, j); i += 1; j -= 1 }
            }
            if count - 1 <= j { high = j } else if count - 1 >= i { low = i } else { break }
        }
        return items.prefix(count).sorted(by: less)
    }
}
