import Foundation
import PoTLight

/// Shows a sync's progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise.
final class ProgressDisplay {
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private let clock = ContinuousClock()
    private var started = ContinuousClock.now
    private var startHeight: UInt64 = 0
    private var barShown = false

    func show(_ event: SyncEvent) {
        switch event {
        case let .opened(height, tornBytes):
            if tornBytes > 0 { line("dropped an incomplete record (\(tornBytes) bytes) at the end of the stored headers") }
            if height > 0 { line("stored headers up to height \(height)") }
        case .connecting(let peer):
            line("connecting to \(peer)")
        case let .downloading(peer, from, peerHeight):
            line("fetching headers from height \(from) from \(peer) (at height \(peerHeight))")
            started = clock.now
            startHeight = from - 1
        case let .stored(height, target):
            stored(height, of: target)
        case .peerFailed(let failure):
            line("warning: \(failure)")
        case .comparing(let peer):
            line("comparing with \(peer)")
        case let .auditing(done, total):
            if done == 0 { line("auditing \(total) blocks") }
        }
    }

    func finish() {
        if barShown { write("\n") }
        barShown = false
    }

    private func stored(_ height: UInt64, of target: UInt64) {
        let elapsed = (clock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let rate = seconds > 0 ? Int(Double(height - startHeight) / seconds) : 0
        guard isTerminal else { return line("synced \(height)/\(target) headers (\(rate) headers/s)") }
        let width = 30
        let filled = target == 0 ? width : Int(min(height, target) * UInt64(width) / target)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write("\r\u{1B}[K[\(bar)] \(height)/\(target) headers  \(rate)/s")
        barShown = true
    }

    private func line(_ text: String) {
        write((barShown ? "\r\u{1B}[K" : "") + text + "\n")
        barShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
