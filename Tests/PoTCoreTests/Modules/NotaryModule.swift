@testable import PoTCore

/// A module that exists only in the tests, to show what adding one takes: one kind of object
/// (a member notarizes a digest), one payload key, one rule, one parameter, a bond through the
/// ledger, and a hook when a height becomes final (the bond is given back).
enum NotaryModule: ChainModule {
    typealias Section = NotarySection
    typealias State = NotaryState
    typealias Report = NotaryReport
    static let name = "notary"
    static let summary = "a test module: members notarize digests"
    static let payloadKey: UInt64 = 9
    static let kind = ModuleObjectKind(Notarization.self, shortName: "notarization", wireKind: 19, refRoot: "notary") { signed, _ in signed.body.digest.hex }
    static let kinds = [kind]
    static let rules: [BlockRejection.Rule] = [.notarization]
    static let bond = ModuleParameter("notary.bond", default: 5, range: 1...1_000_000, summary: "mT locked per notarization until final")
    static let parameters = [bond]

    static func initialState(_ params: ChainParams) -> NotaryState { NotaryState() }

    static func apply(_ section: NotarySection, in block: inout ModuleBlock<NotaryModule>) throws {
        for signed in section.notarizations { try notarize(signed, in: &block) }
    }

    /// The module's one rule, written once: the notary is a member and the digest is new.
    static func refusal(_ n: Notarization, isMember: Bool, state: NotaryState, named: (PublicKey) -> String) -> BlockRejection? {
        guard isMember, state.notarized[n.digest] == nil else {
            return BlockRejection(.notarization, "\(named(n.notary)) is not a member, or \(n.digest.short) is already notarized")
        }
        return nil
    }

    static func notarize(_ signed: Signed<Notarization>, in block: inout ModuleBlock<NotaryModule>) throws {
        try block.requireSignature(signed, .notarization)
        let n = signed.body
        if let refusal = refusal(n, isMember: block.isMember(n.notary), state: block.state, named: { $0.short }) { throw refusal }
        try block.lockBond(n.notary, block.parameter(bond))
        block.state.notarized[n.digest] = Notarized(notary: n.notary, height: block.height)
        block.report.count += 1
    }

    static func pendingSection(_ objects: [any SignedObject]) -> NotarySection {
        var section = NotarySection()
        section.notarizations = objects.compactMap { $0 as? Signed<Notarization> }
        return section
    }

    static func admit(_ object: any SignedObject, on state: ChainState, stored: (ModuleObjectKind, Hash256) -> (any SignedObject)?,
                      named: (PublicKey) -> String) -> BlockRejection? {
        guard let n = (object as? Signed<Notarization>)?.body else { return BlockRejection(.notarization, "not a notarization") }
        return refusal(n, isMember: state.isMember(n.notary), state: state.state(of: NotaryModule.self), named: named)
    }

    static func heightFinal(_ height: UInt64, in block: inout ModuleBlock<NotaryModule>) {
        for digest in block.state.notarized.keys.sorted() where block.state.notarized[digest]!.height == height {
            try? block.unlockBond(block.state.notarized[digest]!.notary, block.parameter(bond))
        }
    }

    static func select(_ pending: NotarySection, in block: inout ModuleBlock<NotaryModule>) -> NotarySection {
        var chosen = NotarySection()
        for signed in pending.notarizations where block.attempt({ try notarize(signed, in: &$0) }) {
            chosen.notarizations.append(signed)
        }
        return chosen
    }
}

extension DomainTag { static let notarization = DomainTag("pot/test/notary/v1") }
extension BlockRejection.Rule { static let notarization = Self("notarization") }

struct Notarization: SignableBody {
    static let domain = DomainTag.notarization
    static let objectName = "notarization"
    static let maxSignedBytes = 512
    var signer: PublicKey { notary }
    var notary: PublicKey
    var digest: Hash256

    init(notary: PublicKey, digest: Hash256) { self.notary = notary; self.digest = digest }
    func cbor() -> CBOR { .map([1: .bytes(notary.bytes), 2: .bytes(digest.bytes)]) }
    init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "notarization", allowedKeys: [1, 2])
        notary = try f.publicKey(1)
        digest = try f.hash(2)
    }
}

struct NotarySection: ModuleSection {
    var notarizations: [Signed<Notarization>] = []
    init() {}
    var isEmpty: Bool { notarizations.isEmpty }
    var withinLimits: Bool { notarizations.count <= 8 }
    var signedObjects: [any SignedObject] { notarizations }
    func cbor() -> CBOR { .map([1: .array(notarizations.map { $0.cbor() })]) }
    init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "notary section", allowedKeys: [1])
        notarizations = try f.array(1, max: 8).map { try Signed<Notarization>(cbor: $0) }
    }
}

struct Notarized: Equatable, Sendable {
    var notary: PublicKey
    var height: UInt64
}

struct NotaryState: ModuleState {
    var notarized: [Hash256: Notarized] = [:]
    init() {}
    func cacheEncoding() -> CBOR {
        .array(notarized.keys.sorted().map { .array([.bytes($0.bytes), .bytes(notarized[$0]!.notary.bytes), .unsigned(notarized[$0]!.height)]) })
    }
    init(cacheEncoding: CBOR) throws {
        for entry in try cacheEncoding.array("notarized", max: 1 << 16) {
            let e = try entry.array("notarized entry", max: 3)
            notarized[try e[0].hash256("digest")] = Notarized(
                notary: PublicKey(bytes: try e[1].bytes("notary", count: 32))!, height: try e[2].uint("height"))
        }
    }
}

struct NotaryReport: ModuleReport {
    var count = 0
    init() {}
    var isEmpty: Bool { count == 0 }
}
