import PoTCore
import PoTStore

/// Turns the path parameters of a request into a block, height, account or market of a
/// snapshot, or a clear refusal. The parameters' limits (see `APIParameters`) are checked first.
enum Lookup {
    static func block(_ context: WebContext, in s: ChainSnapshot) throws -> BlockRecord {
        let prefix = try APIParameters.blockId.value(context).lowercased()
        let matches = s.blocks(withPrefix: prefix, limit: 2)
        guard let first = matches.first else { throw WebError.notFound("no block in this repository starts with '\(prefix)'") }
        guard matches.count == 1 else {
            throw WebError.badRequest("'\(prefix)' matches more than one block; give more digits (or search: /search?q=\(prefix))")
        }
        return s.blocks[first]!
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

    static func market(_ context: WebContext, in s: ChainSnapshot) throws -> MarketReport {
        let prefix = try APIParameters.marketId.value(context).lowercased()
        let matches = s.markets.filter { $0.id.hasPrefix(prefix) }
        guard let first = matches.first else { throw WebError.notFound("no market in this repository starts with '\(prefix)'") }
        guard matches.count == 1 else { throw WebError.badRequest("'\(prefix)' matches more than one market; give more digits") }
        return first
    }
}
