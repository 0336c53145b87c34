import GitKit
import PoTCore

/// The blocks stored under refs/pot/blocks/, by height (each height in ascending id order), kept
/// from one listing of the refs to the next: stored blocks never change, so only the refs that
/// appeared, moved or went away are read.
struct StoredBlocks {
    private(set) var byHeight: [UInt64: [BlockRecord]] = [:]
    /// The block refs read, with the object each named then.
    private var listed: [String: (oid: GitOID, height: UInt64, id: Hash256)] = [:]

    /// Brings the blocks up to the refs `refs`. Returns what could not be read, and the ids of
    /// the blocks that went away. A block that does not load is tried again next time.
    mutating func update(to refs: [String: GitOID], load: (UInt64, Hash256) throws -> BlockRecord) -> (problems: [String], removed: [Hash256]) {
        var touched: Set<UInt64> = []
        let gone = listed.filter { refs[$0.key] != $0.value.oid }
        for (name, entry) in gone {
            byHeight[entry.height]?.removeAll { $0.id == entry.id }
            if byHeight[entry.height]?.isEmpty == true { byHeight[entry.height] = nil }
            listed[name] = nil
        }
        var problems: [String] = []
        for (name, oid) in refs where name.hasPrefix("refs/pot/blocks/") && listed[name] == nil {
            let parts = name.split(separator: "/")
            guard parts.count == 5, let height = UInt64(parts[3]), let id = Hash256(hex: String(parts[4])) else {
                problems.append("\(name): not a block ref name")
                continue
            }
            do {
                byHeight[height, default: []].append(try load(height, id))
                listed[name] = (oid, height, id)
                touched.insert(height)
            } catch {
                problems.append("\(error)")
            }
        }
        for height in touched { byHeight[height]!.sort { $0.id < $1.id } }
        return (problems.sorted(), gone.values.map(\.id))
    }
}
