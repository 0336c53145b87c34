import PoTCore

/// The contracts section of a payload: each kind of object in its own list, applied in the order
/// of their keys, `{1: posts, 2: acceptances, 3: deliveries, 4: approvals, 5: ratings,
/// 6: disputes, 7: arbiter keys, 8: seals, 9: reveals, 10: share releases, 11: decisions}`,
/// empty lists omitted.
public struct ContractsSection: ModuleSection {
    public var posts: [SignedTaskPost] = []
    public var acceptances: [SignedTaskAcceptance] = []
    public var deliveries: [SignedTaskDelivery] = []
    public var approvals: [SignedTaskApproval] = []
    public var ratings: [SignedTaskRating] = []
    public var disputes: [SignedTaskDispute] = []
    public var arbiterKeys: [SignedArbiterKey] = []
    public var seals: [SignedVerdictSeal] = []
    public var reveals: [SignedVerdictReveal] = []
    public var releases: [SignedShareRelease] = []
    public var decisions: [SignedArbitrationDecision] = []

    public init() {}

    /// Sorts `objects` into their lists (objects of other modules are left out).
    public init(_ objects: [any SignedObject]) {
        for object in objects {
            switch object {
            case let o as SignedTaskPost: posts.append(o)
            case let o as SignedTaskAcceptance: acceptances.append(o)
            case let o as SignedTaskDelivery: deliveries.append(o)
            case let o as SignedTaskApproval: approvals.append(o)
            case let o as SignedTaskRating: ratings.append(o)
            case let o as SignedTaskDispute: disputes.append(o)
            case let o as SignedArbiterKey: arbiterKeys.append(o)
            case let o as SignedVerdictSeal: seals.append(o)
            case let o as SignedVerdictReveal: reveals.append(o)
            case let o as SignedShareRelease: releases.append(o)
            case let o as SignedArbitrationDecision: decisions.append(o)
            default: break
            }
        }
    }

    /// Every object, in the order a block applies them.
    public var signedObjects: [any SignedObject] {
        let lists: [[any SignedObject]] = [posts, acceptances, deliveries, approvals, ratings, disputes, arbiterKeys, seals, reveals,
                                           releases, decisions]
        return lists.flatMap { $0 }
    }

    public var isEmpty: Bool { signedObjects.isEmpty }

    public var withinLimits: Bool { counts.allSatisfy { $0 <= ContractsLimits.maxPerBlock } }

    private var counts: [Int] {
        [posts.count, acceptances.count, deliveries.count, approvals.count, ratings.count, disputes.count, arbiterKeys.count, seals.count,
         reveals.count, releases.count, decisions.count]
    }

    public func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [:]
        func put<Body>(_ key: UInt64, _ list: [Signed<Body>]) { if !list.isEmpty { fields[key] = .array(list.map { $0.cbor() }) } }
        put(1, posts); put(2, acceptances); put(3, deliveries); put(4, approvals); put(5, ratings); put(6, disputes)
        put(7, arbiterKeys); put(8, seals); put(9, reveals); put(10, releases); put(11, decisions)
        return .map(fields)
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "contracts section", allowedKeys: Set(1...11))
        func list<Body>(_ key: UInt64) throws -> [Signed<Body>] {
            guard let values = try f.optionalArray(key, max: ContractsLimits.maxPerBlock) else { return [] }
            guard !values.isEmpty else { throw ObjectError("contracts section is not in canonical form (an empty list must be omitted)") }
            return try values.map { try Signed<Body>(cbor: $0) }
        }
        posts = try list(1); acceptances = try list(2); deliveries = try list(3); approvals = try list(4); ratings = try list(5)
        disputes = try list(6); arbiterKeys = try list(7); seals = try list(8); reveals = try list(9); releases = try list(10)
        decisions = try list(11)
        guard !isEmpty else { throw ObjectError("payload is not in canonical form (an empty contracts section must be omitted)") }
    }
}
