/// An account: trust balance in millitrust, the nonce of its last transfer, and whether it may vote.
public struct Account: Equatable, Sendable {
    public var balance: UInt64
    public var nonce: UInt64
    public var member: Bool

    public init(balance: UInt64, nonce: UInt64 = 0, member: Bool) {
        self.balance = balance; self.nonce = nonce; self.member = member
    }
}

/// What the chain remembers about a height that is not final yet.
public struct OpenHeight: Equatable, Sendable {
    /// The block at this height on this chain.
    public var block: Hash256
    /// Members' trust in the state before this block: the weights of its fork choice and scoring.
    public var trustSnapshot: [PublicKey: UInt64]
    /// Votes for this height included in blocks after it, one per voter.
    public var votes: [PublicKey: Vote]
    /// Voters already penalized for equivocating at this height.
    public var penalized: Set<PublicKey>

    public init(block: Hash256, trustSnapshot: [PublicKey: UInt64]) {
        self.block = block
        self.trustSnapshot = trustSnapshot
        self.votes = [:]
        self.penalized = []
    }
}

/// The state after applying a chain of blocks: everything consensus needs to apply the next one.
public struct ChainState: Equatable, Sendable {
    public let params: ChainParams
    public let chainId: Hash256
    public internal(set) var height: UInt64
    public internal(set) var tip: Hash256
    public internal(set) var tipTimestamp: UInt64
    public internal(set) var finalizedHeight: UInt64
    public internal(set) var accounts: [PublicKey: Account]
    /// Heights above `finalizedHeight`, up to `height`.
    public internal(set) var open: [UInt64: OpenHeight]
    /// Every market declared on this chain, open or settled.
    public internal(set) var markets: [Hash256: MarketState]

    /// The state of a chain that holds only its genesis. The genesis block id is the chain id.
    public init(genesis params: ChainParams) {
        self.params = params
        self.chainId = params.chainId
        self.height = 0
        self.tip = chainId
        self.tipTimestamp = params.createdAt
        self.finalizedHeight = 0
        self.accounts = [:]
        self.open = [:]
        self.markets = [:]
        for a in params.initialAccounts {
            accounts[a.key] = Account(balance: a.balance, member: true)
        }
    }

    /// Restores a state from its parts (the cache decoder uses this).
    public init(params: ChainParams, height: UInt64, tip: Hash256, tipTimestamp: UInt64, finalizedHeight: UInt64,
                accounts: [PublicKey: Account], open: [UInt64: OpenHeight], markets: [Hash256: MarketState] = [:]) {
        self.params = params
        self.chainId = params.chainId
        self.height = height
        self.tip = tip
        self.tipTimestamp = tipTimestamp
        self.finalizedHeight = finalizedHeight
        self.accounts = accounts
        self.open = open
        self.markets = markets
    }

    public var confirmations: UInt64 { params.confirmations }

    public func isMember(_ key: PublicKey) -> Bool { accounts[key]?.member ?? false }

    /// Members' balances now: the trust snapshot a block at `height + 1` will use.
    public var memberTrust: [PublicKey: UInt64] {
        var trust: [PublicKey: UInt64] = [:]
        for (key, account) in accounts where account.member { trust[key] = account.balance }
        return trust
    }

    /// Heights whose votes a block at `blockHeight` may include: blockHeight − K … blockHeight − 1, never 0.
    public func votableHeights(forBlockAt blockHeight: UInt64) -> ClosedRange<UInt64>? {
        let low = blockHeight > confirmations ? blockHeight - confirmations : 1
        guard blockHeight >= 2, low <= blockHeight - 1 else { return nil }
        return low...(blockHeight - 1)
    }
}
