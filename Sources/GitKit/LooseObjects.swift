import CLibGit2
import Crypto
import Foundation

/// Reads loose objects (`objects/xx/yyyy…`, zlib-deflated `<kind> <size>\0<content>`) without
/// libgit2, checking that the content hashes to the object's id as libgit2 does. A packed
/// object is not answered here; the caller asks libgit2.
struct LooseObjects: Sendable {
    let gitDirectory: String

    /// The kind and content of `oid`; nil when it is not a loose object.
    func read(_ oid: GitOID) throws -> (kind: GitObjectKind, content: [UInt8])? {
        let hex = oid.hex
        let path = gitDirectory + "/objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
        guard let compressed = FileManager.default.contents(atPath: path) else { return nil }
        let raw = try inflate([UInt8](compressed), oid: oid)
        guard Array(Insecure.SHA1.hash(data: raw)) == oid.bytes else {
            throw GitError(message: "reading object \(hex): object hash mismatch (the file's content does not hash to its id: corrupt or tampered with)")
        }
        guard let nul = raw.firstIndex(of: 0) else { throw GitError(message: "reading object \(hex): no object header") }
        let header = String(decoding: raw[..<nul], as: UTF8.self).split(separator: " ")
        let content = Array(raw[(nul + 1)...])
        guard header.count == 2, Int(header[1]) == content.count else { throw GitError(message: "reading object \(hex): malformed object header") }
        switch header[0] {
        case "blob": return (.blob, content)
        case "tree": return (.tree, content)
        case "commit": return (.commit, content)
        case "tag": return (.tag, content)
        default: throw GitError(message: "reading object \(hex): unknown object kind \(header[0])")
        }
    }

    private func inflate(_ input: [UInt8], oid: GitOID) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GitError(message: "reading object \(oid.hex): zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, input.count * 4))
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let produced: (Int32, Int) = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let rc = CLibGit2.inflate(&stream, Z_NO_FLUSH)
                    return (rc, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[..<produced.1])
                if produced.0 == Z_STREAM_END { return Z_STREAM_END }
                if produced.0 != Z_OK && !(produced.0 == Z_BUF_ERROR && produced.1 > 0) { return produced.0 }
                if stream.avail_in == 0 && produced.1 == 0 { return Z_DATA_ERROR }
            }
        }
        guard status == Z_STREAM_END else { throw GitError(message: "reading object \(oid.hex): the object file is not valid zlib data (corrupt)") }
        return output
    }
}

/// Parsing of tree and commit content, as libgit2 reports it.
enum ObjectParsing {
    /// Entries `<octal mode> <name>\0<20-byte id>` in stored order.
    static func tree(_ content: [UInt8]) -> [GitTreeEntry]? {
        var entries: [GitTreeEntry] = []
        var index = 0
        while index < content.count {
            guard let space = content[index...].firstIndex(of: 0x20),
                  let nul = content[space...].firstIndex(of: 0), nul + 21 <= content.count,
                  let mode = UInt32(String(decoding: content[index..<space], as: UTF8.self), radix: 8),
                  let oid = GitOID(bytes: Array(content[(nul + 1)...(nul + 20)]))
            else { return nil }
            entries.append(GitTreeEntry(name: String(decoding: content[(space + 1)..<nul], as: UTF8.self), oid: oid, mode: mode))
            index = nul + 21
        }
        return entries
    }

    /// A commit whose headers are tree, parents, author and committer in that order (what git
    /// and libgit2 write); anything else is left to libgit2.
    static func commit(_ content: [UInt8], oid: GitOID) -> GitCommitInfo? {
        let text = String(decoding: content, as: UTF8.self)
        guard Array(text.utf8) == content, let blank = text.range(of: "\n\n") else { return nil }
        let lines = text[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0].hasPrefix("tree "), let tree = GitOID(hex: String(lines[0].dropFirst(5))) else { return nil }
        var parents: [GitOID] = []
        var index = 1
        while index < lines.count, lines[index].hasPrefix("parent ") {
            guard let parent = GitOID(hex: String(lines[index].dropFirst(7))) else { return nil }
            parents.append(parent)
            index += 1
        }
        guard index + 2 == lines.count, lines[index].hasPrefix("author "), lines[index + 1].hasPrefix("committer "),
              let author = signature(lines[index].dropFirst(7)), let committer = signature(lines[index + 1].dropFirst(10))
        else { return nil }
        return GitCommitInfo(oid: oid, tree: tree, parents: parents, author: author, committer: committer,
                             message: String(text[blank.upperBound...]))
    }

    /// `Name <email> <seconds> <±hhmm>`.
    static func signature(_ line: Substring) -> GitSignature? {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close,
              open > line.startIndex, line[line.index(before: open)] == " " else { return nil }
        let name = String(line[..<line.index(before: open)])
        let email = String(line[line.index(after: open)..<close])
        let rest = line[line.index(after: close)...].split(separator: " ")
        guard rest.count == 2, let time = Int64(rest[0]), rest[1].count == 5, let sign = rest[1].first, sign == "+" || sign == "-",
              let hours = Int32(rest[1].dropFirst().prefix(2)), let minutes = Int32(rest[1].suffix(2))
        else { return nil }
        let offset = hours * 60 + minutes
        return GitSignature(name: name, email: email, time: time, offsetMinutes: sign == "-" ? -offset : offset)
    }

    /// The id git gives the commit made of these fields, computed without writing it.
    static func commitOid(tree: GitOID, parents: [GitOID], author: GitSignature, committer: GitSignature, message: String) -> GitOID {
        var body = "tree \(tree.hex)\n"
        for parent in parents { body += "parent \(parent.hex)\n" }
        body += "author \(format(author))\ncommitter \(format(committer))\n\n\(message)"
        let bytes = Array("commit \(body.utf8.count)\0".utf8) + Array(body.utf8)
        return GitOID(bytes: Array(Insecure.SHA1.hash(data: bytes)))!
    }

    private static func format(_ s: GitSignature) -> String {
        let magnitude = abs(s.offsetMinutes)
        let offset = (s.offsetMinutes < 0 ? "-" : "+") + String(format: "%02d%02d", magnitude / 60, magnitude % 60)
        return "\(s.name) <\(s.email)> \(s.time) \(offset)"
    }
}
