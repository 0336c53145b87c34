import PoTNet

/// What a simulated participant asks the network to do.
enum SimAction {
    case send(PeerID, [UInt8])
    case close(PeerID)
    case connect(String)
}

/// A participant of the simulated network: an honest node or a hostile one.
protocol SimEndpoint: AnyObject {
    var address: String { get }
    func connected(_ end: PeerID, remote: String?, outbound: Bool, now: UInt64) -> [SimAction]
    func dialFailed(_ address: String)
    func received(_ bytes: [UInt8], on end: PeerID, now: UInt64) -> [SimAction]
    func disconnected(_ end: PeerID, now: UInt64)
    func tick(now: UInt64) -> [SimAction]
}

extension [NodeAction] {
    var simActions: [SimAction] {
        map {
            switch $0 {
            case let .send(peer, bytes): return .send(peer, bytes)
            case let .close(peer, _): return .close(peer)
            case let .connect(address): return .connect(address)
            }
        }
    }
}
