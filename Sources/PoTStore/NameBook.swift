import PoTCore

/// Where a name comes from, in order of precedence: a key on this machine, the genesis
/// parameters (bound by the chain id), or a claim signed by the named key.
public enum NameSource: String, Sendable, Encodable, Comparable {
    case local, genesis, claim

    public static func < (a: NameSource, b: NameSource) -> Bool { a.rank < b.rank }
    private var rank: Int { switch self { case .local: 0; case .genesis: 1; case .claim: 2 } }
}

/// A label and the key it names.
public struct NameBinding: Sendable, Equatable {
    public let label: String
    public let key: PublicKey
    public let source: NameSource
}

/// One label that more than one key is bound to or claims. `winner` is the key a local or
/// genesis name settles it for; a conflict between claims alone has no winner and the label
/// names nobody until it is resolved by hand.
public struct NameConflict: Sendable, Equatable {
    public let label: String
    public let candidates: [NameBinding]
    public let winner: NameBinding?

    public var description: String {
        let keys = candidates.map { "\($0.key.hex) (\($0.source.rawValue))" }.joined(separator: ", ")
        if let winner {
            return "the label '\(label)' is claimed by \(candidates.count) keys: \(keys); the \(winner.source.rawValue) name wins"
        }
        return "the label '\(label)' is claimed by \(candidates.count) keys: \(keys); it names none of them (give a public key instead)"
    }
}

/// Every name this repository knows, with the conflicts between them. Pure: built from the
/// three sources, so the precedence rules are tested without a repository.
public struct NameBook: Sendable {
    public private(set) var bindings: [String: NameBinding] = [:]
    public private(set) var conflicts: [NameConflict] = []

    public init(local: [(label: String, key: PublicKey)], genesis: [String: PublicKey], claims: [(label: String, key: PublicKey)]) {
        var byLabel: [String: [NameBinding]] = [:]
        for (label, key) in local { byLabel[label, default: []].append(NameBinding(label: label, key: key, source: .local)) }
        for (label, key) in genesis { byLabel[label, default: []].append(NameBinding(label: label, key: key, source: .genesis)) }
        for (label, key) in claims { byLabel[label, default: []].append(NameBinding(label: label, key: key, source: .claim)) }
        for (label, all) in byLabel {
            // One entry per key, from its strongest source.
            var strongest: [PublicKey: NameBinding] = [:]
            for binding in all where strongest[binding.key].map({ binding.source < $0.source }) ?? true { strongest[binding.key] = binding }
            let candidates = strongest.values.sorted { ($0.source, $0.key) < ($1.source, $1.key) }
            let first = candidates[0]
            let winner: NameBinding? = candidates.count == 1 || first.source != .claim ? first : nil
            if let winner { bindings[label] = winner }
            if candidates.count > 1 { conflicts.append(NameConflict(label: label, candidates: candidates, winner: winner)) }
        }
        conflicts.sort { Array($0.label.utf8).lexicographicallyPrecedes(Array($1.label.utf8)) }
    }

    /// Label → key for every label that names exactly one key (after precedence).
    public var labels: [String: PublicKey] { bindings.mapValues(\.key) }

    /// Key → label: the strongest source first, then the smallest label.
    public var names: [PublicKey: String] {
        var names: [PublicKey: NameBinding] = [:]
        for binding in bindings.values {
            if let current = names[binding.key], !NameBook.precedes(binding, current) { continue }
            names[binding.key] = binding
        }
        return names.mapValues(\.label)
    }

    private static func precedes(_ a: NameBinding, _ b: NameBinding) -> Bool {
        a.source != b.source ? a.source < b.source : Array(a.label.utf8).lexicographicallyPrecedes(Array(b.label.utf8))
    }

    /// The conflict that leaves `label` naming nobody, if any.
    public func unresolvedConflict(_ label: String) -> NameConflict? {
        conflicts.first { $0.label == label && $0.winner == nil }
    }
}
