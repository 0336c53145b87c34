import PoTCore

extension RaftMessage.Kind {
    /// Entries one append may carry on the wire, and the bytes of one entry's payload.
    public static var maxWireEntries: Int { 16 }
    public static var maxWireEntryBytes: Int { 256 }

    /// `[type, fields…]`: 1 PreVote and 3 RequestVote `[t, lastIndex, lastTerm]`, 2 and 4 their
    /// answers `[t, granted 0/1]`, 5 append `[5, prevIndex, prevTerm, [[index, term, data]…], commit]`,
    /// 6 its answer `[6, index]` or `[6, index, hintIndex, hintTerm]` when refused, 7 heartbeat
    /// `[7, commit]`, 8 its answer `[8]`.
    public func cbor() -> CBOR {
        func u(_ n: UInt64) -> CBOR { .unsigned(n) }
        switch self {
        case let .preVote(index, term): return .array([u(1), u(index), u(term)])
        case .preVoteResponse(let granted): return .array([u(2), u(granted ? 1 : 0)])
        case let .vote(index, term): return .array([u(3), u(index), u(term)])
        case .voteResponse(let granted): return .array([u(4), u(granted ? 1 : 0)])
        case let .append(prevIndex, prevTerm, entries, commit):
            return .array([u(5), u(prevIndex), u(prevTerm), .array(entries.map { .array([u($0.index), u($0.term), .bytes($0.data)]) }), u(commit)])
        case let .appendResponse(index, rejection):
            guard let rejection else { return .array([u(6), u(index)]) }
            return .array([u(6), u(index), u(rejection.hintIndex), u(rejection.hintTerm)])
        case .heartbeat(let commit): return .array([u(7), u(commit)])
        case .heartbeatResponse: return .array([u(8)])
        }
    }

    /// Decodes the form ``cbor()`` writes; anything else throws.
    public init(cbor: CBOR) throws {
        guard case .array(let list) = cbor, let first = list.first else { throw ObjectError("a Raft message is an array that starts with its type") }
        let type = try first.uint("Raft message type")
        func field(_ i: Int) throws -> UInt64 { try list[i].uint("Raft message field \(i)") }
        func flag(_ i: Int) throws -> Bool {
            switch try field(i) {
            case 0: return false
            case 1: return true
            default: throw ObjectError("a Raft answer's grant is 0 or 1")
            }
        }
        let expected: [UInt64: [Int]] = [1: [3], 2: [2], 3: [3], 4: [2], 5: [5], 6: [2, 4], 7: [2], 8: [1]]
        guard let lengths = expected[type] else { throw ObjectError("unknown Raft message type \(type)") }
        guard lengths.contains(list.count) else { throw ObjectError("a Raft message of type \(type) has \(lengths.map(String.init).joined(separator: " or ")) items, got \(list.count)") }
        switch type {
        case 1: self = .preVote(lastLogIndex: try field(1), lastLogTerm: try field(2))
        case 2: self = .preVoteResponse(granted: try flag(1))
        case 3: self = .vote(lastLogIndex: try field(1), lastLogTerm: try field(2))
        case 4: self = .voteResponse(granted: try flag(1))
        case 5:
            let entries = try list[3].array("Raft entries", max: Self.maxWireEntries).map { entry -> LogEntry in
                let parts = try entry.array("Raft entry", max: 3)
                guard parts.count == 3 else { throw ObjectError("a Raft entry is [index, term, data]") }
                return LogEntry(index: try parts[0].uint("entry index"), term: try parts[1].uint("entry term"),
                                data: try parts[2].bytes("entry data", max: Self.maxWireEntryBytes))
            }
            self = .append(prevLogIndex: try field(1), prevLogTerm: try field(2), entries: entries, commit: try field(4))
        case 6:
            let rejection = list.count == 4 ? AppendRejection(hintIndex: try field(2), hintTerm: try field(3)) : nil
            self = .appendResponse(index: try field(1), rejection: rejection)
        case 7: self = .heartbeat(commit: try field(1))
        default: self = .heartbeatResponse
        }
    }
}
