/// Where a peer listens: "host:port", or "[v6 address]:port".
public struct PeerAddress: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses "host:port"; `listening` also accepts port 0 (any free port).
    public init(parsing text: String, listening: Bool = false) throws(PeerAddressError) {
        guard let colon = text.lastIndex(of: ":") else { throw PeerAddressError(text, "it has no port") }
        var host = Substring(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = host.dropFirst().dropLast()
        } else if host.contains(":") {
            throw PeerAddressError(text, "write an IPv6 address in brackets, as [::1]:9000")
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "[" || $0 == "]" }) else {
            throw PeerAddressError(text, "the host is missing or malformed")
        }
        guard let port = UInt16(text[text.index(after: colon)...]), port > 0 || listening else {
            throw PeerAddressError(text, "the port must be a number from 1 to 65535")
        }
        self.init(host: String(host), port: Int(port))
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

public struct PeerAddressError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let problem: String

    init(_ text: String, _ problem: String) {
        self.text = text
        self.problem = problem
    }

    public var description: String { "'\(text)' is not a peer address HOST:PORT: \(problem)" }
}

extension PeerAddress {
    /// "HOST:PORT,HOST:PORT,…" (blank entries ignored).
    public static func list(_ text: String) throws(PeerAddressError) -> [PeerAddress] {
        var result: [PeerAddress] = []
        for part in text.split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { result.append(try PeerAddress(parsing: trimmed)) }
        }
        return result
    }
}
