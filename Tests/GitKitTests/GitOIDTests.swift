import Testing
@testable import GitKit

@Suite struct GitOIDTests {
    @Test func hexRoundTrip() throws {
        let hex = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        let oid = try #require(GitOID(hex: hex))
        #expect(oid.hex == hex)
        #expect(oid.description == hex)
        #expect(oid.bytes.count == 20)
        #expect(GitOID(bytes: oid.bytes) == oid)
        #expect(GitOID(hex: hex.uppercased()) == oid)
        #expect(oid == GitRepository.emptyTree)
    }

    @Test func rejectsMalformed() {
        #expect(GitOID(hex: "") == nil)
        #expect(GitOID(hex: "4b825dc") == nil)
        #expect(GitOID(hex: "zb825dc642cb6eb9a060e54bf8d69288fbee4904") == nil)
        #expect(GitOID(hex: "4b825dc642cb6eb9a060e54bf8d69288fbee49044") == nil)
        #expect(GitOID(bytes: [1, 2, 3]) == nil)
    }

    @Test func ordering() {
        let a = GitOID(bytes: [UInt8](repeating: 0, count: 19) + [1])!
        let b = GitOID(bytes: [1] + [UInt8](repeating: 0, count: 19))!
        #expect(a < b)
        #expect(!(b < a))
        #expect([b, a].sorted() == [a, b])
    }
}
