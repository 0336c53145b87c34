import Foundation
import GitKit
import PoTCore

/// The derived state of `main` kept in `.git/pot/cache/state-v1.cbor`: the state at the tip and
/// at the finalized height, each with the commit it belongs to.
public struct CachedStates: Sendable {
    public var tipCommit: GitOID
    public var tip: ChainState
    public var finalCommit: GitOID
    public var final: ChainState
}

extension ChainStore {
    var cachePath: String { potDirectory + "/cache/state-v1.cbor" }

    func readCache() -> CachedStates? {
        guard let data = FileManager.default.contents(atPath: cachePath),
              let value = try? CBOR.decode(Array(data), limits: CBORLimits(maxDepth: 16, maxLength: 1 << 26)),
              let f = try? CBORFields(value, object: "state cache", allowedKeys: [1, 2, 3, 4, 5, 6]),
              (try? f.uint(1)) == 3,
              let chain = try? f.bytes(2, count: 32), chain == chainId.bytes,
              let tipCommit = (try? f.bytes(3, count: 20)).flatMap(GitOID.init(bytes:)),
              let finalCommit = (try? f.bytes(5, count: 20)).flatMap(GitOID.init(bytes:)),
              let tip = try? StateCodec.decode(f.value(4)),
              let final = try? StateCodec.decode(f.value(6)),
              tip.params == params, final.params == params
        else { return nil }
        return CachedStates(tipCommit: tipCommit, tip: tip, finalCommit: finalCommit, final: final)
    }

    func writeCache(_ states: CachedStates) {
        let value = CBOR.map([
            1: .unsigned(3),
            2: .bytes(chainId.bytes),
            3: .bytes(states.tipCommit.bytes),
            4: StateCodec.encode(states.tip),
            5: .bytes(states.finalCommit.bytes),
            6: StateCodec.encode(states.final),
        ])
        try? FileManager.default.createDirectory(atPath: potDirectory + "/cache", withIntermediateDirectories: true)
        // A failed cache write only costs a rebuild next time.
        try? writeFileAtomically(value.encoded(), to: cachePath)
    }
}
