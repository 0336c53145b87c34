import PoTCore
import PoTModules

/// Encodes a `ChainState` for the local cache. The cache is never trusted over the chain:
/// it is keyed by the commit it was computed for and rebuilt when that does not match.
enum StateCodec {
    static func encode(_ s: ChainState) -> CBOR {
        .map([
            1: s.params.cbor(),
            2: .unsigned(s.height),
            3: .bytes(s.tip.bytes),
            4: .unsigned(s.tipTimestamp),
            5: .unsigned(s.finalizedHeight),
            6: .array(s.accounts.keys.sorted().map { key in
                let a = s.accounts[key]!
                return .array([.bytes(key.bytes), .unsigned(a.balance), .unsigned(a.nonce), .unsigned(a.member ? 1 : 0)])
            }),
            7: .array(s.open.keys.sorted().map { height in
                let o = s.open[height]!
                return .array([
                    .unsigned(height),
                    .bytes(o.block.bytes),
                    .array(o.trustSnapshot.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(o.trustSnapshot[$0]!)]) }),
                    .array(o.votes.keys.sorted().map { o.votes[$0]!.cbor() }),
                    .array(o.penalized.sorted().map { .bytes($0.bytes) }),
                ])
            }),
            8: .array(s.encodedModuleStates.sorted { $0.key < $1.key }.map { .array([.unsigned($0.key), $0.value]) }),
            9: .array(s.bonds.keys.sorted().map { .array([.bytes($0.bytes), .unsigned(s.bonds[$0]!)]) }),
        ])
    }

    private static func pairs(_ value: CBOR) throws -> [PublicKey: UInt64] {
        var result: [PublicKey: UInt64] = [:]
        for pair in try value.array("trust", max: 1 << 24) {
            let p = try pair.array("trust entry", max: 2)
            guard p.count == 2 else { throw StoreError("cached trust entry is malformed") }
            result[try key(p[0])] = try p[1].uint("trust")
        }
        return result
    }

    static func decode(_ value: CBOR) throws -> ChainState {
        let f = try CBORFields(value, object: "cached state", allowedKeys: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let params = try ChainParams(cbor: try f.value(1))
        var accounts: [PublicKey: Account] = [:]
        for entry in try f.array(6, max: 1 << 24) {
            let a = try entry.array("account", max: 4)
            guard a.count == 4 else { throw StoreError("cached account is malformed") }
            accounts[try key(a[0])] = Account(balance: try a[1].uint("balance"), nonce: try a[2].uint("nonce"), member: try a[3].uint("member") == 1)
        }
        var open: [UInt64: OpenHeight] = [:]
        for entry in try f.array(7, max: 1 << 16) {
            let o = try entry.array("open height", max: 5)
            guard o.count == 5 else { throw StoreError("cached open height is malformed") }
            let snapshot = try pairs(o[2])
            var height = OpenHeight(block: Hash256(bytes: try o[1].bytes("block", count: 32))!, trustSnapshot: snapshot)
            for vote in try o[3].array("votes", max: 1 << 24) {
                let v = try Vote(cbor: vote)
                height.votes[v.voter] = v
            }
            height.penalized = Set(try o[4].array("penalized", max: 1 << 24).map(key))
            open[try o[0].uint("height")] = height
        }
        var modules: [UInt64: CBOR] = [:]
        for entry in try f.optionalArray(8, max: 1 << 16) ?? [] {
            let pair = try entry.array("module state", max: 2)
            guard pair.count == 2 else { throw StoreError("cached module state is malformed") }
            modules[try pair[0].uint("payload key")] = pair[1]
        }
        return try ChainState(
            params: params, modules: .standard, height: try f.uint(2), tip: Hash256(bytes: try f.bytes(3, count: 32))!,
            tipTimestamp: try f.uint(4), finalizedHeight: try f.uint(5), accounts: accounts, open: open,
            bonds: try pairs(f.optionalArray(9, max: 1 << 24).map { .array($0) } ?? .array([])), moduleStates: modules)
    }

    private static func key(_ value: CBOR) throws -> PublicKey {
        PublicKey(bytes: try value.bytes("public key", count: 32))!
    }
}
