import Foundation

/// A "host:port" address; IPv6 hosts go in brackets ("[::1]:9470").
public struct HostPort: Equatable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":") else { throw NodeError("'\(text)' is not HOST:PORT") }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw NodeError("'\(text)' is not HOST:PORT with a port from 0 to 65535")
        }
        self.init(host: host, port: port)
    }

    public static func list(_ text: String) throws -> [HostPort] {
        try text.split(separator: ",").map { try HostPort(parsing: String($0).trimmingCharacters(in: .whitespaces)) }
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

public struct NodeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
