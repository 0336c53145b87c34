import Foundation
import PoTCore
import PoTLight
import Testing

@Suite("pot-light command line")
struct CLITests {
    static let chain = TestChain(length: 120)
    static let chainHex = CLITests.chain.chainId.hex

    func withDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let base = TemporaryDirectory.make()
        defer { TemporaryDirectory.remove(base) }
        return try await body(base)
    }

    func expectOneLineError(_ result: PotLightBinary.Result, _ message: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr == "Error: \(message)\n", sourceLocation: sourceLocation)
    }

    @Test("malformed --peer, --chain-id or --audit, or a missing option, is one clear error line and exit 1")
    func argumentErrors() async throws {
        try await withDirectory { dir in
            expectOneLineError(try await PotLightBinary.run(["sync", "--peer", "nohost", "--chain-id", Self.chainHex], in: dir),
                               "--peer 'nohost' is not a peer address HOST:PORT: it has no port")
            expectOneLineError(try await PotLightBinary.run(["sync", "--peer", "host:99999", "--chain-id", Self.chainHex], in: dir),
                               "--peer 'host:99999' is not a peer address HOST:PORT: the port must be a number from 1 to 65535")
            expectOneLineError(try await PotLightBinary.run(["sync", "--peer", "::1:9000", "--chain-id", Self.chainHex], in: dir),
                               "--peer '::1:9000' is not a peer address HOST:PORT: write an IPv6 address in brackets, as [::1]:9000")
            expectOneLineError(try await PotLightBinary.run(["sync", "--peer", "a:1", "--chain-id", "abc"], in: dir),
                               "--chain-id 'abc' is not a chain id (64 hexadecimal digits)")
            expectOneLineError(try await PotLightBinary.run(["sync", "--chain-id", Self.chainHex], in: dir),
                               "give at least one --peer HOST:PORT")
            expectOneLineError(try await PotLightBinary.run(["sync", "--peer", "a:1"], in: dir),
                               "Missing expected argument '--chain-id <chain-id>'")
            expectOneLineError(try await PotLightBinary.run(["sync", "--peer", "a:1", "--chain-id", Self.chainHex, "--audit=-2"], in: dir),
                               "--audit must be 0 or more")
            expectOneLineError(try await PotLightBinary.run(["status"], in: dir),
                               "no light chain under \(dir)/.pot-light (run pot-light sync first)")
        }
    }

    @Test("peer addresses parse as HOST:PORT or [IPv6]:PORT")
    func peerAddresses() throws {
        #expect(try PeerAddress(parsing: "node.example:9000") == PeerAddress(host: "node.example", port: 9000))
        #expect(try PeerAddress(parsing: "[::1]:7") == PeerAddress(host: "::1", port: 7))
        #expect(PeerAddress(host: "::1", port: 7).description == "[::1]:7")
        #expect(throws: PeerAddressError.self) { try PeerAddress(parsing: ":9000") }
        #expect(throws: PeerAddressError.self) { try PeerAddress(parsing: "host:0") }
    }

    @Test("sync then status: the default directory, text and JSON output")
    func syncAndStatus() async throws {
        try await withDirectory { dir in
            try await FakePeer.with(FakePeerScript(chain: Self.chain)) { peer in
                let sync = try await PotLightBinary.run(["sync", "--peer", peer.address.description, "--chain-id", Self.chainHex, "--json"], in: dir)
                #expect(sync.status == 0, "\(sync.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(sync.stdout.utf8)) as? [String: Any])
                #expect(document["height"] as? Int == 120)
                #expect(document["tip_id"] as? String == Self.chain.id(at: 120).hex)
                #expect(sync.stderr.contains("synced 120/120 headers"))
                #expect(FileManager.default.fileExists(atPath: "\(dir)/.pot-light/\(Self.chainHex)/headers"))

                let again = try await PotLightBinary.run(["sync", "--peer", peer.address.description, "--chain-id", Self.chainHex], in: dir)
                #expect(again.status == 0)
                #expect(again.stdout.contains("height   120  (0 new from \(peer.address))"))
            }
            let status = try await PotLightBinary.run(["status", "--json"], in: dir)
            #expect(status.status == 0)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
            #expect(document["chain_id"] as? String == Self.chainHex)
            #expect(document["height"] as? Int == 120)
            #expect(document["tip_id"] as? String == Self.chain.id(at: 120).hex)
            #expect(document["tip_timestamp"] as? Int == Int(Self.chain.header(at: 120).header.timestamp))

            let text = try await PotLightBinary.run(["status", "--dir", "\(dir)/.pot-light/\(Self.chainHex)"], in: "/")
            #expect(text.stdout == """
                chain    \(Self.chainHex)
                height   120
                tip      \(Self.chain.id(at: 120).hex)
                time     \(Self.chain.header(at: 120).header.timestamp)

                """)
        }
    }

    @Test("an audit that finds a bad block prints it and exits 1; an unreachable only peer exits 1")
    func failures() async throws {
        var script = FakePeerScript(chain: Self.chain)
        script.missingBlocks = Set(1...120)
        try await withDirectory { dir in
            try await FakePeer.with(script) { peer in
                let result = try await PotLightBinary.run(
                    ["sync", "--peer", peer.address.description, "--chain-id", Self.chainHex, "--audit", "3", "--dir", "chain"], in: dir)
                #expect(result.status == 1)
                #expect(result.stdout.contains("audit    3 blocks checked, 3 problems"))
                #expect(result.stderr.hasSuffix("Error: the audit found 3 problems\n"))
            }
            let closed = try await FakePeer.start(FakePeerScript(chain: Self.chain))
            await closed.stop()
            let result = try await PotLightBinary.run(
                ["sync", "--peer", closed.address.description, "--chain-id", Self.chainHex, "--dir", "chain"], in: dir)
            #expect(result.status == 1)
            #expect(result.stderr.hasSuffix("Error: cannot connect to \(closed.address): connection refused\n"))
        }
    }
}
