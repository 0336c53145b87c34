/// An object named by its id or by a unique prefix of it, in hexadecimal: the one rule every
/// verb, page and API call applies, so a refusal reads the same wherever it comes from.
public enum IdPrefix {
    /// Why a text names no single object; the text says so in one line.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Not hexadecimal digits (or longer than an id).
        case malformed(String)
        /// No candidate's id starts with the prefix.
        case notFound(String)
        /// Several candidates' ids do.
        case ambiguous(String)

        public var description: String {
            switch self {
            case .malformed(let text), .notFound(let text), .ambiguous(let text): text
            }
        }
    }

    /// The one element of `candidates` whose id starts with `text` (hexadecimal digits, either
    /// case). `kind` names what is looked up ("market", "candidate block"), `place` where it
    /// was looked for ("at height 3"), both for the refusal.
    public static func unique<Element>(_ text: String, kind: String, place: String? = nil,
                                       among candidates: some Sequence<Element>,
                                       id: (Element) -> Hash256) throws(Failure) -> Element {
        let prefix = text.lowercased()
        guard Hex.isHexPrefix(prefix), prefix.utf8.count <= 64 else {
            throw .malformed("'\(text)' is not a \(kind) id (expected hexadecimal digits)")
        }
        let matches = candidates.filter { id($0).hex.hasPrefix(prefix) }
        guard let first = matches.first else {
            throw .notFound("no \(kind)\(place.map { " " + $0 } ?? "") starts with '\(prefix)'")
        }
        guard matches.count == 1 else {
            let named = matches.prefix(3).map { id($0).short }.joined(separator: ", ") + (matches.count > 3 ? ", …" : "")
            throw .ambiguous("'\(prefix)' matches more than one \(kind) (\(named)); give more digits")
        }
        return first
    }
}
