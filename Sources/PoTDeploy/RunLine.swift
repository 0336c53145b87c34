import Foundation

/// The one-line text form of a record entry: `on_tip h=3 id=ab12cd34ef56 build: ok in 0.42 s`.
public enum RunLine {
    public static func text(_ entry: RecordEntry) -> String {
        let label = entry.event.tableName
        if entry.status == .baseline {
            return "\(label) \(entry.hook): runs from height \(entry.height) on" + (entry.reason.map { " (\($0))" } ?? "")
        }
        let head = "\(label) h=\(entry.height) id=\((entry.id ?? "?").prefix(12)) \(entry.hook): "
        let took = entry.seconds.map { " in \(formatSeconds($0)) s" } ?? ""
        let log = entry.log.map { ", log \($0)" } ?? ""
        let because = entry.reason.map { " (\($0))" } ?? ""
        switch entry.status {
        case .ok:
            return head + "ok" + took
        case .failed:
            let what = entry.exitCode.map { "exit status \($0)" } ?? entry.signal.map { "signal \($0)" } ?? entry.reason ?? "failed"
            let detail = entry.exitCode == 127 ? (entry.reason ?? what) : what
            return head + "failed (\(detail))" + took + log
        case .timeout:
            return head + "timeout" + took + because + log
        case .interrupted:
            return head + "interrupted" + took + because
        case .skipped, .superseded:
            return head + entry.status.rawValue + because
        case .started:
            return head + "started, no outcome recorded yet"
        case .baseline:
            return head
        }
    }

    /// Seconds with up to two decimals and no trailing zeros: 1, 0.5, 0.42.
    public static func formatSeconds(_ seconds: Double) -> String {
        var text = String(format: "%.2f", seconds)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
