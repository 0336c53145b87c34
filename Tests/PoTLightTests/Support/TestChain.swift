import PoTCore
import PoTNet

/// An in-memory chain: genesis parameters, signed headers and their payloads.
struct TestChain: Sendable {
    static let proposer = try! SigningKey(seed: Array(repeating: 7, count: 32))
    static let otherProposer = try! SigningKey(seed: Array(repeating: 9, count: 32))
    static let createdAt: UInt64 = 1_700_000_000

    let params: ChainParams
    private(set) var headers: [SignedHeader] = []
    private(set) var payloads: [UInt64: Payload] = [:]

    var chainId: Hash256 { params.chainId }
    var genesis: [UInt8] { params.cbor().encoded() }
    var height: UInt64 { UInt64(headers.count) }

    init(length: Int, note: String = "", payloads: [UInt64: Payload] = [:]) {
        params = try! ChainParams(
            confirmations: 2, alpha: 1000,
            initialAccounts: [ChainParams.InitialAccount(key: Self.proposer.publicKey, balance: 1_000_000)],
            createdAt: Self.createdAt, note: note)
        self.payloads = payloads
        for _ in 0..<length { headers.append(nextHeader(height: height + 1)) }
    }

    func header(at height: UInt64) -> SignedHeader { headers[Int(height - 1)] }
    func id(at height: UInt64) -> Hash256 { height == 0 ? chainId : header(at: height).id(chain: chainId) }
    func payload(at height: UInt64) -> Payload { payloads[height] ?? Payload() }

    /// The header a proposer would sign for `height` on top of this chain's block `height - 1`.
    func nextHeader(height: UInt64, proposer: SigningKey = TestChain.proposer, timeStep: UInt64 = 10,
                    parent: Hash256? = nil) -> SignedHeader {
        let previousTime = height == 1 ? Self.createdAt : header(at: height - 1).header.timestamp
        let body = try! BlockHeader(
            height: height, parent: parent ?? id(at: height - 1), proposer: proposer.publicKey,
            timestamp: previousTime + timeStep, tree: Array(repeating: 0, count: 20), codeCommits: [],
            payloadRoot: payload(at: height).root(chain: chainId))
        return SignedHeader.sign(body, with: proposer, chain: chainId)
    }

    func extended(by count: Int, proposer: SigningKey = TestChain.proposer) -> TestChain {
        var chain = self
        chain.headers.reserveCapacity(headers.count + count)
        for _ in 0..<count { chain.headers.append(chain.nextHeader(height: chain.height + 1, proposer: proposer)) }
        return chain
    }

    func truncated(to height: UInt64) -> TestChain {
        var chain = self
        chain.headers.removeSubrange(Int(height)...)
        return chain
    }

    /// This chain with the header at `height` replaced (the ones after it are kept as they are).
    func replacing(_ height: UInt64, with header: SignedHeader) -> TestChain {
        var chain = self
        chain.headers[Int(height - 1)] = header
        return chain
    }

    func bundle(at height: UInt64) -> BlockBundle {
        BlockBundle(header: header(at: height), payload: payload(at: height))
    }
}
