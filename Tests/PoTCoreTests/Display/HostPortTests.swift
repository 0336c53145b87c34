import PoTCore
import Testing

@Suite("HOST:PORT")
struct HostPortTests {
    @Test("one parser: host names, IPv4, bracketed IPv6; port 1 to 65535, or 0 when listening",
          arguments: [("example.org:9000", "example.org", 9000), ("127.0.0.1:1", "127.0.0.1", 1), ("[::1]:65535", "::1", 65535)])
    func parses(_ text: String, _ host: String, _ port: Int) throws {
        let parsed = try HostPort(parsing: text)
        #expect(parsed.host == host && parsed.port == port && parsed.description == text)
    }

    @Test("each malformed address says what is wrong",
          arguments: [("nohost", HostPort.Problem.noPort), ("::1:9000", .unbracketedIPv6), (":9000", .badHost), ("a b:1", .badHost),
                      ("h:0", .badPort(allowingZero: false)), ("h:65536", .badPort(allowingZero: false)), ("h:+80", .badPort(allowingZero: false)),
                      ("h:", .badPort(allowingZero: false)), ("h:８０", .badPort(allowingZero: false))])
    func refuses(_ text: String, _ problem: HostPort.Problem) {
        #expect(throws: problem) { try HostPort(parsing: text) }
    }

    @Test("port 0 only when asked for")
    func portZero() throws {
        #expect(try HostPort(parsing: "127.0.0.1:0", allowingPortZero: true).port == 0)
    }
}
