import PoTCore
import PoTMarketsHost
import PoTMarkets
import PoTModules
import PoTNet
import Testing

@Suite("Wire format")
struct WireTests {
    @Test("NET-FRAME: frames are length-prefixed, reassembled across reads, and bounded before buffering")
    func frames() throws {
        let body = Message.ping(7).encoded()
        let frame = Frame.encode(body)
        #expect(Array(frame.prefix(4)) == [0, 0, 0, UInt8(body.count)])
        var decoder = FrameDecoder(maxBytes: 64)
        decoder.append(frame.prefix(3))
        #expect(try decoder.next() == nil)
        decoder.append(frame.dropFirst(3) + frame)
        #expect(try decoder.next() == body)
        #expect(try decoder.next() == body)
        #expect(try decoder.next() == nil)
        decoder.append([0, 0, 1, 0])
        #expect(throws: FrameError.oversized(declared: 256, limit: 64)) { try decoder.next() }
        var empty = FrameDecoder()
        empty.append([0, 0, 0, 0])
        #expect(throws: FrameError.empty) { try empty.next() }
    }

    @Test("NET-MSG: every message round-trips; unknown types, unknown fields and non-canonical bytes are refused")
    func messages() throws {
        let key = try SigningKey(seed: [UInt8](repeating: 3, count: 32))
        let chain = DomainHash.sha256([1])
        let vote = SignedVote.sign(try Vote(voter: key.publicKey, height: 2, candidates: [chain], probsPpm: [900_000, 100_000]), with: key, chain: chain)
        let header = SignedHeader.sign(try BlockHeader(height: 1, parent: chain, proposer: key.publicKey, timestamp: 5,
                                                       tree: [UInt8](repeating: 0, count: 20), codeCommits: [],
                                                       payloadRoot: Payload().root(chain: chain)), with: key, chain: chain)
        let item = InventoryItem(.vote, vote.id(chain: chain))
        let declaration = SignedMarketDeclaration.sign(
            try MarketDeclaration(creator: key.publicKey, question: "q?", outcomes: ["a", "b"], resolver: key.publicKey, closeHeight: 4, resolveBy: 9),
            with: key, chain: chain)
        let bet = SignedMarketBet.sign(try MarketBet(bettor: key.publicKey, market: chain, sequence: 1, probsPpm: [1, 999_999]), with: key, chain: chain)
        let resolution = SignedMarketResolution.sign(MarketResolution(resolver: key.publicKey, market: chain, outcome: 1), with: key, chain: chain)
        let all: [Message] = [
            .object(.marketDeclaration(declaration)), .object(.marketBet(bet)), .object(.marketResolution(resolution)),
            .inventory([InventoryItem(.marketBet, bet.id(chain: chain)), InventoryItem(.marketResolution, chain)]),
            .hello(Hello(version: 1, chainId: chain, nodeKey: key.publicKey, nonce: [UInt8](repeating: 9, count: 32), listenAddress: "127.0.0.1:1", tipHeight: 4)),
            .auth(signature: [UInt8](repeating: 1, count: 64)), .ping(1), .pong(2), .inventory([item]), .getData([item]),
            .object(.vote(vote)), .object(.block(BlockBundle(header: header, payload: Payload(votes: [vote]), pack: [1, 2]))),
            .notFound([item]), .getHeaders(from: 1, count: 10), .headers(from: 1, [header]), .getSync(from: 3),
            .syncPage(items: [item], next: 9), .syncPage(items: [], next: nil), .getAddresses, .addresses(["a:1"]),
            .getGenesis, .genesis(params: [1, 2, 3]), .goodbye(reason: "bye"), .relay(topic: 6, body: [9, 9]),
        ]
        for message in all {
            #expect(try Message(bytes: message.encoded(), modules: .standard) == message)
        }
        #expect(throws: (any Error).self) { try Message(bytes: CBOR.map([0: .unsigned(99)]).encoded(), modules: .standard) }
        #expect(throws: (any Error).self) { try Message(bytes: CBOR.map([0: .unsigned(3), 1: .unsigned(1), 2: .unsigned(0)]).encoded(), modules: .standard) }
        #expect(throws: (any Error).self) { try Message(bytes: [0xA2, 0x00, 0x03, 0x01, 0x18, 0x01], modules: .standard) }  // 1 written in two bytes
        #expect(throws: (any Error).self) { try Message(bytes: CBOR.map([0: .unsigned(7), 1: .map([1: .unsigned(9), 2: .bytes([])])]).encoded(), modules: .standard) }
    }
}
