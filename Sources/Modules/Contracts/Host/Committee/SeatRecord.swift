import Foundation
import GitKit
import PoTContracts
import PoTCore

/// What a node keeps of one committee seat it holds, in `.git/pot/raft/<dispute>/<member>`:
/// the Raft hard state and log, which must survive a restart (one vote per term), and the
/// seat's role and leader as last seen, for `pot committee show`.
public struct SeatRecord: Equatable, Sendable {
    public var hardState: HardState<PublicKey>
    public var entries: [LogEntry]
    public var role: RaftRole
    public var leader: PublicKey?
    /// Unix seconds of the last change of role, term or leader.
    public var updatedAt: UInt64

    public init(hardState: HardState<PublicKey>, entries: [LogEntry], role: RaftRole, leader: PublicKey?, updatedAt: UInt64) {
        self.hardState = hardState; self.entries = entries; self.role = role; self.leader = leader; self.updatedAt = updatedAt
    }

    static let roles: [RaftRole] = [.follower, .preCandidate, .candidate, .leader]

    func cbor() -> CBOR {
        var fields: [UInt64: CBOR] = [
            1: .unsigned(hardState.term), 3: .unsigned(hardState.commit),
            4: .array(entries.map { .array([.unsigned($0.index), .unsigned($0.term), .bytes($0.data)]) }),
            5: .unsigned(UInt64(Self.roles.firstIndex(of: role)!)), 7: .unsigned(updatedAt),
        ]
        if let vote = hardState.votedFor { fields[2] = .bytes(vote.bytes) }
        if let leader { fields[6] = .bytes(leader.bytes) }
        return .map(fields)
    }

    init(cbor: CBOR) throws {
        let f = try CBORFields(cbor, object: "committee seat", allowedKeys: [1, 2, 3, 4, 5, 6, 7])
        let vote = try f.optionalBytes(2, max: 32).map { bytes -> PublicKey in
            guard let key = PublicKey(bytes: bytes) else { throw ObjectError("a seat's vote is a 32-byte key") }
            return key
        }
        hardState = HardState(term: try f.uint(1), votedFor: vote, commit: try f.uint(3))
        entries = try f.array(4, max: 1 << 16).map { entry in
            let parts = try entry.array("log entry", max: 3)
            guard parts.count == 3 else { throw ObjectError("a log entry is [index, term, data]") }
            return LogEntry(index: try parts[0].uint("index"), term: try parts[1].uint("term"), data: try parts[2].bytes("data", max: 1 << 12))
        }
        let role = Int(try f.uint(5))
        guard role < Self.roles.count else { throw ObjectError("unknown seat role \(role)") }
        self.role = Self.roles[role]
        leader = try f.optionalBytes(6, max: 32).map { bytes -> PublicKey in
            guard let key = PublicKey(bytes: bytes) else { throw ObjectError("a seat's leader is a 32-byte key") }
            return key
        }
        updatedAt = try f.uint(7)
    }

    /// The directory of a dispute's seats in a repository's `.git/pot`.
    public static func directory(pot: String, dispute: Hash256) -> String { "\(pot)/raft/\(dispute.hex)" }

    /// The record of `member`'s seat on `dispute`, if this repository's node holds it.
    public static func read(pot: String, dispute: Hash256, member: PublicKey) throws -> SeatRecord? {
        let path = "\(directory(pot: pot, dispute: dispute))/\(member.hex)"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try SeatRecord(cbor: CBOR.decode(Array(data), limits: CBORLimits(maxDepth: 8, maxLength: 1 << 24)))
        } catch {
            throw ObjectError("\(path) is damaged: \(error)")
        }
    }

    /// Writes the record durably (a temporary file, fsync, rename) before the seat says anything.
    func write(pot: String, dispute: Hash256, member: PublicKey) throws {
        let directory = Self.directory(pot: pot, dispute: dispute)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeFileAtomically(cbor().encoded(), to: "\(directory)/\(member.hex)")
    }
}
