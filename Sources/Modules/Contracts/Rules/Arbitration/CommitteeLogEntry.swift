import PoTCore

/// What a committee's leader records in the committee's Raft log: each step of the dispute it
/// has seen on chain, and its own decision. Followers replicate the record; the chain needs none
/// of it (it recomputes everything from what blocks carry).
public enum CommitteeLogEntry: Equatable, Sendable, CustomStringConvertible {
    case sealed(PublicKey)
    case revealed(PublicKey, Verdict)
    case recovered(PublicKey, Verdict)
    case corrupt(PublicKey)
    /// `member`, at committee `position`, released its share of `sealer`'s verdict.
    case released(sealer: PublicKey, position: Int)
    case tallied(Verdict)
    case decided(Verdict, term: UInt64)

    /// The steps a dispute's state shows, in a fixed order: seals, verdicts, releases, tally.
    public static func steps(of dispute: Dispute, params: ChainParams) -> [CommitteeLogEntry] {
        var steps: [CommitteeLogEntry] = dispute.committee.filter { dispute.seals[$0] != nil }.map { .sealed($0) }
        for member in dispute.committee {
            switch dispute.verdicts[member] {
            case .revealed(let v): steps.append(.revealed(member, v))
            case .recovered(let v): steps.append(.recovered(member, v))
            case .corrupt: steps.append(.corrupt(member))
            case nil: break
            }
        }
        for sealer in dispute.committee {
            for position in (dispute.released[sealer] ?? [:]).keys.sorted() { steps.append(.released(sealer: sealer, position: position)) }
        }
        if dispute.talliedAt != nil { steps.append(.tallied(VerdictTally.tally(of: dispute, params: params))) }
        return steps
    }

    public var bytes: [UInt8] {
        func u(_ n: UInt64) -> CBOR { .unsigned(n) }
        let value: CBOR
        switch self {
        case .sealed(let k): value = .array([u(1), .bytes(k.bytes)])
        case let .revealed(k, v): value = .array([u(2), .bytes(k.bytes), u(v.workerShare)])
        case let .recovered(k, v): value = .array([u(3), .bytes(k.bytes), u(v.workerShare)])
        case .corrupt(let k): value = .array([u(4), .bytes(k.bytes)])
        case let .released(sealer, position): value = .array([u(5), .bytes(sealer.bytes), u(UInt64(position))])
        case .tallied(let v): value = .array([u(6), u(v.workerShare)])
        case let .decided(v, term): value = .array([u(7), u(v.workerShare), u(term)])
        }
        return value.encoded()
    }

    /// Decodes what ``bytes`` wrote; nil for anything else (an empty entry is a new leader's no-op).
    public init?(bytes: [UInt8]) {
        guard let value = try? CBOR.decode(bytes, limits: CBORLimits(maxDepth: 2, maxLength: 256)), value.encoded() == bytes,
              case .array(let list) = value, let type = try? list.first?.uint("type") else { return nil }
        func key(_ i: Int) -> PublicKey? { i < list.count ? (try? list[i].bytes("key", count: 32)).flatMap(PublicKey.init(bytes:)) : nil }
        func number(_ i: Int) -> UInt64? { i < list.count ? try? list[i].uint("number") : nil }
        func verdict(_ i: Int) -> Verdict? { number(i).flatMap { try? Verdict(checking: $0) } }
        switch (type, list.count) {
        case (1, 2): guard let k = key(1) else { return nil }; self = .sealed(k)
        case (2, 3): guard let k = key(1), let v = verdict(2) else { return nil }; self = .revealed(k, v)
        case (3, 3): guard let k = key(1), let v = verdict(2) else { return nil }; self = .recovered(k, v)
        case (4, 2): guard let k = key(1) else { return nil }; self = .corrupt(k)
        case (5, 3): guard let k = key(1), let p = number(2), p <= UInt64(ContractsLimits.maxCommittee) else { return nil }; self = .released(sealer: k, position: Int(p))
        case (6, 2): guard let v = verdict(1) else { return nil }; self = .tallied(v)
        case (7, 3): guard let v = verdict(1), let t = number(2) else { return nil }; self = .decided(v, term: t)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .sealed(let k): "\(k.short) sealed"
        case let .revealed(k, v): "\(k.short) revealed '\(v)'"
        case let .recovered(k, v): "\(k.short)'s verdict recovered: '\(v)'"
        case .corrupt(let k): "\(k.short)'s shares do not match its seal"
        case let .released(sealer, position): "share \(position) of \(sealer.short)'s verdict released"
        case .tallied(let v): "tally: \(v)"
        case let .decided(v, term): "decision '\(v)' posted in term \(term)"
        }
    }
}
