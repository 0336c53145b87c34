import Foundation
import GitKit
import PoTCore
import PoTMarketsHost
import PoTMarkets
import PoTNet
import PoTNode
import PoTStore
import PoTTestSupport
import Testing

@Suite("Git-backed gossip backend")
struct StoreBackendTests {
    struct Fixture {
        let store: ChainStore
        let backend: StoreBackend
        let keys: [SigningKey]
        let directory: String

        init(members: UInt8 = 3) throws {
            directory = TestEnvironment.temporaryDirectory("pot-backend")
            keys = try (1...members).map { try SigningKey(seed: [UInt8](repeating: $0, count: 32)) }
            let params = try ChainParams(confirmations: 2, alpha: 1000, initialAccounts: keys.map { .init(key: $0.publicKey, balance: 10_000) },
                                         createdAt: 1_700_000_000)
            store = try ChainStore.initialize(at: directory, params: params)
            backend = try StoreBackend(store: store)
        }

        var chain: Hash256 { store.chainId }

        func block(_ height: UInt64, parent: Hash256, by key: SigningKey, time: UInt64, payload: Payload = Payload()) throws -> BlockBundle {
            let tree = try store.git.readCommit(store.genesisCommit).tree
            let header = try BlockHeader(height: height, parent: parent, proposer: key.publicKey, timestamp: time,
                                         tree: tree.bytes, codeCommits: [], payloadRoot: payload.root(chain: chain))
            return BlockBundle(header: SignedHeader.sign(header, with: key, chain: chain), payload: payload)
        }

        func vote(_ key: SigningKey, height: UInt64, for id: Hash256) throws -> SignedVote {
            SignedVote.sign(try Vote(voter: key.publicKey, height: height, candidates: [id], probsPpm: [900_000, 100_000]), with: key, chain: chain)
        }
    }

    @Test("NET-VALIDATE NET-BLOCK-ACCEPT: a valid block is stored under its ref; bad signatures, bad parents and rule breaks are refused and stored nowhere")
    func blocks() throws {
        let f = try Fixture()
        defer { TestEnvironment.remove(f.directory) }
        let one = try f.block(1, parent: f.chain, by: f.keys[0], time: 1_700_000_001)
        #expect(f.backend.accept(.block(one)) == .stored)
        #expect(f.backend.accept(.block(one)) == .duplicate)
        let id = one.header.id(chain: f.chain)
        #expect(try f.store.git.reference(ChainLayout.blockRef(height: 1, id: id)) != nil)

        var forged = try f.block(2, parent: id, by: f.keys[1], time: 1_700_000_002)
        forged.header.signature[0] ^= 1
        #expect(f.backend.accept(.block(forged)).isInvalid("bad-signature"))
        let early = try f.block(2, parent: id, by: f.keys[1], time: 1_700_000_000)
        #expect(f.backend.accept(.block(early)).isInvalid("invalid-block"))
        let skip = try f.block(3, parent: id, by: f.keys[1], time: 1_700_000_003)
        #expect(f.backend.accept(.block(skip)).isInvalid("bad-parent"))
        let orphan = try f.block(2, parent: DomainHash.sha256([9]), by: f.keys[1], time: 1_700_000_003)
        #expect(f.backend.accept(.block(orphan)) == .missingParent(DomainHash.sha256([9])))
        var missingTree = try f.block(2, parent: id, by: f.keys[1], time: 1_700_000_004)
        missingTree.header.header.tree = [UInt8](repeating: 0xAB, count: 20)
        missingTree.header = SignedHeader.sign(missingTree.header.header, with: f.keys[1], chain: f.chain)
        #expect(f.backend.accept(.block(missingTree)).isInvalid("missing-code"))
        #expect(try f.store.blockIds(at: 2).isEmpty)
    }

    @Test("NET-VOTE-ACCEPT: members' votes above the finalized height are stored; strangers, forgeries and stale heights are not")
    func votes() throws {
        let f = try Fixture()
        defer { TestEnvironment.remove(f.directory) }
        let one = try f.block(1, parent: f.chain, by: f.keys[0], time: 1_700_000_001)
        _ = f.backend.accept(.block(one))
        let id = one.header.id(chain: f.chain)
        #expect(f.backend.accept(.vote(try f.vote(f.keys[0], height: 1, for: id))) == .stored)
        let stranger = try SigningKey(seed: [UInt8](repeating: 50, count: 32))
        #expect(f.backend.accept(.vote(try f.vote(stranger, height: 1, for: id))).isInvalid("not-member"))
        var forged = try f.vote(f.keys[1], height: 1, for: id)
        forged.signature[3] ^= 1
        #expect(f.backend.accept(.vote(forged)).isInvalid("bad-signature"))
        if case .notYet = f.backend.accept(.vote(try f.vote(f.keys[1], height: 9, for: id))) {} else { Issue.record("a far vote was not set aside") }
        // Make height 1 final (K = 2), then a vote for it is stale.
        var parent = id
        for h: UInt64 in 2...3 {
            let next = try f.block(h, parent: parent, by: f.keys[0], time: 1_700_000_000 + h)
            #expect(f.backend.accept(.block(next)) == .stored)
            parent = next.header.id(chain: f.chain)
        }
        f.backend.settle()
        #expect(f.backend.finalizedHeight == 1)
        if case .stale = f.backend.accept(.vote(try f.vote(f.keys[2], height: 1, for: id))) {} else { Issue.record("a vote for a final height was stored") }
    }

    @Test("NET-BATCH: objects that arrive together are checked on every core and stored under one lock, with the answers each would get alone")
    func batchesAnswerAsSingles() throws {
        let f = try Fixture()
        defer { TestEnvironment.remove(f.directory) }
        let one = try f.block(1, parent: f.chain, by: f.keys[0], time: 1_700_000_001)
        #expect(f.backend.accept(.block(one)) == .stored)
        let id = one.header.id(chain: f.chain)
        let stranger = try SigningKey(seed: [UInt8](repeating: 50, count: 32))
        var forged = try f.vote(f.keys[1], height: 1, for: id)
        forged.signature[3] ^= 1
        // A forged signature reusing a valid vote's id and key: the batch's checks are bound to both.
        var swapped = try f.vote(f.keys[2], height: 1, for: id)
        swapped.signature = try f.vote(f.keys[0], height: 1, for: id).signature
        let objects: [WireObject] = [.vote(try f.vote(f.keys[0], height: 1, for: id)), .vote(forged), .vote(swapped),
                                     .vote(try f.vote(stranger, height: 1, for: id)), .vote(try f.vote(f.keys[2], height: 1, for: id))]
            + (0..<40).map { .transfer(SignedTransfer.sign(TrustTransfer(from: f.keys[1].publicKey, to: f.keys[2].publicKey, amount: 1, nonce: UInt64($0 + 1)),
                                                           with: f.keys[1], chain: f.chain)) }
        f.backend.beginBatch(objects.map { ($0, $0.item(chain: f.chain)) })
        // The lock is held for the whole batch: another writer cannot take it meanwhile.
        let other = try FileLock(path: f.store.potDirectory + "/lock")
        #expect(try !other.tryLock())
        let answers = objects.map { f.backend.accept($0) }
        f.backend.endBatch()
        #expect(try other.tryLock())
        other.unlock()
        #expect(answers[0] == .stored && answers[4] == .stored)
        #expect(answers[1].isInvalid("bad-signature") && answers[2].isInvalid("bad-signature"))
        #expect(answers[3].isInvalid("not-member"))
        #expect(answers[5...].allSatisfy { $0 == .stored })
        #expect(try f.store.git.references(matching: "refs/pot/txs/**").count == 40)
        #expect(f.backend.accept(.vote(forged)).isInvalid("bad-signature"))
    }

    /// A block at height 1, stored, and a vote on it by each member.
    private func votesOfEveryMember(_ f: Fixture) throws -> [WireObject] {
        let one = try f.block(1, parent: f.chain, by: f.keys[0], time: 1_700_000_001)
        #expect(f.backend.accept(.block(one)) == .stored)
        let id = one.header.id(chain: f.chain)
        return try f.keys.map { .vote(try f.vote($0, height: 1, for: id)) }
    }

    @Test("NET-BATCH: a batch's votes are written together when it ends, as one pack and one rewrite of packed-refs, and reported stored then")
    func batchVotesWrittenAtTheEnd() throws {
        let f = try Fixture(members: 20)
        defer { TestEnvironment.remove(f.directory) }
        let objects = try votesOfEveryMember(f)
        nonisolated(unsafe) var reported: [InventoryItem] = []
        f.backend.onStored = { reported.append($0) }
        f.backend.beginBatch(objects.map { ($0, $0.item(chain: f.chain)) })
        #expect(objects.allSatisfy { f.backend.accept($0) == .stored })
        #expect(reported.isEmpty)
        f.backend.endBatch()
        #expect(Set(reported) == Set(objects.map { $0.item(chain: f.chain) }))
        let packed = try String(contentsOfFile: f.store.git.gitDirectory + "/packed-refs", encoding: .utf8)
        #expect(packed.split(separator: "\n").filter { $0.contains(" refs/pot/votes/1/") }.count == 20)
        let packs = try FileManager.default.contentsOfDirectory(atPath: f.store.git.gitDirectory + "/objects/pack")
        #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1)
        for object in objects { #expect(f.backend.object(for: object.item(chain: f.chain)) == object) }
        #expect(f.backend.accept(objects[0]) == .duplicate)
    }

    @Test("NET-BATCH: when a batch's votes cannot be written, they are forgotten again, and nothing is reported stored")
    func batchVotesForgottenWhenTheWriteFails() throws {
        let f = try Fixture(members: 20)
        defer { TestEnvironment.remove(f.directory) }
        let objects = try votesOfEveryMember(f)
        nonisolated(unsafe) var reported: [InventoryItem] = []
        f.backend.onStored = { reported.append($0) }
        // Another process holds packed-refs.lock for longer than the write waits.
        let lock = f.store.git.gitDirectory + "/packed-refs.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        f.backend.beginBatch(objects.map { ($0, $0.item(chain: f.chain)) })
        for object in objects { _ = f.backend.accept(object) }
        f.backend.endBatch()
        #expect(reported.isEmpty)
        #expect(f.backend.lastProblem?.contains("packed-refs.lock") == true, "\(f.backend.lastProblem ?? "")")
        #expect(objects.allSatisfy { !f.backend.has($0.item(chain: f.chain)) })
        #expect(try f.store.git.references(matching: ChainLayout.votesGlob(height: 1)).isEmpty)
        try FileManager.default.removeItem(atPath: lock)
        #expect(f.backend.accept(objects[0]) == .stored)
    }

    @Test("NET-TX-ACCEPT: a signed transfer takes its nonce slot once; a used nonce or a taken slot is refused")
    func transfers() throws {
        let f = try Fixture()
        defer { TestEnvironment.remove(f.directory) }
        let tx = SignedTransfer.sign(TrustTransfer(from: f.keys[0].publicKey, to: f.keys[1].publicKey, amount: 5, nonce: 1), with: f.keys[0], chain: f.chain)
        #expect(f.backend.accept(.transfer(tx)) == .stored)
        let rival = SignedTransfer.sign(TrustTransfer(from: f.keys[0].publicKey, to: f.keys[2].publicKey, amount: 5, nonce: 1), with: f.keys[0], chain: f.chain)
        if case .stale = f.backend.accept(.transfer(rival)) {} else { Issue.record("a second transfer took a used slot") }
        var forged = SignedTransfer.sign(TrustTransfer(from: f.keys[1].publicKey, to: f.keys[2].publicKey, amount: 5, nonce: 1), with: f.keys[1], chain: f.chain)
        forged.signature[0] ^= 1
        #expect(f.backend.accept(.transfer(forged)).isInvalid("bad-signature"))
    }

    @Test("NET-MARKET-ACCEPT: market objects are stored once validly signed and applicable; unknown markets wait, strangers and forgeries are refused")
    func markets() throws {
        let f = try Fixture()
        defer { TestEnvironment.remove(f.directory) }
        let declaration = try MarketDeclaration(creator: f.keys[0].publicKey, question: "Ship?", outcomes: ["yes", "no"],
                                                resolver: f.keys[2].publicKey, closeHeight: 3, resolveBy: 9)
        let signed = SignedMarketDeclaration.sign(declaration, with: f.keys[0], chain: f.chain)
        let market = signed.id(chain: f.chain)
        let bet = SignedMarketBet.sign(try MarketBet(bettor: f.keys[1].publicKey, market: market, sequence: 1, probsPpm: [600_000, 400_000]),
                                       with: f.keys[1], chain: f.chain)
        if case .notYet = f.backend.accept(.marketBet(bet)) {} else { Issue.record("a bet on an unknown market was judged") }
        let stranger = try SigningKey(seed: [UInt8](repeating: 60, count: 32))
        let foreign = try MarketDeclaration(creator: stranger.publicKey, question: "Ship?", outcomes: ["yes", "no"],
                                            resolver: stranger.publicKey, closeHeight: 3, resolveBy: 9)
        #expect(f.backend.accept(.marketDeclaration(SignedMarketDeclaration.sign(foreign, with: stranger, chain: f.chain))).isInvalid("not-member"))
        var forged = signed
        forged.signature[1] ^= 1
        #expect(f.backend.accept(.marketDeclaration(forged)).isInvalid("bad-signature"))
        #expect(f.backend.accept(.marketDeclaration(signed)) == .stored)
        #expect(f.backend.accept(.marketDeclaration(signed)) == .duplicate)
        #expect(f.backend.accept(.marketBet(bet)) == .stored)
        let threeWay = SignedMarketBet.sign(try MarketBet(bettor: f.keys[0].publicKey, market: market, sequence: 1, probsPpm: [300_000, 300_000, 400_000]),
                                            with: f.keys[0], chain: f.chain)
        #expect(f.backend.accept(.marketBet(threeWay)).isInvalid("broken-rule"))
        let rival = SignedMarketBet.sign(try MarketBet(bettor: f.keys[1].publicKey, market: market, sequence: 1, probsPpm: [100_000, 900_000]),
                                         with: f.keys[1], chain: f.chain)
        if case .stale = f.backend.accept(.marketBet(rival)) {} else { Issue.record("a second bet took a used sequence slot") }
        let byOther = SignedMarketResolution.sign(MarketResolution(resolver: f.keys[0].publicKey, market: market, outcome: 0), with: f.keys[0], chain: f.chain)
        #expect(f.backend.accept(.marketResolution(byOther)).isInvalid("broken-rule"))
        let unknownOutcome = SignedMarketResolution.sign(MarketResolution(resolver: f.keys[2].publicKey, market: market, outcome: 2), with: f.keys[2], chain: f.chain)
        #expect(f.backend.accept(.marketResolution(unknownOutcome)).isInvalid("broken-rule"))
        let resolution = SignedMarketResolution.sign(MarketResolution(resolver: f.keys[2].publicKey, market: market, outcome: 0), with: f.keys[2], chain: f.chain)
        #expect(f.backend.accept(.marketResolution(resolution)) == .stored)
        // What a node stores it serves, and the last sync page lists the declaration before the bet.
        #expect(f.backend.object(for: InventoryItem(.marketBet, bet.id(chain: f.chain))) == .marketBet(bet))
        let page = f.backend.syncPage(from: 1, maxItems: 100).items.filter { $0.kind != .transfer }
        #expect(page.map(\.kind) == [.marketDeclaration, .marketBet, .marketResolution])
        // A proposal on this store carries all three.
        let proposal = try f.store.propose(as: f.keys[0], merges: [], timestamp: 1_700_000_001, now: 0, canonical: true)
        #expect(proposal.block.payload.markets.declarations.count == 1 && proposal.block.payload.markets.bets.count == 1)
    }

    @Test("NET-LOCAL: while a node runs, what local commands store is journaled and picked up; main moved by a command is noticed")
    func journal() throws {
        let f = try Fixture()
        defer { TestEnvironment.remove(f.directory) }
        #expect(f.backend.absorbJournal().isEmpty)
        try FileManager.default.createDirectory(atPath: f.store.potDirectory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: Journal.nodeMarker(in: f.store.potDirectory), contents: Data("1\n".utf8))
        // Local commands run in other processes, each with a store of its own.
        let cli = try ChainStore.open(at: f.directory)
        let proposal = try cli.propose(as: f.keys[0], merges: [], timestamp: 1_700_000_001, now: 0, canonical: true)
        try cli.addVote(try f.vote(f.keys[1], height: 1, for: proposal.block.id))
        let fresh = f.backend.absorbJournal()
        #expect(Set(fresh.map(\.kind)) == [.block, .vote])
        #expect(Journal.size(in: f.store.potDirectory) == 0)
        #expect(f.backend.tipHeight == 1)
        #expect(f.backend.canonicalHeaders(from: 1, count: 5).map { $0.id(chain: f.chain) } == [proposal.block.id])
    }
}

extension Acceptance {
    func isInvalid(_ code: String) -> Bool {
        if case .invalid(let c, _) = self { return c.rawValue == code }
        return false
    }
}
