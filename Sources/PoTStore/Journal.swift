import Foundation

/// `.git/pot/journal`: the names of refs written under refs/pot/*, one per line, so that a
/// running node learns what local commands stored without rescanning every ref. It is kept
/// only while a node runs (`.git/pot/node.pid` exists); the node truncates it under the write
/// lock once read, and rescans every ref when it starts.
public enum Journal {
    public static func path(in potDirectory: String) -> String { potDirectory + "/journal" }
    public static func nodeMarker(in potDirectory: String) -> String { potDirectory + "/node.pid" }

    static func append(_ ref: String, in potDirectory: String) {
        guard access(nodeMarker(in: potDirectory), F_OK) == 0 else { return }
        let fd = open(path(in: potDirectory), O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let line = Array((ref + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Everything appended so far, emptying the journal. Call with the write lock held.
    public static func drain(in potDirectory: String) -> [String] {
        let file = path(in: potDirectory)
        guard let data = FileManager.default.contents(atPath: file), !data.isEmpty else { return [] }
        _ = truncate(file, 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The journal's size in bytes (0 when absent): a cheap check for news.
    public static func size(in potDirectory: String) -> Int {
        var info = stat()
        return stat(path(in: potDirectory), &info) == 0 ? Int(info.st_size) : 0
    }
}

extension ChainStore {
    func noteInJournal(_ ref: String) {
        if journalsWrites { Journal.append(ref, in: potDirectory) }
    }
}
