import Testing
@testable import PoTCore

@Suite("Object validity")
struct ObjectValidationTests {
    static func accounts(_ n: Int) -> [ChainParams.InitialAccount] {
        (0 ..< n).map { .init(key: Fx.key(UInt8(10 + $0)).publicKey, balance: 100) }
    }

    static func params(k: UInt64 = 2, alpha: UInt64 = 1000, accounts: [ChainParams.InitialAccount] = accounts(2), note: String = "") throws -> ChainParams {
        try ChainParams(confirmations: k, alpha: alpha, initialAccounts: accounts, createdAt: 5, note: note)
    }

    @Test("OBJ-PARAMS: K must be in 1...64", arguments: [(UInt64(0), false), (1, true), (2, true), (64, true), (65, false), (UInt64.max, false)])
    func confirmations(k: UInt64, valid: Bool) {
        #expect((thrownError { _ = try Self.params(k: k) } == nil) == valid)
    }

    @Test("OBJ-PARAMS: alpha must be in 1...TrustScoring.maxAlpha")
    func alpha() {
        #expect(TrustScoring.maxAlpha == 1_000_000)
        #expect(isObjectError { _ = try Self.params(alpha: 0) })
        #expect(thrownError { _ = try Self.params(alpha: 1) } == nil)
        #expect(thrownError { _ = try Self.params(alpha: TrustScoring.maxAlpha) } == nil)
        #expect(isObjectError { _ = try Self.params(alpha: TrustScoring.maxAlpha + 1) })
    }

    @Test("OBJ-PARAMS: initial accounts are non-empty and distinct; the note is at most 1024 bytes")
    func accounts() throws {
        #expect(isObjectError { _ = try Self.params(accounts: []) })
        let a = ChainParams.InitialAccount(key: Fx.alice.publicKey, balance: 1)
        let a2 = ChainParams.InitialAccount(key: Fx.alice.publicKey, balance: 2)
        #expect(isObjectError { _ = try Self.params(accounts: [a, a2]) })
        #expect(isObjectError { _ = try Self.params(accounts: [a, a]) })
        #expect(try Self.params(accounts: [a]).initialAccounts == [a])
        #expect(thrownError { _ = try Self.params(note: String(repeating: "n", count: 1024)) } == nil)
        #expect(thrownError { _ = try Self.params(note: String(repeating: "n", count: 1025)) } != nil)
    }

    @Test("OBJ-PARAMS: the decoder applies the same checks")
    func decoderChecksParams() throws {
        let good = try Self.params()
        guard case .map(let fields) = good.cbor() else { Issue.record("not a map"); return }
        var f = fields; f[1] = .unsigned(0)
        #expect(isObjectError { _ = try ChainParams(cbor: .map(f)) })
        f = fields; f[1] = .unsigned(65)
        #expect(isObjectError { _ = try ChainParams(cbor: .map(f)) })
        f = fields; f[2] = .unsigned(0)
        #expect(isObjectError { _ = try ChainParams(cbor: .map(f)) })
        f = fields; f[2] = .unsigned(TrustScoring.maxAlpha + 1)
        #expect(isObjectError { _ = try ChainParams(cbor: .map(f)) })
        f = fields; f[3] = .array([])
        #expect(isObjectError { _ = try ChainParams(cbor: .map(f)) })
        let entry = CBOR.array([.bytes(Fx.alice.publicKey.bytes), .unsigned(1)])
        f = fields; f[3] = .array([entry, entry])
        #expect(isObjectError { _ = try ChainParams(cbor: .map(f)) })
        f = fields; f[3] = .array([.array([.bytes(Fx.alice.publicKey.bytes)])])
        #expect(thrownError { _ = try ChainParams(cbor: .map(f)) } != nil)
        #expect(try ChainParams(cbor: .map(fields)) == good)
    }

    // MARK: OBJ-VOTE

    static func vote(height: UInt64 = 1, candidates: [Hash256], probs: [UInt64]) throws -> Vote {
        try Vote(voter: Fx.alice.publicKey, height: height, candidates: candidates, probsPpm: probs)
    }

    static func distinct(_ n: Int) -> [Hash256] {
        (0 ..< n).map { i in Hash256(bytes: [UInt8(i & 0xFF), UInt8(i >> 8)] + [UInt8](repeating: 0, count: 30))! }
    }

    static func probs(_ n: Int) -> [UInt64] { [TrustScoring.ppmOne] + [UInt64](repeating: 0, count: n) }

    @Test("OBJ-VOTE: a vote lists 1...64 distinct candidates")
    func candidateCount() throws {
        #expect(isObjectError { _ = try Self.vote(candidates: [], probs: [1_000_000]) })
        #expect(try Self.vote(candidates: Self.distinct(1), probs: Self.probs(1)).candidates.count == 1)
        #expect(try Self.vote(candidates: Self.distinct(64), probs: Self.probs(64)).candidates.count == 64)
        #expect(isObjectError { _ = try Self.vote(candidates: Self.distinct(65), probs: Self.probs(65)) })
        let a = Fx.hash(1)
        #expect(isObjectError { _ = try Self.vote(candidates: [a, a], probs: [500_000, 500_000, 0]) })
    }

    @Test("OBJ-VOTE: probabilities count = candidates + 1, sum exactly 1 000 000, each ≤ 1 000 000")
    func probabilities() throws {
        let c = Self.distinct(2)
        #expect(try Self.vote(candidates: c, probs: [500_000, 300_000, 200_000]).nonePpm == 200_000)
        #expect(isObjectError { _ = try Self.vote(candidates: c, probs: [500_000, 500_000]) })
        #expect(isObjectError { _ = try Self.vote(candidates: c, probs: [500_000, 300_000, 100_000, 100_000]) })
        #expect(isObjectError { _ = try Self.vote(candidates: c, probs: [500_000, 300_000, 199_999]) })
        #expect(isObjectError { _ = try Self.vote(candidates: c, probs: [500_000, 300_000, 200_001]) })
        #expect(isObjectError { _ = try Self.vote(candidates: c, probs: [1_000_001, 0, 0]) })
        #expect(try Self.vote(candidates: c, probs: [0, 0, 1_000_000]).ppm(for: Fx.hash(0xEE)) == 1_000_000)
    }

    @Test("OBJ-VOTE: a vote's height is at least 1")
    func voteHeight() throws {
        #expect(isObjectError { _ = try Self.vote(height: 0, candidates: [Fx.hash(1)], probs: [1_000_000, 0]) })
        #expect(try Self.vote(height: 1, candidates: [Fx.hash(1)], probs: [1_000_000, 0]).height == 1)
    }

    @Test("OBJ-VOTE: the decoder applies the same checks")
    func decoderChecksVotes() throws {
        let good = try Self.vote(candidates: [Fx.hash(1)], probs: [400_000, 600_000])
        guard case .map(let fields) = good.cbor() else { Issue.record("not a map"); return }
        #expect(try Vote(cbor: .map(fields)) == good)
        var f = fields; f[2] = .unsigned(0)
        #expect(isObjectError { _ = try Vote(cbor: .map(f)) })
        f = fields; f[4] = .array([.unsigned(400_000), .unsigned(600_001)])
        #expect(isObjectError { _ = try Vote(cbor: .map(f)) })
        f = fields; f[4] = .array([.unsigned(1_000_000)])
        #expect(isObjectError { _ = try Vote(cbor: .map(f)) })
        f = fields; f[3] = .array([])
        #expect(thrownError { _ = try Vote(cbor: .map(f)) } != nil)
        f = fields; f[3] = .array([.bytes(Fx.hash(1).bytes), .bytes(Fx.hash(1).bytes)]); f[4] = .array([.unsigned(0), .unsigned(0), .unsigned(1_000_000)])
        #expect(isObjectError { _ = try Vote(cbor: .map(f)) })
    }

    // MARK: OBJ-HEADER

    static func header(height: UInt64 = 1, tree: [UInt8] = Fx.zeroTree, commits: [[UInt8]] = []) throws -> BlockHeader {
        try BlockHeader(height: height, parent: Fx.hash(1), proposer: Fx.alice.publicKey, timestamp: 10,
                        tree: tree, codeCommits: commits, payloadRoot: Fx.hash(2))
    }

    static func commits(_ n: Int) -> [[UInt8]] { (0 ..< n).map { [UInt8(1 + $0)] + [UInt8](repeating: 0, count: 19) } }

    @Test("OBJ-HEADER: the tree is a 20-byte oid")
    func tree() throws {
        #expect(try Self.header(tree: [UInt8](repeating: 1, count: 20)).tree.count == 20)
        #expect(isObjectError { _ = try Self.header(tree: [UInt8](repeating: 1, count: 19)) })
        #expect(isObjectError { _ = try Self.header(tree: [UInt8](repeating: 1, count: 21)) })
        #expect(isObjectError { _ = try Self.header(tree: [UInt8](repeating: 1, count: 32)) })
        #expect(isObjectError { _ = try Self.header(tree: []) })
    }

    @Test("OBJ-HEADER: merged commits are distinct, at most 64, each 20 bytes; height ≥ 1")
    func commits() throws {
        #expect(try Self.header(commits: Self.commits(64)).codeCommits.count == 64)
        #expect(isObjectError { _ = try Self.header(commits: Self.commits(65)) })
        let c = Self.commits(2)
        #expect(isObjectError { _ = try Self.header(commits: [c[0], c[1], c[0]]) })
        #expect(isObjectError { _ = try Self.header(commits: [c[0], [UInt8](repeating: 3, count: 19)]) })
        #expect(isObjectError { _ = try Self.header(commits: [[UInt8](repeating: 3, count: 32)]) })
        #expect(isObjectError { _ = try Self.header(height: 0) })
    }

    @Test("OBJ-HEADER: the decoder applies the same checks")
    func decoderChecksHeaders() throws {
        let good = try Self.header(commits: Self.commits(2))
        guard case .map(let fields) = good.cbor() else { Issue.record("not a map"); return }
        #expect(try BlockHeader(cbor: .map(fields)) == good)
        let c = Self.commits(1)[0]
        var f = fields; f[6] = .array([.bytes(c), .bytes(c)])
        #expect(isObjectError { _ = try BlockHeader(cbor: .map(f)) })
        f = fields; f[6] = .array(Self.commits(65).map { .bytes($0) })
        #expect(thrownError { _ = try BlockHeader(cbor: .map(f)) } != nil)
        f = fields; f[1] = .unsigned(0)
        #expect(isObjectError { _ = try BlockHeader(cbor: .map(f)) })
    }
}
