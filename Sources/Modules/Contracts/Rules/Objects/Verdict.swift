import PoTCore

/// A verdict: the worker's share of the escrowed reward, in ppm.
public struct Verdict: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: UInt64 = 1_000_000
    public static let payWorker = Verdict(workerShare: scale)
    public static let refundRequester = Verdict(workerShare: 0)

    public let workerShare: UInt64

    init(workerShare: UInt64) { self.workerShare = workerShare }

    public init(checking workerShare: UInt64) throws {
        guard workerShare <= Self.scale else { throw ObjectError("a verdict is the worker's share in ppm, 0 to 1000000, got \(workerShare)") }
        self.workerShare = workerShare
    }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.workerShare < b.workerShare }

    public var description: String {
        switch workerShare {
        case Self.scale: return "pay the worker"
        case 0: return "refund the requester"
        default: return "split: \(Double(workerShare) / 10_000)% to the worker"
        }
    }

    /// The secret an arbiter shares: the share in ppm as 4 big-endian bytes, then the salt.
    public func secret(salt: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(workerShare).bigEndian, Array.init) + salt
    }

    /// Reads a secret made by `secret(salt:)`; nil when it is not one.
    public static func open(secret: [UInt8]) -> (verdict: Verdict, salt: [UInt8])? {
        guard secret.count == ContractsLimits.verdictSecretBytes else { return nil }
        let share = secret.prefix(4).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard let verdict = try? Verdict(checking: share) else { return nil }
        return (verdict, Array(secret.dropFirst(4)))
    }
}
