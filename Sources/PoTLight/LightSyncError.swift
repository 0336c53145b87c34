/// A sync that could not finish.
public enum LightSyncError: Error, Sendable, CustomStringConvertible {
    case noPeers
    /// Every peer was unreachable, dropped for serving invalid data, or failed midway.
    case noHonestPeer([PeerFailure])

    public var description: String {
        switch self {
        case .noPeers:
            return "no peer to sync from (give at least one --peer HOST:PORT)"
        case .noHonestPeer(let failures) where failures.count == 1:
            return failures[0].description
        case .noHonestPeer(let failures):
            return "none of the \(failures.count) peers completed the sync: "
                + failures.map(\.description).joined(separator: "; ")
        }
    }
}
