import PoTCore
import PoTStore

/// Turns the text of a URL into a block, height or account of a snapshot, or a clear refusal.
enum Lookup {
    /// At least this many hex digits name a block.
    static let minimumPrefix = 4

    static func block(_ text: String, in s: ChainSnapshot) throws -> BlockRecord {
        let prefix = text.lowercased()
        guard Hex.isHexPrefix(prefix), prefix.count <= 64 else {
            throw WebError.badRequest("'\(text)' is not a block id (expected up to 64 hexadecimal digits)")
        }
        guard prefix.count >= minimumPrefix else {
            throw WebError.badRequest("a block id prefix needs at least \(minimumPrefix) hexadecimal digits, got \(prefix.count)")
        }
        let matches = s.blocks(withPrefix: prefix, limit: 2)
        guard let first = matches.first else { throw WebError.notFound("no block in this repository starts with '\(prefix)'") }
        guard matches.count == 1 else {
            throw WebError.badRequest("'\(prefix)' matches more than one block; give more digits (or search: /search?q=\(prefix))")
        }
        return s.blocks[first]!
    }

    static func height(_ text: String, in s: ChainSnapshot) throws -> HeightView {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let h = UInt64(text) else {
            throw WebError.badRequest("'\(text)' is not a height (expected a whole number)")
        }
        guard h >= 1 else { throw WebError.notFound("height 0 is the genesis, which has no block; heights start at 1") }
        guard let view = s.height(h) else {
            throw WebError.notFound("no block is stored at height \(h) (the tip is at height \(s.tipHeight))")
        }
        return view
    }

    /// A label, or a public key in 64 hex digits.
    static func account(_ text: String, in s: ChainSnapshot) throws -> AccountView {
        if text.count == 64, let key = PublicKey(hex: text) {
            guard let view = s.accounts[key] else { throw WebError.notFound("no account or label for public key \(key.hex)") }
            return view
        }
        do { try KeyRing.validate(label: text) } catch {
            throw WebError.badRequest("\(error), nor a 64-digit public key")
        }
        guard let key = s.labels[text], let view = s.accounts[key] else { throw WebError.notFound("no account is labelled '\(text)'") }
        return view
    }
}
