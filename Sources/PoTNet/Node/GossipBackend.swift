import PoTCore

/// What a received object turned out to be once fully validated.
public enum Acceptance: Equatable, Sendable {
    /// New and valid; now stored. Relay it.
    case stored
    /// Already stored.
    case duplicate
    /// A block whose parent this node does not have yet.
    case missingParent(Hash256)
    /// Valid once, useless now (for instance a vote for a finalized height). Not the sender's fault.
    case stale(String)
    /// Cannot be judged yet (for instance a vote for a height beyond the blocks this node has).
    /// Dropped without blame and without being remembered, so a later sync fetches it again.
    case notYet(String)
    /// Breaks a rule. `code` names the rule for metrics; `detail` says what is wrong.
    case invalid(code: RejectReason, detail: String)
}

/// The chain a node gossips about: validation, storage and the queries peers may make.
/// Calls are synchronous and come from one thread at a time.
public protocol GossipBackend: AnyObject {
    var chainId: Hash256 { get }
    /// The modules of the chain: the kinds of object its peers may send besides the kernel's.
    var modules: ChainModules { get }
    var genesisParams: [UInt8] { get }
    var tipHeight: UInt64 { get }
    var finalizedHeight: UInt64 { get }
    func has(_ item: InventoryItem) -> Bool
    func object(for item: InventoryItem) -> WireObject?
    /// Validates `object`, whose inventory item is `item`, completely and stores it if it is
    /// new and valid.
    func accept(_ object: WireObject, item: InventoryItem) -> Acceptance
    /// Headers of the canonical chain at heights `from` … `from + count − 1` (fewer at the tip).
    func canonicalHeaders(from: UInt64, count: Int) -> [SignedHeader]
    /// Items stored at heights ≥ `from`, by ascending height, at most `maxItems` (whole heights
    /// only, unless one height alone is larger); `next` is where to continue, nil when done.
    /// The last page also lists pending transfers and module objects (in each module's
    /// dependency order of kinds, so that a market's declaration comes before its bets).
    func syncPage(from: UInt64, maxItems: Int) -> (items: [InventoryItem], next: UInt64?)
    /// Brings the canonical chain up to date with what was stored (fork choice).
    func settle()
    /// Announces the objects of one arrival (one read from one peer) before any of them is
    /// accepted, so the backend can check their signatures together and keep its storage open
    /// for the batch; `endBatch()` follows the last `accept`.
    func beginBatch(_ objects: [(object: WireObject, item: InventoryItem)])
    func endBatch()
}

extension GossipBackend {
    public func beginBatch(_ objects: [(object: WireObject, item: InventoryItem)]) {}
    public func endBatch() {}

    public func accept(_ object: WireObject) -> Acceptance { accept(object, item: object.item(chain: chainId)) }
}
