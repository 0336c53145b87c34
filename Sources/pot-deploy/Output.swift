import Foundation
import PoTDeploy

/// Writes lines to standard output at once, so a pipe or a log file sees each run as it ends.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func entry(_ entry: RecordEntry, json: Bool) {
        line(json ? entry.jsonLine : RunLine.text(entry))
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data("pot-deploy: \(text)\n".utf8))
    }
}
