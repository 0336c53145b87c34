import Foundation

/// A count of work done on stderr: a bar redrawn in place on a terminal, a line at each quarter
/// otherwise.
final class ProgressLine {
    private let total: UInt64
    private let what: String
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var lastQuarter: UInt64 = 0
    private var shown = false

    init(total: UInt64, what: String) { self.total = max(total, 1); self.what = what }

    func update(_ done: UInt64) {
        if isTerminal {
            let width: UInt64 = 30
            let filled = Int(min(done, total) * width / total)
            write("\r\u{1B}[K[\(String(repeating: "#", count: filled))\(String(repeating: "-", count: Int(width) - filled))] \(done)/\(total) \(what)")
            shown = true
        } else if done * 4 / total > lastQuarter {
            lastQuarter = done * 4 / total
            write("\(done)/\(total) \(what)\n")
        }
    }

    func finish() {
        if shown { write("\n") }
        shown = false
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
