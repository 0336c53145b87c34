import PoTContracts
import PoTCore
import PoTMarkets
import PoTMembership
import PoTNet

extension SeedChain {
    /// One message of every type, carrying the chain's objects, and more of those that carry a
    /// module's objects: each module's, a block with the membership and contracts sections, and
    /// committee messages as relays.
    public var messages: [Message] {
        let items = [InventoryItem(.vote, votes[0].id(chain: chain)), InventoryItem(.block, block2.id(chain: chain)),
                     InventoryItem(ObjectKind(MarketsModule.betKind), bets[0].id(chain: chain))]
        return [
            .hello(Hello(version: 1, chainId: chain, nodeKey: alice.publicKey, nonce: Array(repeating: 7, count: 32),
                         listenAddress: "127.0.0.1:9411", tipHeight: 3)),
            .hello(Hello(version: 1, chainId: chain, nodeKey: bob.publicKey, nonce: Array(repeating: 9, count: 32),
                         listenAddress: nil, tipHeight: 0)),
            .auth(signature: Array(repeating: 0x5a, count: 64)),
            .ping(42), .pong(42),
            .inventory(items), .getData(items), .notFound([items[0]]),
            .object(.vote(votes[0])), .object(.transfer(transfers[0])),
            .object(.block(BlockBundle(header: block2, payload: payload, pack: Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 0]))),
            .object(.block(BlockBundle(header: candidates[0], payload: Payload()))),
            .object(.module(ModuleObject(declaration, kind: MarketsModule.declarationKind))),
            .object(.module(ModuleObject(bets[1], kind: MarketsModule.betKind))),
            .object(.module(ModuleObject(resolution, kind: MarketsModule.resolutionKind))),
            .getHeaders(from: 1, count: 2000), .headers(from: 1, candidates),
            .getSync(from: 0), .syncPage(items: items, next: 2), .syncPage(items: [], next: nil),
            .getAddresses, .addresses(["127.0.0.1:9411", "[::1]:9412"]),
            .getGenesis, .genesis(params: params.cbor().encoded()),
            .goodbye(reason: "too many peers"),
            .relay(topic: 6, body: Array(repeating: 0xA5, count: 40)),
            .object(.module(ModuleObject(membership.opens[0], kind: MembershipModule.openKind))),
            .object(.module(ModuleObject(membership.reveals[1], kind: MembershipModule.revealKind))),
            .object(.module(ModuleObject(contracts.posts[0], kind: ContractsModule.postKind))),
            .object(.module(ModuleObject(contracts.disputes[0], kind: ContractsModule.disputeKind))),
            .object(.module(ModuleObject(contracts.seals[0], kind: ContractsModule.sealKind))),
            .object(.module(ModuleObject(contracts.decisions[0], kind: ContractsModule.decisionKind))),
            .object(.block(BlockBundle(header: block3, payload: modulePayload))),
            .relay(topic: ContractsModule.payloadKey, body: committee.messages[1].encoded()),
            .relay(topic: ContractsModule.payloadKey, body: committee.messages[2].encoded()),
        ]
    }
}
