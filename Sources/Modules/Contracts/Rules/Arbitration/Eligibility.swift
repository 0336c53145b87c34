import PoTCore

/// Who may sit on a dispute's committee, and with what weight: a member that announced an
/// arbiter key, is not a party, has completed `contracts.min_arbiter_contracts` contracts and
/// has a service trust of at least `contracts.eligibility_ppm`. Its weight is its service trust.
public enum Eligibility {
    /// `key`'s record brought to `height`, its service trust, and whether it may sit (parties aside).
    public static func standing(_ key: PublicKey, state: ContractsState, isMember: Bool, at height: UInt64,
                                params: ChainParams) -> (record: ServiceRecord, trust: UInt64, maySit: Bool) {
        let record = ServiceTrust.decayed(state.record(key), to: height, ServiceTrust.Decay(params))
        let trust = ServiceTrust.ppm(record)
        let maySit = isMember && state.arbiterKeys[key] != nil && record.contracts >= params.value(of: ContractsModule.minArbiterContracts)
            && trust >= params.value(of: ContractsModule.eligibility)
        return (record, trust, maySit)
    }

    public static func candidates(excluding contract: Contract, state: ContractsState, isMember: (PublicKey) -> Bool,
                                  at height: UInt64, params: ChainParams) -> [(key: PublicKey, weight: UInt64)] {
        state.arbiterKeys.keys.sorted().compactMap { key in
            guard !contract.isParty(key) else { return nil }
            let s = standing(key, state: state, isMember: isMember(key), at: height, params: params)
            return s.maySit ? (key, s.trust) : nil
        }
    }
}
