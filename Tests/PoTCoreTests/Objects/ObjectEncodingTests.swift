import PropertyBased
import Testing
@testable import PoTCore
import PoTModules

/// Random valid objects (signatures are random 64-byte strings: encoding does not check them).
enum ObjGen {
    typealias RNG = any SeededRandomNumberGenerator

    static func bytes(_ n: Int, _ rng: inout RNG) -> [UInt8] { (0 ..< n).map { _ in UInt8.random(in: 0 ... 255, using: &rng) } }
    static func key(_ rng: inout RNG) -> PublicKey { PublicKey(bytes: bytes(32, &rng))! }
    static func hash(_ rng: inout RNG) -> Hash256 { Hash256(bytes: bytes(32, &rng))! }

    static func uint(_ rng: inout RNG) -> UInt64 {
        switch Int.random(in: 0 ..< 4, using: &rng) {
        case 0: return UInt64.random(in: 0 ... 23, using: &rng)
        case 1: return UInt64.random(in: 0 ... 0xFFFF, using: &rng)
        case 2: return [0, 1, 23, 24, 255, 256, 65_535, 65_536, UInt64(UInt32.max), UInt64(UInt32.max) + 1, .max].randomElement(using: &rng)!
        default: return UInt64.random(in: 0 ... .max, using: &rng)
        }
    }

    static func text(maxUTF8: Int, _ rng: inout RNG) -> String {
        var s = String.UnicodeScalarView()
        var used = 0
        for _ in 0 ..< Int.random(in: 0 ... 20, using: &rng) {
            let range: ClosedRange<UInt32> = switch Int.random(in: 0 ..< 4, using: &rng) {
            case 0, 1: 0x20 ... 0x7E
            case 2: 0x300 ... 0x36F
            default: 0x1_0000 ... 0x1_F6FF
            }
            guard let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) else { continue }
            let n = String(scalar).utf8.count
            if used + n > maxUTF8 { break }
            used += n
            s.append(scalar)
        }
        return String(s)
    }

    static func params(_ rng: inout RNG) -> ChainParams {
        var accounts: [ChainParams.InitialAccount] = []
        var seen: Set<PublicKey> = []
        for _ in 0 ..< Int.random(in: 1 ... 6, using: &rng) {
            let k = key(&rng)
            if seen.insert(k).inserted { accounts.append(.init(key: k, balance: uint(&rng))) }
        }
        return try! ChainParams(
            confirmations: UInt64.random(in: 1 ... ObjectLimits.maxConfirmations, using: &rng),
            alpha: UInt64.random(in: 1 ... TrustScoring.maxAlpha, using: &rng),
            initialAccounts: accounts, createdAt: uint(&rng),
            note: Bool.random(using: &rng) ? "" : text(maxUTF8: ObjectLimits.maxNoteBytes, &rng))
    }

    static func transfer(_ rng: inout RNG) -> SignedTransfer {
        let t = TrustTransfer(from: key(&rng), to: key(&rng), amount: uint(&rng), nonce: uint(&rng),
                              memo: Bool.random(using: &rng) ? "" : text(maxUTF8: ObjectLimits.maxMemoBytes, &rng))
        return SignedTransfer(t, signature: bytes(64, &rng))
    }

    static func vote(_ rng: inout RNG) -> SignedVote {
        let n = Int.random(in: 0 ..< 5, using: &rng) == 0 ? Int.random(in: 1 ... 64, using: &rng) : Int.random(in: 1 ... 4, using: &rng)
        var candidates: [Hash256] = []
        while candidates.count < n {
            let h = hash(&rng)
            if !candidates.contains(h) { candidates.append(h) }
        }
        // n + 1 probabilities summing to exactly 10^6.
        var cuts = (0 ..< n).map { _ in UInt64.random(in: 0 ... TrustScoring.ppmOne, using: &rng) }.sorted()
        cuts = [0] + cuts + [TrustScoring.ppmOne]
        let probs = (0 ..< n + 1).map { cuts[$0 + 1] - cuts[$0] }
        let v = try! Vote(voter: key(&rng), height: UInt64.random(in: 1 ... .max, using: &rng), candidates: candidates, probsPpm: probs)
        return SignedVote(v, signature: bytes(64, &rng))
    }

    static func header(_ rng: inout RNG) -> SignedHeader {
        var commits: [[UInt8]] = []
        for _ in 0 ..< (Bool.random(using: &rng) ? 0 : Int.random(in: 1 ... 64, using: &rng)) {
            let c = bytes(20, &rng)
            if !commits.contains(c) { commits.append(c) }
        }
        let h = try! BlockHeader(height: UInt64.random(in: 1 ... .max, using: &rng), parent: hash(&rng), proposer: key(&rng),
                                 timestamp: uint(&rng), tree: bytes(20, &rng), codeCommits: commits, payloadRoot: hash(&rng))
        return SignedHeader(h, signature: bytes(64, &rng))
    }

    static func payload(_ rng: inout RNG) -> Payload {
        let transfers = (0 ..< Int.random(in: 0 ... 3, using: &rng)).map { _ in transfer(&rng) }
        let votes = (0 ..< Int.random(in: 0 ... 3, using: &rng)).map { _ in vote(&rng) }
        let evidence = (0 ..< Int.random(in: 0 ... 2, using: &rng)).map { _ in EquivocationEvidence(vote(&rng), vote(&rng)) }
        return Payload(transfers: transfers, votes: votes, evidence: evidence)
    }

    /// One random object of each kind.
    struct Objects: Sendable {
        var params: ChainParams
        var transfer: SignedTransfer
        var vote: SignedVote
        var header: SignedHeader
        var payload: Payload
    }

    static let objects = Generator<Objects, Shrink.None<Objects>> { rng in
        Objects(params: params(&rng), transfer: transfer(&rng), vote: vote(&rng), header: header(&rng), payload: payload(&rng))
    }
}

/// Runs `body` and returns the error it throws, or nil.
func thrownError(_ body: () throws -> Void) -> (any Error)? {
    do { try body(); return nil } catch { return error }
}

func cborErrorKind(_ body: () throws -> Void) -> CBORError.Kind? {
    (thrownError(body) as? CBORError)?.kind
}

func isObjectError(_ body: () throws -> Void) -> Bool {
    thrownError(body) is ObjectError
}

@Suite("Object encoding")
struct ObjectEncodingTests {
    @Test("ENC-OBJ-ROUNDTRIP: random valid objects decode to equal values and re-encode to identical bytes")
    func roundTrip() async {
        var runs = 0
        await propertyCheck(count: 300, input: ObjGen.objects) { (o: ObjGen.Objects) throws in
            runs += 1
            let pBytes = o.params.cbor().encoded()
            let p = try ChainParams(bytes: pBytes)
            #expect(p == o.params)
            #expect(p.cbor().encoded() == pBytes)
            #expect(p.chainId == o.params.chainId)

            let tBytes = o.transfer.encoded()
            let t = try SignedTransfer(bytes: tBytes)
            #expect(t == o.transfer)
            #expect(t.encoded() == tBytes)
            #expect(try TrustTransfer(cbor: o.transfer.transfer.cbor()) == o.transfer.transfer)

            let vBytes = o.vote.encoded()
            let v = try SignedVote(bytes: vBytes)
            #expect(v == o.vote)
            #expect(v.encoded() == vBytes)
            #expect(try Vote(cbor: o.vote.vote.cbor()) == o.vote.vote)

            let hBytes = o.header.encoded()
            let h = try SignedHeader(bytes: hBytes)
            #expect(h == o.header)
            #expect(h.encoded() == hBytes)
            #expect(try BlockHeader(cbor: o.header.header.cbor()) == o.header.header)

            let plBytes = o.payload.encoded()
            let pl = try Payload(bytes: plBytes)
            #expect(pl == o.payload)
            #expect(pl.encoded() == plBytes)
        }
        #expect(runs == 300)
    }

    @Test("ENC-OBJ-ROUNDTRIP: a fixed transfer has the expected bytes and round-trips")
    func fixedTransferBytes() throws {
        let t = TrustTransfer(from: Fx.alice.publicKey, to: Fx.bob.publicKey, amount: 5, nonce: 1, memo: "hi")
        let bytes = t.cbor().encoded()
        // {1: h'..32', 2: h'..32', 3: 5, 4: 1, 5: "hi"}
        #expect(bytes.count == 1 + 2 * (1 + 2 + 32) + 2 + 2 + 1 + 3)
        #expect(Array(bytes.prefix(4)) == [0xA5, 0x01, 0x58, 0x20])
        #expect(Array(bytes.suffix(8)) == [0x03, 0x05, 0x04, 0x01, 0x05, 0x62, 0x68, 0x69])
        #expect(try TrustTransfer(cbor: CBOR.decode(bytes)) == t)
    }

    // MARK: ENC-OBJ-CANONICAL

    @Test("ENC-OBJ-CANONICAL: a transfer with memo \"\" present is rejected")
    func emptyMemo() throws {
        let t = TrustTransfer(from: Fx.alice.publicKey, to: Fx.bob.publicKey, amount: 5, nonce: 1)
        guard case .map(var fields) = t.cbor() else { Issue.record("not a map"); return }
        #expect(fields[5] == nil)
        fields[5] = .text("")
        #expect(isObjectError { _ = try TrustTransfer(cbor: .map(fields)) })
        let signed = CBOR.map([1: .map(fields), 2: .bytes([UInt8](repeating: 7, count: 64))]).encoded()
        #expect(isObjectError { _ = try SignedTransfer(bytes: signed) })
        // The same transfer without the field is accepted.
        fields[5] = nil
        #expect(try TrustTransfer(cbor: .map(fields)) == t)
    }

    @Test("ENC-OBJ-CANONICAL: a payload with a present but empty transfers, votes or evidence array is rejected")
    func emptyPayloadArrays() throws {
        #expect(try Payload(bytes: CBOR.map([:]).encoded()) == Payload())
        for key: UInt64 in [1, 2, 3] {
            let bytes = CBOR.map([key: .array([])]).encoded()
            #expect(isObjectError { _ = try Payload(bytes: bytes) }, "key \(key)")
        }
        // A non-empty transfers array next to an empty votes array is rejected too.
        let tx = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, chain: Fx.hash(9))
        #expect(isObjectError { _ = try Payload(cbor: .map([1: .array([tx.cbor()]), 2: .array([])])) })
        #expect(try Payload(cbor: .map([1: .array([tx.cbor()])])) == Payload(transfers: [tx]))
    }

    @Test("ENC-OBJ-CANONICAL: chain parameters with note \"\" present, and a header with an empty commit list present, are rejected")
    func emptyNoteAndCommits() throws {
        let p = Fx.params()
        guard case .map(var pf) = p.cbor() else { Issue.record("not a map"); return }
        pf[5] = .text("")
        #expect(isObjectError { _ = try ChainParams(bytes: CBOR.map(pf).encoded()) })
        pf[5] = .text("x")
        #expect(try ChainParams(cbor: .map(pf)).note == "x")

        let h = Fx.header(on: Fx.genesis()).header
        guard case .map(var hf) = h.cbor() else { Issue.record("not a map"); return }
        #expect(hf[6] == nil)
        hf[6] = .array([])
        #expect(isObjectError { _ = try BlockHeader(cbor: .map(hf)) })
    }

    @Test("ENC-OBJ-CANONICAL: an unknown key is rejected in every object and envelope")
    func unknownKeys() throws {
        let chain = Fx.hash(9)
        let t = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, chain: chain)
        let v = Fx.vote(Fx.alice, height: 1, [Fx.hash(1)], [1_000_000, 0], chain: chain)
        let h = Fx.header(on: Fx.genesis())
        let bodies: [(String, CBOR, (CBOR) throws -> Void)] = [
            ("params", Fx.params().cbor(), { _ = try ChainParams(cbor: $0) }),
            ("transfer", t.transfer.cbor(), { _ = try TrustTransfer(cbor: $0) }),
            ("vote", v.vote.cbor(), { _ = try Vote(cbor: $0) }),
            ("header", h.header.cbor(), { _ = try BlockHeader(cbor: $0) }),
            ("payload", Payload(transfers: [t]).cbor(), { _ = try Payload(cbor: $0) }),
            ("signed vote", v.cbor(), { _ = try SignedVote(cbor: $0) }),
            ("signed transfer", t.cbor(), { _ = try SignedTransfer(cbor: $0) }),
            ("signed header", h.cbor(), { _ = try SignedHeader(cbor: $0) }),
        ]
        for (name, body, decode) in bodies {
            guard case .map(var fields) = body else { Issue.record("\(name) not a map"); continue }
            #expect(thrownError { try decode(body) } == nil, "\(name) should decode")
            fields[9] = .unsigned(0)
            #expect(cborErrorKind { try decode(.map(fields)) } == .unknownField, "\(name)")
        }
    }

    @Test("ENC-OBJ-CANONICAL: wrong-size keys, hashes, signatures and oids are rejected")
    func wrongSizes() throws {
        let chain = Fx.hash(9)
        let t = Fx.transfer(Fx.alice, to: Fx.bob, amount: 1, nonce: 1, chain: chain)
        guard case .map(var tf) = t.transfer.cbor() else { Issue.record("not a map"); return }
        tf[1] = .bytes([UInt8](repeating: 1, count: 31))
        #expect(cborErrorKind { _ = try TrustTransfer(cbor: .map(tf)) } == .badValue)
        tf[1] = .bytes([UInt8](repeating: 1, count: 33))
        #expect(cborErrorKind { _ = try TrustTransfer(cbor: .map(tf)) } == .badValue)

        // A 63-byte signature in an envelope.
        let shortSig = CBOR.map([1: t.transfer.cbor(), 2: .bytes([UInt8](repeating: 0, count: 63))])
        #expect(cborErrorKind { _ = try SignedTransfer(cbor: shortSig) } == .badValue)

        let v = Fx.vote(Fx.alice, height: 1, [Fx.hash(1)], [1_000_000, 0], chain: chain)
        guard case .map(var vf) = v.vote.cbor() else { Issue.record("not a map"); return }
        vf[3] = .array([.bytes([UInt8](repeating: 1, count: 20))])
        #expect(cborErrorKind { _ = try Vote(cbor: .map(vf)) } == .badValue)

        let h = Fx.header(on: Fx.genesis()).header
        guard case .map(var hf) = h.cbor() else { Issue.record("not a map"); return }
        hf[2] = .bytes([UInt8](repeating: 1, count: 20))
        #expect(cborErrorKind { _ = try BlockHeader(cbor: .map(hf)) } == .badValue)
        guard case .map(var hf2) = h.cbor() else { return }
        hf2[5] = .bytes([UInt8](repeating: 1, count: 32))
        #expect(cborErrorKind { _ = try BlockHeader(cbor: .map(hf2)) } == .badValue)

        guard case .map(var pf) = Fx.params().cbor() else { return }
        pf[3] = .array([.array([.bytes([UInt8](repeating: 1, count: 31)), .unsigned(5)])])
        #expect(cborErrorKind { _ = try ChainParams(cbor: .map(pf)) } == .badValue)
    }

    // MARK: ENC-OBJ-LIMIT

    @Test("ENC-OBJ-LIMIT: bytes over each object's size limit are rejected before decoding")
    func sizeLimits() {
        // 0xFF is never valid CBOR here: at the limit the decoder runs and fails with a CBORError,
        // one byte over it the size check fails first with an ObjectError.
        let cases: [(String, Int, ([UInt8]) throws -> Void)] = [
            ("params", ObjectLimits.maxParamsBytes, { _ = try ChainParams(bytes: $0) }),
            ("transfer", ObjectLimits.maxTransferBytes, { _ = try SignedTransfer(bytes: $0) }),
            ("vote", ObjectLimits.maxVoteBytes, { _ = try SignedVote(bytes: $0) }),
            ("header", ObjectLimits.maxHeaderBytes, { _ = try SignedHeader(bytes: $0) }),
            ("payload", ObjectLimits.maxPayloadBytes, { _ = try Payload(bytes: $0) }),
        ]
        for (name, limit, decode) in cases {
            let atLimit = [UInt8](repeating: 0xFF, count: limit)
            #expect(thrownError { try decode(atLimit) } is CBORError, "\(name) at limit")
            let over = [UInt8](repeating: 0xFF, count: limit + 1)
            let e = thrownError { try decode(over) }
            #expect(e is ObjectError, "\(name) over limit")
            #expect((e as? ObjectError)?.description.contains("more than the limit of \(limit)") == true, "\(name)")
        }
        #expect(ObjectLimits.maxTransferBytes == 1024)
        #expect(ObjectLimits.maxVoteBytes == 8192)
        #expect(ObjectLimits.maxHeaderBytes == 4096)
        #expect(ObjectLimits.maxPayloadBytes == 4 << 20)
        #expect(ObjectLimits.maxParamsBytes == 1 << 20)
    }

    @Test("ENC-OBJ-LIMIT: a valid transfer padded past the limit by a long memo is refused by size, not content")
    func validButTooLong() throws {
        // A memo of 1000 ASCII bytes makes a transfer over 1024 bytes: refused by the size check.
        let t = TrustTransfer(from: Fx.alice.publicKey, to: Fx.bob.publicKey, amount: 1, nonce: 1,
                              memo: String(repeating: "m", count: 1000))
        let bytes = SignedTransfer(t, signature: [UInt8](repeating: 0, count: 64)).encoded()
        #expect(bytes.count > ObjectLimits.maxTransferBytes)
        let e = thrownError { _ = try SignedTransfer(bytes: bytes) }
        #expect((e as? ObjectError)?.description.contains("limit") == true)
    }
}

@Suite("Hashing without the CBOR tree")
struct DirectEncodingTests {
    @Test("HASH-DOMAIN ENC-CBOR: a vote written directly is byte for byte its CBOR tree's encoding, and the id over written bytes equals H(tag, chain, body); a decoded payload hashes and encodes from the bytes it came from until it is changed")
    func directEncodings() async {
        await propertyCheck(count: 300, input: ObjGen.objects) { (o: ObjGen.Objects) throws in
            let vote = o.vote.vote
            #expect(vote.encodedBody() == vote.cbor().encoded())
            let chain = o.params.chainId
            #expect(vote.id(chain: chain) == DomainHash.hash(.vote, chain: chain, body: vote.cbor()))
            #expect(DomainHash.hash(.payload, chain: chain, encodedBody: o.payload.cbor().encoded()) == DomainHash.hash(.payload, chain: chain, body: o.payload.cbor()))
            let decoded = try Payload(bytes: o.payload.encoded())
            #expect(decoded.root(chain: chain) == o.payload.root(chain: chain) && decoded == o.payload)
            var changed = decoded
            changed.votes.append(o.vote)
            #expect(changed.encoded() == changed.cbor().encoded() && changed.root(chain: chain) != decoded.root(chain: chain))
        }
    }
}
