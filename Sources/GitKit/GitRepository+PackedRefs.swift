import CLibGit2
import Foundation

extension GitRepository {
    /// Creates every ref of `refs` that does not exist yet in one rewrite of `packed-refs`, under
    /// `packed-refs.lock` as git itself takes it; returns the names that already existed (loose
    /// or packed), which are left as they are. A loose ref is a file, often in a new directory,
    /// per ref; many refs at once are far cheaper written here. Nothing is written when a name
    /// is invalid or conflicts with an existing ref's directory (`refs/a` against `refs/a/b`).
    @discardableResult
    public func createReferencesPacked(_ refs: [(name: String, oid: GitOID)]) throws -> [String] {
        guard !refs.isEmpty else { return [] }
        try ensureLibgit2()
        for ref in refs {
            var valid: Int32 = 0
            guard git_reference_name_is_valid(&valid, ref.name) == 0, valid == 1, ref.name.hasPrefix("refs/") else {
                throw GitError(message: "creating reference \(ref.name): not a valid reference name")
            }
        }
        let directory = gitDirectory
        let path = directory + "/packed-refs"
        let lock = try PackedRefsLock(path: path + ".lock", pauses: GitRepository.refRaceBackoffMilliseconds)
        var file: PackedRefsFile
        var existing: [String] = []
        var addedAny = false
        var checkedPacked: Set<String> = []
        var checkedLoose: Set<String> = []
        do {
            file = PackedRefsFile(bytes: FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
            for ref in refs {
                let loose = fileKind(directory + "/" + ref.name)
                if file.contains(ref.name) || loose == S_IFREG {
                    existing.append(ref.name)
                    continue
                }
                if loose == S_IFDIR { throw GitError(message: "creating reference \(ref.name): a directory of loose references is in its place") }
                if let conflict = file.directoryConflict(ref.name, checked: &checkedPacked)
                    ?? looseParentConflict(ref.name, in: directory, checked: &checkedLoose) {
                    throw GitError(message: "creating reference \(ref.name): it conflicts with the existing reference \(conflict)")
                }
                file.add(ref.name, ref.oid)
                addedAny = true
            }
        } catch {
            lock.release()
            throw error
        }
        if addedAny { try lock.commit(file.text, to: path) } else { lock.release() }
        return existing
    }

    /// The kind of file at `path` (`S_IFREG`, `S_IFDIR`, …), nil when there is none.
    private func fileKind(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// A loose ref at one of `name`'s parent directories; `checked` remembers the parents seen
    /// free, which many refs of one batch share.
    private func looseParentConflict(_ name: String, in directory: String, checked: inout Set<String>) -> String? {
        for candidate in refParents(of: name) {
            guard candidate.utf8.contains(UInt8(ascii: "/")), checked.insert(candidate).inserted else { break }
            if fileKind(directory + "/" + candidate) == S_IFREG { return candidate }
        }
        return nil
    }
}

/// The directories a ref name lies in, deepest first: `refs/a/b` gives `refs/a`, `refs`.
/// Worked on as bytes: ref names are byte strings, and String's index steps are grapheme-aware.
func refParents(of name: String) -> [String] {
    let bytes = Array(name.utf8)
    var parents: [String] = []
    var end = bytes.count
    while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
        parents.append(String(decoding: bytes[..<slash], as: UTF8.self))
        end = slash
    }
    return parents
}

/// A packed-refs file and the refs to add to it. The file's refs are found by binary search in
/// its bytes (git writes them sorted) and copied through unchanged, so adding a few refs to a
/// file of many costs little more than copying it; a peeled line (`^…`) stays with its ref.
struct PackedRefsFile {
    private let bytes: [UInt8]
    /// The file's refs in name order: the range of each name, and of its lines.
    private var refs: [(name: Range<Int>, lines: Range<Int>)] = []
    private var added: [String: GitOID] = [:]
    private var addedDirectories: Set<String> = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var start = 0
        var sorted = true
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0a).map { $0 + 1 } ?? bytes.count
            let first = bytes[start]
            if first == UInt8(ascii: "^"), !refs.isEmpty {
                refs[refs.count - 1].lines = refs[refs.count - 1].lines.lowerBound..<end
            } else if first != UInt8(ascii: "#"), let space = bytes[start..<end].firstIndex(of: 0x20) {
                let nameEnd = bytes[end - 1] == 0x0a ? end - 1 : end
                let entry = (name: (space + 1)..<nameEnd, lines: start..<end)
                if let last = refs.last, PackedRefsFile.compare(bytes, last.name, entry.name) >= 0 { sorted = false }
                refs.append(entry)
            }
            start = end
        }
        if !sorted {
            var entries = refs
            entries.sort { PackedRefsFile.compare(bytes, $0.name, $1.name) < 0 }
            refs = entries
        }
    }

    func contains(_ name: String) -> Bool { added[name] != nil || find(Array(name.utf8)).found }

    mutating func add(_ name: String, _ oid: GitOID) {
        added[name] = oid
        for parent in refParents(of: name) {
            guard addedDirectories.insert(parent).inserted else { break }
        }
    }

    /// An existing or added ref that is a parent directory of `name`, or `name` as a directory
    /// of others. `checked` remembers the parents seen free, which many refs of one batch share.
    func directoryConflict(_ name: String, checked: inout Set<String>) -> String? {
        if addedDirectories.contains(name) { return name + "/…" }
        let below = Array(name.utf8) + [UInt8(ascii: "/")]
        let index = find(below).index
        if index < refs.count, bytes[refs[index].name].starts(with: below) { return name + "/…" }
        for candidate in refParents(of: name) {
            if added[candidate] != nil { return candidate }
            guard checked.insert(candidate).inserted else { break }
            if find(Array(candidate.utf8)).found { return candidate }
        }
        return nil
    }

    /// The new file: git's header, then every ref sorted by name as bytes.
    var text: [UInt8] {
        let additions = added.map { (name: Array($0.key.utf8), oid: $0.value) }.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        var output = Array("# pack-refs with: peeled fully-peeled sorted \n".utf8)
        output.reserveCapacity(bytes.count + additions.count * 100 + output.count)
        var next = additions.startIndex
        for ref in refs {
            while next < additions.endIndex, compare(additions[next].name, ref.name) < 0 {
                append(additions[next], to: &output)
                next += 1
            }
            output += bytes[ref.lines]
            if bytes[ref.lines.upperBound - 1] != 0x0a { output.append(0x0a) }
        }
        for addition in additions[next...] { append(addition, to: &output) }
        return output
    }

    private func append(_ addition: (name: [UInt8], oid: GitOID), to output: inout [UInt8]) {
        output += Array(addition.oid.hex.utf8)
        output.append(0x20)
        output += addition.name
        output.append(0x0a)
    }

    /// Where `key` is, or would go, among the file's refs.
    private func find(_ key: [UInt8]) -> (index: Int, found: Bool) {
        var low = 0, high = refs.count
        while low < high {
            let middle = (low + high) / 2
            let order = compare(key, refs[middle].name)
            if order == 0 { return (middle, true) }
            if order > 0 { low = middle + 1 } else { high = middle }
        }
        return (low, false)
    }

    private static func compare(_ bytes: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            order(UnsafeBufferPointer(rebasing: buffer[a]), UnsafeBufferPointer(rebasing: buffer[b]))
        }
    }

    private func compare(_ key: [UInt8], _ range: Range<Int>) -> Int {
        key.withUnsafeBufferPointer { k in bytes.withUnsafeBufferPointer { PackedRefsFile.order(k, UnsafeBufferPointer(rebasing: $0[range])) } }
    }

    private static func order(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, common)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }
}

/// `packed-refs.lock`, created exclusively as git does; waits through `pauses` (milliseconds)
/// while another process holds it.
struct PackedRefsLock {
    let path: String
    private let descriptor: Int32

    init(path: String, pauses: [UInt32]) throws {
        var remaining = pauses[...]
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                self.path = path
                descriptor = fd
                return
            }
            guard errno == EEXIST, let pause = remaining.popFirst() else {
                throw GitError(message: "locking \(path): \(String(cString: strerror(errno)))"
                    + (errno == EEXIST ? " (another git process holds it; if none runs, remove the file)" : ""),
                    code: GIT_ELOCKED.rawValue)
            }
            usleep(pause * 1000)
        }
    }

    /// Writes `text` into the lock file and renames it over `target`.
    func commit(_ bytes: [UInt8], to target: String) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard n > 0 else {
                release()
                throw GitError(message: "writing \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
        close(descriptor)
        guard rename(path, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw GitError(message: "replacing \(target): \(reason)")
        }
    }

    func release() {
        close(descriptor)
        unlink(path)
    }
}
