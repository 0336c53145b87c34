/// A voter's probability distribution, in parts per million, over candidate blocks at one
/// height, plus a final "none" slot.
public struct Vote: SignableBody {
    public static let domain = DomainTag.vote
    public static let objectName = "vote"
    public static let maxSignedBytes = ObjectLimits.maxVoteBytes
    public var signer: PublicKey { voter }

    public var voter: PublicKey
    public var height: UInt64
    public var candidates: [Hash256]
    public var probsPpm: [UInt64]

    public init(voter: PublicKey, height: UInt64, candidates: [Hash256], probsPpm: [UInt64]) throws {
        self.voter = voter; self.height = height; self.candidates = candidates; self.probsPpm = probsPpm
        try validate()
    }

    func validate() throws {
        guard height >= 1 else { throw ObjectError("a vote is for a height of at least 1") }
        guard (1...ObjectLimits.maxCandidatesPerVote).contains(candidates.count) else {
            throw ObjectError("a vote lists between 1 and \(ObjectLimits.maxCandidatesPerVote) candidates, got \(candidates.count)")
        }
        guard Set(candidates).count == candidates.count else {
            throw ObjectError("a vote lists the same candidate twice")
        }
        guard probsPpm.count == candidates.count + 1 else {
            throw ObjectError("a vote needs \(candidates.count + 1) probabilities (one per candidate, then none), got \(probsPpm.count)")
        }
        var sum: UInt64 = 0
        for p in probsPpm {
            guard p <= TrustScoring.ppmOne else { throw ObjectError("a probability of \(p) ppm is above 1 000 000") }
            sum += p
        }
        guard sum == TrustScoring.ppmOne else {
            throw ObjectError("vote probabilities sum to \(sum) ppm, not 1 000 000")
        }
    }

    /// The probability this vote gives to `block`; a block it does not list gets the none slot.
    public func ppm(for block: Hash256) -> UInt64 {
        if let i = candidates.firstIndex(of: block) { return probsPpm[i] }
        return probsPpm[probsPpm.count - 1]
    }

    public var nonePpm: UInt64 { probsPpm[probsPpm.count - 1] }

    public func cbor() -> CBOR {
        .map([
            1: .bytes(voter.bytes),
            2: .unsigned(height),
            3: .array(candidates.map { .bytes($0.bytes) }),
            4: .array(probsPpm.map { .unsigned($0) }),
        ])
    }

    /// `cbor().encoded()` written directly: a replay hashes every vote of the chain.
    public func encodedBody() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(40 + 34 * candidates.count + 5 * probsPpm.count)
        CBOR.appendHead(major: 5, argument: 4, to: &out)
        CBOR.appendHead(major: 0, argument: 1, to: &out)
        CBOR.appendHead(major: 2, argument: UInt64(voter.bytes.count), to: &out)
        out += voter.bytes
        CBOR.appendHead(major: 0, argument: 2, to: &out)
        CBOR.appendHead(major: 0, argument: height, to: &out)
        CBOR.appendHead(major: 0, argument: 3, to: &out)
        CBOR.appendHead(major: 4, argument: UInt64(candidates.count), to: &out)
        for candidate in candidates {
            CBOR.appendHead(major: 2, argument: UInt64(candidate.bytes.count), to: &out)
            out += candidate.bytes
        }
        CBOR.appendHead(major: 0, argument: 4, to: &out)
        CBOR.appendHead(major: 4, argument: UInt64(probsPpm.count), to: &out)
        for p in probsPpm { CBOR.appendHead(major: 0, argument: p, to: &out) }
        return out
    }

    public init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "vote", allowedKeys: [1, 2, 3, 4])
        voter = try f.publicKey(1)
        height = try f.uint(2)
        candidates = try f.array(3, max: ObjectLimits.maxCandidatesPerVote).map { try $0.hash256("vote candidate") }
        probsPpm = try f.array(4, max: ObjectLimits.maxCandidatesPerVote + 1).map { try $0.uint("vote probability") }
        try validate()
    }
}
