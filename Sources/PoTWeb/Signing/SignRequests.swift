import Foundation
import Hummingbird

/// The body of POST /api/sign/vote.
public struct VoteRequest: Decodable, Sendable {
    /// The label of an unlocked key.
    public let `as`: String
    public let height: UInt64
    /// Candidate block ids or unique prefixes at `height`.
    public let candidates: [String]
    /// One probability per candidate, then one for none, in ppm; they sum to 1 000 000.
    public let probs_ppm: [UInt64]

    enum CodingKeys: String, CodingKey, CaseIterable { case `as`, height, candidates, probs_ppm }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        `as` = try c.decodeText(.as, Schema.labelOrKey)
        height = try c.decodeWhole(.height, Self.height)
        candidates = try c.decode([String].self, forKey: .candidates)
        probs_ppm = try c.decode([UInt64].self, forKey: .probs_ppm)
    }

    /// The range of `height`, as the document states it and the server checks it.
    static let height = Schema.whole(from: 1)

    static let schema = Schema.object([
        "as": Schema.withDescription(Schema.labelOrKey, "The label of a key this server unlocked."),
        "height": Schema.withDescription(height, "An open height: above the finalized height, at most the tip + 1."),
        "candidates": Schema.withDescription(Schema.array(Schema.hexPrefix), "Candidate block ids, or unique prefixes, at that height."),
        "probs_ppm": Schema.withDescription(Schema.array(Schema.ppm), "One probability per candidate, then one for none, in ppm; they sum to 1000000."),
    ], description: "A vote to sign with an unlocked key.")
}

/// The body of POST /api/sign/transfer.
public struct TransferRequest: Decodable, Sendable {
    public let `as`: String
    /// A label or a 64-digit public key.
    public let to: String
    public let amount_mt: UInt64
    public let memo: String
    /// Default: the sender's next free nonce.
    public let nonce: UInt64?

    enum CodingKeys: String, CodingKey, CaseIterable { case `as`, to, amount_mt, memo, nonce }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        `as` = try c.decodeText(.as, Schema.labelOrKey)
        to = try c.decodeText(.to, Schema.labelOrKey)
        amount_mt = try c.decodeWhole(.amount_mt, Self.amount)
        memo = try c.decodeIfPresent(String.self, forKey: .memo) ?? ""
        nonce = try c.contains(.nonce) ? c.decodeWhole(.nonce, Self.nonce) : nil
    }

    /// The ranges of `amount_mt` and `nonce`, as the document states them and the server checks them.
    static let amount = Schema.whole(from: 1), nonce = Schema.whole(from: 1)

    static let schema = Schema.object([
        "as": Schema.withDescription(Schema.labelOrKey, "The label of a key this server unlocked: the sender."),
        "to": Schema.withDescription(Schema.labelOrKey, "The recipient: a label or a 64-digit public key."),
        "amount_mt": Schema.withDescription(amount, "Amount in mT (1 trust = 1000 mT)."),
        "memo": Schema.withDescription(Schema.string, "A note of up to 256 bytes."),
        "nonce": Schema.withDescription(nonce, "The nonce to use; by default the sender's next free one."),
    ], optional: ["memo", "nonce"], description: "A transfer to sign with an unlocked key.")
}

/// What POST /api/sign/vote answers.
public struct SignedVoteDocument: Codable, Sendable, Equatable {
    public let id: String
    public let voter: String
    public let voter_label: String
    public let height: UInt64
    public let candidates: [String]
    public let probs_ppm: [UInt64]
    /// False when the identical vote was already stored.
    public let stored: Bool

    static let schema = Schema.object([
        "id": Schema.hex64, "voter": Schema.hex64, "voter_label": Schema.string, "height": Schema.integer,
        "candidates": Schema.array(Schema.hex64), "probs_ppm": Schema.array(Schema.ppm), "stored": Schema.boolean,
    ], description: "The signed vote, stored under refs/pot/votes until a block carries it.")
}

/// What POST /api/sign/transfer answers.
public struct SignedTransferDocument: Codable, Sendable, Equatable {
    public let id: String
    public let from: String
    public let from_label: String
    public let to: String
    public let to_label: String?
    public let amount_mt: UInt64
    public let nonce: UInt64
    public let memo: String

    static let schema = Schema.object([
        "id": Schema.hex64, "from": Schema.hex64, "from_label": Schema.string, "to": Schema.hex64, "to_label": Schema.string,
        "amount_mt": Schema.integer, "nonce": Schema.integer, "memo": Schema.string,
    ], optional: ["to_label"], description: "The signed transfer, stored under refs/pot/txs until a block carries it.")
}

extension KeyedDecodingContainer {
    /// A string within the limits `schema` declares for it.
    package func decodeText(_ key: Key, _ schema: JSONValue) throws -> String {
        let value = try decode(String.self, forKey: key)
        if let problem = SchemaConstraints(schema).violation(value) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: problem)
        }
        return value
    }

    /// A whole number within the range `schema` declares for it.
    func decodeWhole(_ key: Key, _ schema: JSONValue) throws -> UInt64 {
        let value = try decode(UInt64.self, forKey: key)
        if let problem = SchemaConstraints(schema).violation(String(value)) {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: problem)
        }
        return value
    }
}

/// Refuses JSON objects with fields the request does not define (a typo must not pass unnoticed).
package enum StrictKeys {
    private struct AnyKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    package static func check(_ decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "unknown field '\(key.stringValue)' (the fields are \(allowed.joined(separator: ", ")))"))
        }
    }
}

/// Reads a JSON request body, answering 400 with the field at fault.
package enum RequestBody {
    package static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: WebContext) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: context.maxUploadSize) } catch {
            throw WebError(.contentTooLarge, "the request body is larger than \(context.maxUploadSize) bytes")
        }
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            // The decoder reports a number it cannot hold (negative, fractional, too large) as
            // invalid JSON; name the field instead.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                let fields = object.keys.sorted().filter { key in
                    let values = (object[key] as? [Any]) ?? [object[key] as Any]
                    return values.contains { value in
                        guard let number = value as? NSNumber, !(value is String) else { return false }
                        let d = number.doubleValue
                        return d < 0 || d != d.rounded() || d > Double(UInt64.max)
                    }
                }
                if let field = fields.first { throw WebError.badRequest("field '\(field)' must be a whole number (0 or more)") }
            }
            throw WebError.badRequest(describe(error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(let type, let context):
            let expected = type == String.self ? "a string" : (type == UInt64.self ? "a whole number (0 or more)"
                : ("\(type)".hasPrefix("Array") ? "an array" : "\(type)"))
            return "field '\(path(context))' must be \(expected)"
        case .valueNotFound(_, let context): return "field '\(path(context))' must not be null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "the body is not a JSON object (\(context.debugDescription))" }
            if context.debugDescription.hasPrefix("unknown field") { return context.debugDescription }
            if context.debugDescription.hasPrefix("expected") { return "field '\(path(context))': \(context.debugDescription)" }
            return "field '\(path(context))' must be a whole number (0 or more): \(context.debugDescription)"
        @unknown default: return "the body is not valid: \(error)"
        }
    }
}
