import PoTAgents
import PoTContracts
import PoTCore
import PoTMarkets
import PoTMembership

/// A small chain made with the consensus API, whose objects are the seeds of the corpus: three
/// members (alice, bob, carol), candidates A and B at height 1 with votes, a transfer, block 2
/// with a payload, a market with bets and its resolution, and name claims; then the membership
/// and contracts modules' objects, and block 3 whose payload carries them; then the agents
/// module's objects, and a payload of their own that carries them. Deterministic: keys come from
/// fixed seeds and timestamps are fixed, so the corpus is the same on every run.
public struct SeedChain {
    public let alice: SigningKey
    public let bob: SigningKey
    public let carol: SigningKey
    public let params: ChainParams
    public var chain: Hash256 { params.chainId }
    public let candidates: [SignedHeader]
    public let votes: [SignedVote]
    public let transfers: [SignedTransfer]
    public let declaration: SignedMarketDeclaration
    public let bets: [SignedMarketBet]
    public let resolution: SignedMarketResolution
    public let payload: Payload
    public let block2: SignedHeader
    public let claims: [SignedNameClaim]
    public let membership: SeedMembership
    public let contracts: SeedContracts
    public let committee: SeedCommittee
    /// A payload with a membership section and a contracts section.
    public let modulePayload: Payload
    public let block3: SignedHeader
    public let agents: SeedAgents
    /// A payload with an agents section.
    public let agentsPayload: Payload

    public init() throws {
        alice = try SigningKey(seed: [UInt8](repeating: 1, count: 32))
        bob = try SigningKey(seed: [UInt8](repeating: 2, count: 32))
        carol = try SigningKey(seed: [UInt8](repeating: 3, count: 32))
        params = try ChainParams(
            confirmations: 2, alpha: 1000,
            initialAccounts: [.init(key: alice.publicKey, balance: 10_000), .init(key: bob.publicKey, balance: 5000),
                              .init(key: carol.publicKey, balance: 5000)],
            createdAt: 1_700_000_000, note: "seed chain", labels: ["alice": alice.publicKey, "bob": bob.publicKey])
        let chain = params.chainId
        let genesis = chain // the genesis block's id is the chain id
        let empty = Payload()
        let tree: [UInt8] = Array(repeating: 0x4b, count: 20)
        candidates = try [(alice, 1_700_000_001 as UInt64), (bob, 1_700_000_002)].map { key, time in
            Signed.sign(try BlockHeader(height: 1, parent: genesis, proposer: key.publicKey, timestamp: time, tree: tree,
                                        codeCommits: [], payloadRoot: empty.root(chain: chain)), with: key, chain: chain)
        }
        let ids = candidates.map { $0.id(chain: chain) }
        votes = try [(alice, [900_000, 50_000, 50_000] as [UInt64]), (bob, [500_000, 500_000, 0]), (carol, [100_000, 850_000, 50_000])]
            .map { key, probs in
                Signed.sign(try Vote(voter: key.publicKey, height: 1, candidates: ids, probsPpm: probs), with: key, chain: chain)
            }
        transfers = [
            Signed.sign(TrustTransfer(from: alice.publicKey, to: bob.publicKey, amount: 250, nonce: 1, memo: "thanks"),
                        with: alice, chain: chain),
            Signed.sign(TrustTransfer(from: bob.publicKey, to: carol.publicKey, amount: 1, nonce: 1), with: bob, chain: chain),
        ]
        declaration = Signed.sign(
            try MarketDeclaration(creator: bob.publicKey, question: "Ship v2 this week?", outcomes: ["yes", "no"],
                                  resolver: carol.publicKey, closeHeight: 5, resolveBy: 7),
            with: bob, chain: chain)
        let market = declaration.id(chain: chain)
        bets = try [(alice, [700_000, 300_000] as [UInt64]), (bob, [400_000, 600_000])].map { key, probs in
            Signed.sign(try MarketBet(bettor: key.publicKey, market: market, sequence: 1, probsPpm: probs), with: key, chain: chain)
        }
        resolution = Signed.sign(MarketResolution(resolver: carol.publicKey, market: market, outcome: 0), with: carol, chain: chain)
        payload = Payload(transfers: transfers, votes: votes,
                          evidence: [EquivocationEvidence(votes[0], Signed.sign(
                              try Vote(voter: alice.publicKey, height: 1, candidates: ids, probsPpm: [0, 1_000_000, 0]),
                              with: alice, chain: chain))],
                          markets: MarketSection(declarations: [declaration], bets: bets, resolutions: [resolution]))
        block2 = Signed.sign(
            try BlockHeader(height: 2, parent: ids[0], proposer: alice.publicKey, timestamp: 1_700_000_200, tree: tree,
                            codeCommits: [Array(repeating: 0xc1, count: 20), Array(repeating: 0xc2, count: 20)],
                            payloadRoot: payload.root(chain: chain)),
            with: alice, chain: chain)
        claims = try [(carol, "carol"), (alice, "alice.ops")].map { key, label in
            Signed.sign(try NameClaim(label: label, key: key.publicKey), with: key, chain: chain)
        }
        membership = try SeedMembership(chain: chain, opener: alice, partner: bob, third: carol)
        contracts = try SeedContracts(chain: chain, requester: alice, worker: bob, arbiter: carol)
        committee = try SeedCommittee(chain: chain, contracts: contracts)
        var modulePayload = Payload()
        modulePayload.membership = membership.section
        modulePayload.contracts = contracts.section
        self.modulePayload = modulePayload
        block3 = Signed.sign(
            try BlockHeader(height: 3, parent: block2.id(chain: chain), proposer: bob.publicKey, timestamp: 1_700_000_400, tree: tree,
                            codeCommits: [], payloadRoot: modulePayload.root(chain: chain)),
            with: bob, chain: chain)
        agents = try SeedAgents(chain: chain, provider: alice, validator: bob, reporter: carol)
        var agentsPayload = Payload()
        agentsPayload.agents = agents.section
        self.agentsPayload = agentsPayload
    }

    /// Named seeds: `prefix-1`, `prefix-2`, … for each encoding.
    public static func named(_ prefix: String, _ encodings: [[UInt8]]) -> [(name: String, bytes: [UInt8])] {
        encodings.enumerated().map { (name: "\(prefix)-\($0.offset + 1)", bytes: $0.element) }
    }
}
