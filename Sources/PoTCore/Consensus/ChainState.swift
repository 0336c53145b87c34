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
    /// mT locked in bonds by modules' ledger operations, by owner: not spendable, not trust.
    public internal(set) var bonds: [PublicKey: UInt64]
    /// The modules this chain is applied with, in payload-key order.
    public let modules: ChainModules
    /// The state of each module.
    var moduleStates: ModuleStates

    /// The state of a chain that holds only its genesis. The genesis block id is the chain id.
    public init(genesis params: ChainParams, modules: ChainModules) {
        self.params = params
        self.chainId = params.chainId
        self.height = 0
        self.tip = chainId
        self.tipTimestamp = params.createdAt
        self.finalizedHeight = 0
        self.accounts = [:]
        self.open = [:]
        self.bonds = [:]
        self.modules = modules
        self.moduleStates = ModuleStates()
        for module in modules.all { moduleStates.storage[module.payloadKey] = module.initialState(params) }
        for a in params.initialAccounts {
            accounts[a.key] = Account(balance: a.balance, member: true)
        }
    }

    /// Restores a state from its parts (the cache decoder uses this). `moduleStates` holds each
    /// module's cache encoding by payload key; a module left out has its initial state.
    public init(params: ChainParams, modules: ChainModules, height: UInt64, tip: Hash256, tipTimestamp: UInt64,
                finalizedHeight: UInt64, accounts: [PublicKey: Account], open: [UInt64: OpenHeight],
                bonds: [PublicKey: UInt64] = [:], moduleStates encoded: [UInt64: CBOR] = [:]) throws {
        self.params = params
        self.chainId = params.chainId
        self.height = height
        self.tip = tip
        self.tipTimestamp = tipTimestamp
        self.finalizedHeight = finalizedHeight
        self.accounts = accounts
        self.open = open
        self.bonds = bonds
        self.modules = modules
        self.moduleStates = ModuleStates()
        for key in encoded.keys where modules.module(payloadKey: key) == nil {
            throw ObjectError("the state holds a section \(key) that no module of this program knows")
        }
        for module in modules.all {
            moduleStates.storage[module.payloadKey] = try encoded[module.payloadKey].map { try module.decodeState($0) } ?? module.initialState(params)
        }
    }

    /// The state of module `M` on this chain.
    public func state<M: ChainModule>(of module: M.Type) -> M.State { moduleStates.state(M.self, params: params) }

    /// Each module's state in its cache encoding, by payload key.
    public var encodedModuleStates: [UInt64: CBOR] { moduleStates.storage.mapValues { $0.cacheEncoding() } }

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
