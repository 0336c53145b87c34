import PoTCore

/// The last verified block: what the next header must extend.
public struct ChainTip: Equatable, Sendable {
    public let height: UInt64
    public let id: Hash256
    public let timestamp: UInt64

    public init(height: UInt64, id: Hash256, timestamp: UInt64) {
        self.height = height
        self.id = id
        self.timestamp = timestamp
    }

    /// Height 0: the genesis, whose id is the chain id.
    public static func genesis(_ params: ChainParams) -> ChainTip {
        ChainTip(height: 0, id: params.chainId, timestamp: params.createdAt)
    }
}

/// Checks headers against the light-client rules, extending a verified tip. It keeps no
/// headers; whoever stores them keeps the tip in step.
public struct HeaderVerifier: Sendable {
    public let chainId: Hash256
    public private(set) var tip: ChainTip

    public init(chainId: Hash256, tip: ChainTip) {
        self.chainId = chainId
        self.tip = tip
    }

    public init(genesis: ChainParams) {
        self.init(chainId: genesis.chainId, tip: .genesis(genesis))
    }

    /// LIGHT-GENESIS: decodes the genesis parameters and checks they are those of `chainId`.
    public static func genesis(params bytes: [UInt8], chainId: Hash256) throws(HeaderRuleViolation) -> ChainParams {
        let params: ChainParams
        do {
            params = try ChainParams(bytes: bytes)
        } catch {
            throw HeaderRuleViolation(height: 0, rule: .genesis, detail: "the genesis parameters do not decode: \(error)")
        }
        guard params.chainId == chainId else {
            throw HeaderRuleViolation(height: 0, rule: .genesis,
                                      detail: "the genesis parameters hash to \(params.chainId.hex), not to the chain id \(chainId.hex)")
        }
        return params
    }

    /// Checks headers meant for heights tip+1, tip+2, … in order. On success the tip moves to
    /// the last of them and their ids are returned; on failure the tip stays where it was.
    /// Signatures are checked on every core at once.
    public mutating func verify(_ headers: [SignedHeader]) throws(HeaderRuleViolation) -> [Hash256] {
        let chain = chainId
        let checked = headers.parallelMap { signed in
            let id = signed.id(chain: chain)
            return (id, signed.header.proposer.verifies(signed.signature, over: id))
        }
        tip = try Self.link(headers, ids: checked.map(\.0), signatures: checked.map(\.1), after: tip)
        return checked.map(\.0)
    }

    /// Checks the linkage rules only (LIGHT-HEIGHT, LIGHT-PARENT, LIGHT-TIME), for headers whose
    /// signatures were checked before they were stored.
    public mutating func verifyLinkageOnly(_ headers: [SignedHeader]) throws(HeaderRuleViolation) -> [Hash256] {
        let chain = chainId
        let ids = headers.parallelMap { $0.id(chain: chain) }
        tip = try Self.link(headers, ids: ids, signatures: nil, after: tip)
        return ids
    }

    private static func link(_ headers: [SignedHeader], ids: [Hash256], signatures: [Bool]?,
                             after start: ChainTip) throws(HeaderRuleViolation) -> ChainTip {
        var tip = start
        for (i, signed) in headers.enumerated() {
            let header = signed.header
            let height = tip.height + 1
            guard header.height == height else {
                throw HeaderRuleViolation(height: height, rule: .height,
                                          detail: "the header says height \(header.height), expected \(height)")
            }
            guard header.parent == tip.id else {
                throw HeaderRuleViolation(height: height, rule: .parent,
                                          detail: "parent \(header.parent.short) is not the id \(tip.id.short) of block \(tip.height)")
            }
            guard header.timestamp > tip.timestamp else {
                throw HeaderRuleViolation(height: height, rule: .time,
                                          detail: "timestamp \(header.timestamp) is not after \(tip.timestamp) at height \(tip.height)")
            }
            if let signatures, !signatures[i] {
                throw HeaderRuleViolation(height: height, rule: .signature,
                                          detail: "the signature of proposer \(header.proposer.short) does not verify")
            }
            tip = ChainTip(height: height, id: ids[i], timestamp: header.timestamp)
        }
        return tip
    }
}
