import PoTCore
import PoTStore

/// Turns the path parameters of a request into a block, height or account of a snapshot, or a
/// clear refusal. The parameters' limits (see `APIParameters`) are checked first.
package enum Lookup {
    static func block(_ context: WebContext, in s: ChainSnapshot) throws -> BlockRecord {
        let prefix = try APIParameters.blockId.value(context).lowercased()
        let id = try answering { () throws(IdPrefix.Failure) in
            try IdPrefix.unique(prefix, kind: "block", place: "in this repository", among: s.blocks(withPrefix: prefix, limit: 3), id: { $0 })
        }
        return s.blocks[id]!
    }

    static func height(_ context: WebContext, in s: ChainSnapshot) throws -> HeightView {
        let h = UInt64(try APIParameters.height.value(context))!
        guard let view = s.height(h) else {
            throw WebError.notFound("no block is stored at height \(h) (the tip is at height \(s.tipHeight))")
        }
        return view
    }

    /// A label, or a public key in 64 hex digits.
    static func account(_ context: WebContext, in s: ChainSnapshot) throws -> AccountView {
        let text = try APIParameters.account.value(context)
        if text.count == 64, let key = PublicKey(hex: text) {
            guard let view = s.accounts[key] else { throw WebError.notFound("no account or label for public key \(key.hex)") }
            return view
        }
        guard let key = s.labels[text], let view = s.accounts[key] else { throw WebError.notFound("no account is labelled '\(text)'") }
        return view
    }

    /// The element of `among` whose id the path parameter `parameter` names in full or by a
    /// unique prefix (a module's market, game …): 404 when none, 400 when unreadable or ambiguous.
    package static func unique<T>(_ parameter: APIParameter, _ context: WebContext, kind: String, among: [T],
                                  id: (T) -> Hash256) throws -> T {
        let prefix = try parameter.value(context).lowercased()
        return try answering { () throws(IdPrefix.Failure) in
            try IdPrefix.unique(prefix, kind: kind, place: "in this repository", among: among, id: id)
        }
    }

    /// A failed prefix look-up as an HTTP answer: 404 when nothing matches, else 400.
    package static func answering<T>(_ lookup: () throws(IdPrefix.Failure) -> T) throws -> T {
        do { return try lookup() } catch {
            switch error {
            case .notFound: throw WebError.notFound(error.description)
            case .malformed, .ambiguous: throw WebError.badRequest(error.description)
            }
        }
    }
}
