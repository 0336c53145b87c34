/// `HOST:PORT` as people write it: an IPv4 address or a host name, or an IPv6 address in
/// brackets (`[::1]:9000`). The one parser behind `--peer`, `--listen` and the addresses peers
/// announce.
public struct HostPort: Hashable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    /// What is wrong with a text that is not `HOST:PORT`, in a few words.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
        public static let noPort = Problem(description: "it has no port")
        public static let unbracketedIPv6 = Problem(description: "write an IPv6 address in brackets, as [::1]:9000")
        public static let badHost = Problem(description: "the host is missing or malformed")
        public static func badPort(allowingZero: Bool) -> Problem {
            Problem(description: "the port must be a number from \(allowingZero ? 0 : 1) to 65535")
        }
    }

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`; port 0 (any free port) only when `allowingPortZero`.
    public init(parsing text: String, allowingPortZero: Bool = false) throws(Problem) {
        guard let colon = text.lastIndex(of: ":") else { throw .noPort }
        var host = Substring(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = host.dropFirst().dropLast()
        } else if host.contains(":") {
            throw .unbracketedIPv6
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "[" || $0 == "]" }) else { throw .badHost }
        let digits = text[text.index(after: colon)...]
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let port = UInt16(digits), port > 0 || allowingPortZero else {
            throw .badPort(allowingZero: allowingPortZero)
        }
        self.init(host: String(host), port: Int(port))
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
