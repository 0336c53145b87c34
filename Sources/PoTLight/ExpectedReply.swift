import PoTCore
import PoTNet

/// What answers a request: the reply kind it waits for and the content that kind must carry.
struct ExpectedReply: Sendable {
    enum Verdict: Equatable { case answers, wrongContent, unrelated }

    let request: Message
    let chain: Hash256

    /// Nil when the message is not a request.
    init?(_ request: Message, chain: Hash256) {
        switch request {
        case .getGenesis, .getHeaders, .getData, .ping, .getSync, .getAddresses: break
        default: return nil
        }
        self.request = request
        self.chain = chain
    }

    func judge(_ reply: Message) -> Verdict {
        switch (request, reply) {
        case (.getGenesis, .genesis), (.getSync, .syncPage), (.getAddresses, .addresses):
            return .answers
        case let (.ping(sent), .pong(echoed)):
            return sent == echoed ? .answers : .unrelated
        case let (.getHeaders(from, count), .headers(start, headers)):
            return start == from && UInt64(headers.count) <= count ? .answers : .wrongContent
        case let (.getData(items), .object(object)):
            return items.contains(object.item(chain: chain)) ? .answers : .wrongContent
        case let (.getData(items), .notFound(missing)):
            return !missing.isEmpty && Set(missing).isSubset(of: items) ? .answers : .wrongContent
        default:
            return .unrelated
        }
    }
}
