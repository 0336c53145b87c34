import Foundation
import PoTStore

/// `.git/pot/node.pid`: says a node runs on this repository (its pid and address), so that
/// local commands journal what they store, and a second node refuses to start.
enum NodeMarker {
    static func claim(_ store: ChainStore) throws {
        let path = Journal.nodeMarker(in: store.potDirectory)
        try FileManager.default.createDirectory(atPath: store.potDirectory, withIntermediateDirectories: true)
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
           let pid = Int32(text.split(separator: "\n").first ?? ""), pid != getpid(), kill(pid, 0) == 0 {
            throw NodeError("a node (pid \(pid)) already runs on this repository; stop it first")
        }
        write(store, address: "")
    }

    static func write(_ store: ChainStore, address: String) {
        let text = "\(getpid())\n\(address)\n"
        FileManager.default.createFile(atPath: Journal.nodeMarker(in: store.potDirectory), contents: Data(text.utf8))
    }

    static func release(_ store: ChainStore) {
        try? FileManager.default.removeItem(atPath: Journal.nodeMarker(in: store.potDirectory))
    }
}
