import CLibGit2
import Crypto
import Foundation

extension GitRepository {
    /// Writes `blobs` as one new pack (`objects/pack/pack-<hash>.{pack,idx}`) and returns their
    /// ids in order. A file per object is what makes many small writes slow (each needs a new
    /// inode); a pack is two files whatever the count. Git reads the objects as it reads any
    /// packed object, and `git gc` folds such packs together.
    public func writeBlobsAsPack(_ blobs: [[UInt8]]) throws -> [GitOID] {
        guard !blobs.isEmpty else { return [] }
        var pack: [UInt8] = Array("PACK".utf8) + bigEndian(2) + bigEndian(UInt32(blobs.count))
        var oids: [GitOID] = []
        oids.reserveCapacity(blobs.count)
        for blob in blobs {
            oids.append(GitOID(bytes: Array(Insecure.SHA1.hash(data: Array("blob \(blob.count)\0".utf8) + blob)))!)
            pack += PackEntry.header(kind: 3, size: blob.count)
            pack += PackEntry.stored(blob)
        }
        pack += Array(Insecure.SHA1.hash(data: pack))
        let directory = gitDirectory + "/objects/pack"
        try withRepo { repo in
            var odb: OpaquePointer?
            try gitCheck(git_repository_odb(&odb, repo), "opening the object database")
            defer { git_odb_free(odb) }
            var options = git_indexer_options()
            try gitCheck(git_indexer_options_init(&options, UInt32(GIT_INDEXER_OPTIONS_VERSION)), "initialising indexer options")
            var indexer: OpaquePointer?
            try gitCheck(git_indexer_new(&indexer, directory, 0, odb, &options), "starting a pack in \(directory)")
            defer { git_indexer_free(indexer) }
            var progress = git_indexer_progress()
            let rc = pack.withUnsafeBytes { git_indexer_append(indexer, $0.baseAddress, $0.count, &progress) }
            try gitCheck(rc, "writing a pack of \(blobs.count) objects")
            try gitCheck(git_indexer_commit(indexer, &progress), "indexing a pack of \(blobs.count) objects")
            try gitCheck(git_odb_refresh(odb), "reading the new pack")
        }
        return oids
    }

    private func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}

/// The parts of a pack entry without deltas: its header and its content as a zlib stream.
enum PackEntry {
    /// The kind (1 commit, 2 tree, 3 blob, 4 tag) and size, 4 bits then 7 bits per byte.
    static func header(kind: UInt8, size: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = size >> 4
        var byte = kind << 4 | UInt8(size & 0x0f)
        while rest > 0 {
            bytes.append(byte | 0x80)
            byte = UInt8(rest & 0x7f)
            rest >>= 7
        }
        bytes.append(byte)
        return bytes
    }

    /// `content` as a zlib stream of stored (uncompressed) deflate blocks. The objects written
    /// in packs are signed objects, mostly keys, ids and signatures, which do not compress; and
    /// starting a compressor for each small object cost more than the rest of writing it.
    static func stored(_ content: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x78, 0x01]
        output.reserveCapacity(content.count + 11 + content.count / 65_535 * 5)
        var start = 0
        repeat {
            let end = min(start + 65_535, content.count)
            let length = UInt16(end - start)
            output.append(end == content.count ? 1 : 0)
            output += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
            output += content[start..<end]
            start = end
        } while start < content.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in content {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let adler = b << 16 | a
        output += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xff), UInt8(adler >> 8 & 0xff), UInt8(adler & 0xff)]
        return output
    }
}
