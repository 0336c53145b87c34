import PoTCore

/// `HOST:PORT` as given to --listen: an IPv4 address, a host name, or `[IPv6]`.
public struct ListenAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` (`HostPort`); port 0 asks for any free port.
    public init(parsing text: String) throws {
        do {
            let parsed = try HostPort(parsing: text, allowingPortZero: true)
            self.init(host: parsed.host, port: parsed.port)
        } catch where error == .badPort(allowingZero: true) {
            throw ListenAddressError("'\(text.split(separator: ":").last ?? "")' is not a port between 0 and 65535")
        } catch {
            throw ListenAddressError("'\(text)' is not HOST:PORT (for example 127.0.0.1:8080): \(error.description)")
        }
    }

    /// 127.0.0.0/8, ::1 and localhost.
    public var isLoopback: Bool { Self.isLoopbackHost(host) }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    static func isLoopbackHost(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) && Int(p)! <= 255 }
    }

    /// Whether a Host header ("127.0.0.1:8080", "localhost", "[::1]:8080") names this machine.
    static func isLoopbackAuthority(_ authority: String) -> Bool {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            return isLoopbackHost(String(authority[authority.index(after: authority.startIndex)..<close]))
        }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return isLoopbackHost(host)
    }
}

public struct ListenAddressError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
