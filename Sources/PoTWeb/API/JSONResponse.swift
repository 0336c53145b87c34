import Foundation
import Hummingbird
import Synchronization

/// JSON as the API writes it: keys sorted, slashes unescaped, one line.
package enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        if pretty { data.append(UInt8(ascii: "\n")) }
        return ByteBuffer(bytes: data)
    }

    package static func response(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    package static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try encode(value), status: status)
    }
}

/// Responses made from one snapshot, kept while it is current: the model is immutable, so a
/// page or document is encoded once however often it is asked for.
final class ResponseCache: Sendable {
    private static let limit = 4096
    private let entries = Mutex<[String: ByteBuffer]>([:])

    func value(_ key: String, make: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let made = try make()
        entries.withLock { cache in
            if cache.count >= Self.limit { cache.removeAll(keepingCapacity: true) }
            cache[key] = made
        }
        return made
    }
}
