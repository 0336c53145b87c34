import PoTCore

/// A task on chain and what became of it: the contract the requester's post and the worker's
/// acceptance make, its delivery, its closing and its ratings.
public struct Contract: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// Posted, waiting for a worker.
        case open
        /// A worker accepted; waiting for its delivery.
        case accepted
        /// Delivered; waiting for the requester's approval or a dispute.
        case delivered
        /// Before a committee.
        case disputed
        /// Over: the escrow has moved.
        case closed(Closing)
    }

    /// How a contract ended and where its escrow went.
    public struct Closing: Equatable, Sendable {
        public enum Reason: UInt64, Sendable {
            /// The requester approved the delivery.
            case approved = 0
            /// The requester let its review window pass after a delivery.
            case reviewLapsed = 1
            /// Nobody accepted the task in time.
            case unaccepted = 2
            /// The worker did not deliver in time.
            case undelivered = 3
            /// A committee decided.
            case decided = 4
        }

        public let reason: Reason
        public let height: UInt64
        /// The worker's share of the reward, in ppm.
        public let workerShare: UInt64
    }

    public let id: Hash256
    public let post: SignedTaskPost
    public let postedAt: UInt64
    public internal(set) var acceptance: SignedTaskAcceptance?
    public internal(set) var acceptedAt: UInt64?
    public internal(set) var delivery: TaskDelivery?
    public internal(set) var deliveredAt: UInt64?
    public internal(set) var phase: Phase = .open
    /// Stars given, by rater.
    public internal(set) var ratings: [PublicKey: UInt64] = [:]

    public var requester: PublicKey { post.post.requester }
    public var worker: PublicKey? { acceptance?.acceptance.worker }
    public var reward: UInt64 { post.post.reward }

    public var closing: Closing? {
        if case .closed(let closing) = phase { return closing }
        return nil
    }

    /// Whether `key` is the requester or the worker.
    public func isParty(_ key: PublicKey) -> Bool { key == requester || key == worker }

    /// The other side of the contract from `key`, once it has a worker.
    public func counterparty(of key: PublicKey) -> PublicKey? {
        guard let worker else { return nil }
        return key == requester ? worker : key == worker ? requester : nil
    }
}
