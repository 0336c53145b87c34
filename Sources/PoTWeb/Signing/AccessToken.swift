import Foundation

/// The bearer token signing requests must carry: 32 random bytes in hex, made at start.
public struct AccessToken: Sendable, CustomStringConvertible {
    public let value: String

    public init(value: String) { self.value = value }

    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return AccessToken(value: bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined())
    }

    /// The credentials of an `Authorization` header of the bearer scheme, or nil. The scheme's
    /// name is matched without regard to case and may be followed by several spaces (RFC 7235).
    static func bearerCredentials(_ header: String?) -> String? {
        guard let header, let space = header.firstIndex(of: " "), header[..<space].lowercased() == "bearer" else { return nil }
        let credentials = header[space...].drop { $0 == " " }
        return credentials.isEmpty ? nil : String(credentials)
    }

    /// Whether `header` is "Bearer <this token>", compared in time independent of where it differs.
    func admits(authorization header: String?) -> Bool {
        guard let credentials = Self.bearerCredentials(header) else { return false }
        let given = Array(credentials.utf8), expected = Array(value.utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<given.count { difference |= given[i] ^ expected[i] }
        return difference == 0
    }

    /// Writes the token to `path`, readable by its owner only.
    public func write(to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TokenFileError("cannot write the token file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw TokenFileError("cannot make \(path) private: \(String(cString: strerror(errno)))") }
        let bytes = Array((value + "\n").utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw TokenFileError("cannot write the token file \(path): \(String(cString: strerror(errno)))") }
    }

    public var description: String { value }
}

public struct TokenFileError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
