import PoTCore

/// Service trust, separate from consensus trust: a beta reputation over decayed evidence,
/// (r + 1) / (r + s + 2) in ppm, where r and s are the evidence for and against a member in
/// contracts' worth. A member with no record stands at 500 000 ppm. Integer only.
public enum ServiceTrust {
    public static let scale: UInt64 = 1_000_000

    /// The decay of evidence: each whole `period` of heights keeps `retainPPM` of it.
    public struct Decay: Sendable, Equatable {
        public let period: UInt64
        public let retainPPM: UInt64

        public init(period: UInt64, retainPPM: UInt64) { self.period = max(period, 1); self.retainPPM = min(retainPPM, scale) }

        public init(_ params: ChainParams) {
            self.init(period: params.value(of: ContractsModule.trustDecayPeriod), retainPPM: params.value(of: ContractsModule.trustDecayPPM))
        }

        func period(at height: UInt64) -> UInt64 { height / period }
    }

    /// `record` with its evidence decayed to the period of `height`: each elapsed period
    /// multiplies it by retainPPM / 10^6, rounding down, so it reaches 0 and stays there.
    public static func decayed(_ record: ServiceRecord, to height: UInt64, _ decay: Decay) -> ServiceRecord {
        var record = record
        let now = decay.period(at: height)
        guard now > record.period else { return record }
        var elapsed = now - record.period
        while elapsed > 0, record.positive > 0 || record.negative > 0 {
            record.positive = UInt64(UInt128(record.positive) * UInt128(decay.retainPPM) / UInt128(scale))
            record.negative = UInt64(UInt128(record.negative) * UInt128(decay.retainPPM) / UInt128(scale))
            elapsed -= 1
        }
        record.period = now
        return record
    }

    /// The trust in ppm of a record already decayed: (r + 1) / (r + s + 2), rounded down.
    public static func ppm(_ record: ServiceRecord) -> UInt64 {
        let unit = UInt128(ServiceRecord.unit)
        let r = UInt128(record.positive), s = UInt128(record.negative)
        return UInt64((r + unit) * UInt128(scale) / (r + s + 2 * unit))
    }

    /// A member's service trust at `height`.
    public static func ppm(of key: PublicKey, in state: ContractsState, at height: UInt64, _ decay: Decay) -> UInt64 {
        ppm(decayed(state.record(key), to: height, decay))
    }
}

extension ContractsState {
    /// Adds evidence to `key`'s record at `height`, decaying what it had first. Saturates rather
    /// than overflows.
    mutating func addEvidence(_ key: PublicKey, positive: UInt64 = 0, negative: UInt64 = 0, contract: Bool = false,
                              arbitration: Bool = false, at height: UInt64, _ decay: ServiceTrust.Decay) {
        var record = ServiceTrust.decayed(record(key), to: height, decay)
        record.positive = record.positive.addingReportingOverflow(positive).overflow ? .max : record.positive + positive
        record.negative = record.negative.addingReportingOverflow(negative).overflow ? .max : record.negative + negative
        if contract { record.contracts += 1 }
        if arbitration { record.arbitrations += 1 }
        service[key] = record
    }
}
