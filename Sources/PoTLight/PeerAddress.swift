import PoTCore

/// Where a peer listens: "host:port", or "[v6 address]:port".
public struct PeerAddress: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses "host:port" (`HostPort`); `listening` also accepts port 0 (any free port).
    public init(parsing text: String, listening: Bool = false) throws(PeerAddressError) {
        do {
            let parsed = try HostPort(parsing: text, allowingPortZero: listening)
            self.init(host: parsed.host, port: parsed.port)
        } catch {
            throw PeerAddressError(text, error.description)
        }
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
