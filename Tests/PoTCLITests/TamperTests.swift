import Foundation
import PoTTestSupport
import Testing

@Suite("Tampering is detected and named")
struct TamperTests {
    /// The blob id of `entry` in the record tree of the block at refs/pot/blocks/<height>/<id>.
    func recordBlob(_ chain: WalkthroughChain, height: Int, id: String, entry: String) throws -> String {
        try Run.git(["rev-parse", "refs/pot/blocks/\(height)/\(id)^{tree}:\(entry)"], in: chain.directory)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("GIT-TAMPER: a payload blob edited by hand and re-linked is named by pot verify")
    func editedPayloadIsNamed() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        let h2 = try Run.git(["log", "-1", "--format=%s", "main~1"], in: dir).stdout
        let id2 = String(h2.split(separator: "=").last!).trimmingCharacters(in: .whitespacesAndNewlines)
        let payload = try recordBlob(chain, height: 2, id: id2, entry: "payload")
        // Flip one byte of the payload, write it as a new blob, and rebuild the record around it.
        let bytes = try Run.git(["cat-file", "blob", payload], in: dir)
        #expect(bytes.status == 0)
        let tmp = dir + "/.git/edited"
        let raw = try Run.process("/bin/sh", ["-c", "git cat-file blob \(payload) > \(tmp)"], in: dir, environment: [:])
        #expect(raw.status == 0)
        var content = try [UInt8](Data(contentsOf: URL(fileURLWithPath: tmp)))
        content[content.count - 1] ^= 0x01
        try Data(content).write(to: URL(fileURLWithPath: tmp))
        let edited = try Run.git(["hash-object", "-w", tmp], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let header = try recordBlob(chain, height: 2, id: id2, entry: "header")
        let treeInput = "100644 blob \(header)\theader\n100644 blob \(edited)\tpayload\n"
        try treeInput.write(toFile: tmp, atomically: true, encoding: .utf8)
        let tree = try Run.process("/bin/sh", ["-c", "git mktree < \(tmp)"], in: dir, environment: [:]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = try Run.git(["commit-tree", tree, "-p", "main~1", "-m", "pot: record"], in: dir).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try Run.git(["update-ref", "refs/pot/blocks/2/\(id2)", record], in: dir)
        let result = try Run.pot(["verify"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("payload blob \(edited)"))
        #expect(result.stdout.contains("FAIL"))
    }

    func objectPath(_ dir: String, _ oid: String) throws -> String {
        "\(dir)/.git/objects/\(oid.prefix(2))/\(oid.dropFirst(2))"
    }

    @Test("GIT-TAMPER: a loose object rewritten in place is named by pot verify")
    func rewrittenLooseObjectIsNamed() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let dir = chain.directory
        let header = try recordBlob(chain, height: 1, id: chain.a, entry: "header")
        let path = try objectPath(dir, header)
        // Replace the object file with a valid zlib stream of different content under the same name.
        let script = "import zlib,sys; d=open(sys.argv[1],'rb').read(); raw=zlib.decompress(d); i=raw.index(b'\\0'); body=bytearray(raw[i+1:]); body[-1]^=1; open(sys.argv[1],'wb').write(zlib.compress(raw[:i+1]+bytes(body)))"
        try Run.process("/bin/chmod", ["u+w", path], in: dir, environment: [:])
        let python = try Run.process("/usr/bin/env", ["python3", "-c", script, path], in: dir, environment: [:])
        #expect(python.status == 0, "\(python.stderr)")
        let result = try Run.pot(["verify"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains(header))
    }

    @Test("SIG-CHAIN: a vote signed for another chain, slipped under refs/pot/votes, is named by pot verify")
    func voteFromAnotherChainIsNamed() throws {
        let chain = try WalkthroughChain.make(finish: false)
        let other = try WalkthroughChain.make(finish: false)
        defer { chain.remove(); other.remove() }
        let refs = try Run.git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/pot/votes/"], in: other.directory).stdout
        let first = refs.split(separator: "\n")[0].split(separator: " ")
        let blob = try Run.process("/bin/sh", ["-c", "git -C \(other.directory) cat-file blob \(first[1]) | git hash-object -w --stdin"],
                                   in: chain.directory, environment: [:]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try Run.git(["update-ref", String(first[0]), blob], in: chain.directory)
        let result = try Run.pot(["verify"], in: chain.directory)
        #expect(result.status == 1)
        #expect(result.stdout.contains(String(first[0])))
        #expect(result.stdout.contains("another chain"))
    }
}
