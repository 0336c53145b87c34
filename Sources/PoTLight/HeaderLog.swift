import PoTCore

/// The header file's format: records of a 4-byte big-endian length, then one encoded signed
/// header. A crash can only leave the last records incomplete or unreadable; parsing stops at the
/// first such record and reports where the whole records end.
enum HeaderLog {
    struct Contents {
        var headers: [SignedHeader] = []
        /// The file offset just after each header's record.
        var ends: [Int] = []
        /// The bytes after the last whole, decodable record.
        var tornBytes = 0
    }

    static func record(_ header: SignedHeader) -> [UInt8] {
        let body = header.encoded()
        let n = UInt32(body.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + body
    }

    static func parse(_ bytes: [UInt8]) -> Contents {
        var bodies: [ArraySlice<UInt8>] = []
        var ends: [Int] = []
        var offset = 0
        while bytes.count - offset >= 4 {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length > 0, length <= ObjectLimits.maxHeaderBytes, bytes.count - offset - 4 >= length else { break }
            bodies.append(bytes[offset + 4 ..< offset + 4 + length])
            offset += 4 + length
            ends.append(offset)
        }
        let decoded = bodies.parallelMap { try? SignedHeader(bytes: Array($0)) }
        var contents = Contents()
        for (header, end) in zip(decoded, ends) {
            guard let header else { break }
            contents.headers.append(header)
            contents.ends.append(end)
        }
        contents.tornBytes = bytes.count - (contents.ends.last ?? 0)
        return contents
    }
}
