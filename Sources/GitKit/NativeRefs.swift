import Foundation

/// Reads refs straight from the files git keeps them in: a loose ref is a file under refs/
/// holding an object id, and `packed-refs` lists the rest; a loose ref wins over a packed one.
/// Anything else (a symbolic ref, an unreadable file) is not answered here, and the caller asks
/// libgit2 instead.
final class NativeRefs: @unchecked Sendable {
    /// The answer could not be given without libgit2.
    struct Unanswerable: Error {}

    private let gitDirectory: String
    private let lock = NSLock()
    private var packed: (stamp: FileStamp, refs: [String: GitOID])?

    init(gitDirectory: String) { self.gitDirectory = gitDirectory }

    /// The object `name` (a full ref under refs/) points at; nil when there is no such ref.
    func resolve(_ name: String) throws -> GitOID? {
        guard name.hasPrefix("refs/") else { throw Unanswerable() }
        if let loose = try readLoose(gitDirectory + "/" + name) { return loose }
        return try packedRefs()[name]
    }

    /// Every ref whose name matches `glob` (GitKit's glob syntax), sorted by name.
    func list(matching glob: String) throws -> [(name: String, oid: GitOID)] {
        guard glob.hasPrefix("refs/") else { throw Unanswerable() }
        let wildcard = glob.firstIndex { $0 == "*" || $0 == "?" } ?? glob.endIndex
        let fixed = glob[..<wildcard]
        let directory = String(fixed[..<(fixed.lastIndex(of: "/") ?? fixed.startIndex)])
        var found: [String: GitOID] = [:]
        for (name, oid) in try packedRefs() where name.hasPrefix(directory + "/") { found[name] = oid }
        var vanished: [String] = []
        for name in looseNames(under: directory) {
            if let oid = try readLoose(gitDirectory + "/" + name) { found[name] = oid } else { vanished.append(name) }
        }
        // A loose ref that disappeared between listing and reading was packed meanwhile.
        if !vanished.isEmpty {
            let repacked = try packedRefs()
            for name in vanished where found[name] == nil { found[name] = repacked[name] }
        }
        let pattern = Array(glob.utf8)
        return found.filter { refGlobMatches(pattern[...], Array($0.key.utf8)[...]) }
            .map { (name: $0.key, oid: $0.value) }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }

    /// The object id in a loose ref file; nil when there is no such file (or a directory there).
    private func readLoose(_ path: String) throws -> GitOID? {
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR || errno == EISDIR { return nil }
            throw Unanswerable()
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = read(fd, &buffer, buffer.count)
        if count < 0 && errno == EISDIR { return nil }
        guard count >= 40 else { throw Unanswerable() }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.utf8.count == 40, let oid = GitOID(hex: text) else { throw Unanswerable() }
        return oid
    }

    /// Names of the loose ref files under `directory` (relative to the git directory).
    private func looseNames(under directory: String) -> [String] {
        var names: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: gitDirectory + "/" + current) else { continue }
            for entry in entries where !entry.hasSuffix(".lock") && !entry.hasPrefix(".") {
                let name = current + "/" + entry
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: gitDirectory + "/" + name, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { pending.append(name) } else { names.append(name) }
            }
        }
        return names
    }

    /// packed-refs, parsed again only when the file changed.
    private func packedRefs() throws -> [String: GitOID] {
        let path = gitDirectory + "/packed-refs"
        guard let stamp = FileStamp(path) else { return [:] }
        lock.lock()
        defer { lock.unlock() }
        if let packed, packed.stamp == stamp { return packed.refs }
        guard let data = FileManager.default.contents(atPath: path) else { throw Unanswerable() }
        var refs: [String: GitOID] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("^") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let oid = GitOID(hex: String(parts[0])) else { throw Unanswerable() }
            refs[String(parts[1])] = oid
        }
        packed = (stamp, refs)
        return refs
    }
}

/// What identifies one version of a file: inode, size and modification time.
struct FileStamp: Equatable {
    let inode: UInt64
    let size: Int64
    let seconds: Int
    let nanoseconds: Int

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = info.st_mtim.tv_sec
        nanoseconds = info.st_mtim.tv_nsec
    }
}
