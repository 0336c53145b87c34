import CLibGit2
import Foundation
import Testing
@testable import GitKit

/// Many objects and refs written at once: one pack, one rewrite of packed-refs.
@Suite struct BatchWriteTests {
    @Test func blobsWrittenAsOnePackReadBackAndPassFsck() throws {
        try withTempRepo { repo, path in
            let blobs: [[UInt8]] = (0..<40).map { i in Array("vote \(i)\n".utf8) + [UInt8](repeating: UInt8(i), count: i * 7) } + [[]]
            let oids = try repo.writeBlobsAsPack(blobs)
            #expect(oids.count == blobs.count)
            for (oid, blob) in zip(oids, blobs) {
                #expect(try repo.readBlob(oid) == blob)
                #expect(try run(["git", "hash-object", "--stdin"], cwd: path, stdin: blob) == oid.hex)
            }
            let packs = try FileManager.default.contentsOfDirectory(atPath: path + "/.git/objects/pack")
            #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1)
            #expect(packs.filter { $0.hasSuffix(".idx") }.count == 1)
            // A fresh reader (another process) sees them too.
            #expect(try run(["git", "cat-file", "-p", oids[3].hex], cwd: path) == "vote 3\n" + String(repeating: "\u{3}", count: 21))
            try repo.createReferencesPacked(oids.enumerated().map { (name: "refs/pot/t/\($0.offset)", oid: $0.element) })
            try run(["git", "fsck", "--strict", "--full", "--no-dangling"], cwd: path)
        }
    }

    @Test func storedZlibStreamsInflateBackWithZlib() throws {
        for size in [0, 1, 300, 65_535, 65_536, 200_000] {
            let content = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
            let stream = PackEntry.stored(content)
            var length = uLongf(max(size, 1))
            var output = [UInt8](repeating: 0, count: max(size, 1))
            let rc = uncompress(&output, &length, stream, uLong(stream.count))
            #expect(rc == Z_OK, "size \(size)")
            #expect(Array(output[..<Int(length)]) == content, "size \(size)")
        }
    }

    @Test func packHeaderEncodesSizesAsGitDoes() {
        #expect(PackEntry.header(kind: 3, size: 0) == [0x30])
        #expect(PackEntry.header(kind: 3, size: 15) == [0x3f])
        #expect(PackEntry.header(kind: 3, size: 16) == [0xb0, 0x01])
        #expect(PackEntry.header(kind: 1, size: 0x1234) == [0x94, 0xa3, 0x02])
    }

    @Test func packedRefsAreCreatedOnceAndReadByGitAndNatively() throws {
        try withTempRepo { repo, path in
            let a = try repo.writeBlob(Array("a".utf8))
            let b = try repo.writeBlob(Array("b".utf8))
            try repo.setReference("refs/pot/x/loose", to: a, expecting: .some(nil), message: "loose")
            let existed = try repo.createReferencesPacked([
                (name: "refs/pot/x/loose", oid: b), (name: "refs/pot/x/1/new", oid: b), (name: "refs/pot/x/2/new", oid: a),
                (name: "refs/pot/x/1/new", oid: a),
            ])
            #expect(existed == ["refs/pot/x/loose", "refs/pot/x/1/new"])
            #expect(try repo.reference("refs/pot/x/loose") == a)  // untouched
            #expect(try repo.reference("refs/pot/x/1/new") == b)
            #expect(try repo.reference("refs/pot/x/2/new") == a)
            #expect(try run(["git", "rev-parse", "refs/pot/x/1/new"], cwd: path) == b.hex)
            #expect(try repo.references(matching: "refs/pot/x/**").map(\.name).sorted()
                        == ["refs/pot/x/1/new", "refs/pot/x/2/new", "refs/pot/x/loose"])
            // A second batch keeps the first and stays sorted, as git wants it.
            try repo.createReferencesPacked([(name: "refs/pot/a/first", oid: a)])
            let text = try String(contentsOfFile: path + "/.git/packed-refs", encoding: .utf8)
            let names = text.split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[1]) }
            #expect(names == ["refs/pot/a/first", "refs/pot/x/1/new", "refs/pot/x/2/new"])
            #expect(!FileManager.default.fileExists(atPath: path + "/.git/packed-refs.lock"))
            // git's own packing and deleting work on the file.
            try run(["git", "update-ref", "-d", "refs/pot/x/2/new"], cwd: path)
            try run(["git", "pack-refs", "--all"], cwd: path)
            #expect(try repo.reference("refs/pot/x/2/new") == nil)
            #expect(try repo.reference("refs/pot/x/loose") == a)
        }
    }

    @Test func peeledTagsAndAnUnsortedFileSurviveARewrite() throws {
        try withTempRepo { repo, path in
            let commit = try repo.commitFiles(["a": "1"])
            try repo.setReference("refs/heads/main", to: commit, message: "main")
            try run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "tag", "-a", "-m", "v1", "v1", "main"], cwd: path)
            try run(["git", "pack-refs", "--all"], cwd: path)
            let blob = try repo.writeBlob(Array("x".utf8))
            try repo.createReferencesPacked([(name: "refs/pot/z", oid: blob), (name: "refs/a", oid: blob)])
            let text = try String(contentsOfFile: path + "/.git/packed-refs", encoding: .utf8)
            #expect(text.contains("refs/tags/v1\n^" + commit.hex + "\n"))
            #expect(try run(["git", "rev-parse", "v1^{}"], cwd: path) == commit.hex)
            #expect(try run(["git", "show-ref", "--hash", "refs/pot/z"], cwd: path) == blob.hex)

            // A file written by hand, without header and out of order, comes back sorted.
            let other = try repo.writeBlob(Array("y".utf8))
            try "\(other.hex) refs/pot/m\n\(blob.hex) refs/pot/b\n".write(toFile: path + "/.git/packed-refs", atomically: true, encoding: .utf8)
            try repo.createReferencesPacked([(name: "refs/pot/c", oid: other)])
            let lines = try String(contentsOfFile: path + "/.git/packed-refs", encoding: .utf8).split(separator: "\n").dropFirst()
            #expect(lines.map { String($0.split(separator: " ")[1]) } == ["refs/pot/b", "refs/pot/c", "refs/pot/m"])
            #expect(try repo.reference("refs/pot/m") == other)
        }
    }

    @Test func conflictsAndBadNamesWriteNothing() throws {
        try withTempRepo { repo, path in
            let a = try repo.writeBlob(Array("a".utf8))
            try repo.setReference("refs/pot/d", to: a, message: "file")
            try repo.createReferencesPacked([(name: "refs/pot/p/q", oid: a)])
            let before = try String(contentsOfFile: path + "/.git/packed-refs", encoding: .utf8)
            for bad in ["refs/pot/d/under-a-ref", "refs/pot/p", "refs/pot/p/q/r", "refs/pot/bad..name", "not-refs/x", "refs/pot/x.lock"] {
                #expect(throws: GitError.self, "\(bad)") { try repo.createReferencesPacked([(name: "refs/pot/ok/\(bad.count)", oid: a), (name: bad, oid: a)]) }
            }
            #expect(try String(contentsOfFile: path + "/.git/packed-refs", encoding: .utf8) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "/.git/packed-refs.lock"))
        }
    }

    @Test func waitsForGitsLockAndNamesItWhenHeld() throws {
        try withTempRepo { repo, path in
            let a = try repo.writeBlob(Array("a".utf8))
            let lock = path + "/.git/packed-refs.lock"
            FileManager.default.createFile(atPath: lock, contents: Data())
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { try? FileManager.default.removeItem(atPath: lock) }
            try repo.createReferencesPacked([(name: "refs/pot/after/lock", oid: a)])
            #expect(try repo.reference("refs/pot/after/lock") == a)

            FileManager.default.createFile(atPath: lock, contents: Data())
            let error = #expect(throws: GitError.self) { try repo.createReferencesPacked([(name: "refs/pot/never", oid: a)]) }
            #expect(error?.message.contains("packed-refs.lock") == true)
            #expect(try repo.reference("refs/pot/never") == nil)
        }
    }
}
