import Foundation

/// A Markdown transcript: fenced ```console blocks of `$ command` lines, each followed by the
/// output it must print. `[..]` in an expected line matches any text; a last expected line
/// `[exit N]` says the command must exit with status N (otherwise it must exit 0).
struct Transcript {
    struct Step {
        var command: String
        var expected: [String]
        var line: Int
    }

    var steps: [Step] = []

    init(markdown: String) {
        var inBlock = false
        for (index, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("```") {
                inBlock = !inBlock && line.trimmingCharacters(in: .whitespaces) == "```console"
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                steps.append(Step(command: String(line.dropFirst(2)), expected: [], line: index + 1))
            } else if var last = steps.popLast() {
                if last.expected.isEmpty, last.command.hasSuffix("\\") {
                    last.command = String(last.command.dropLast()) + " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    last.expected.append(line)
                }
                steps.append(last)
            }
        }
    }

    static func matches(_ pattern: String, _ actual: String) -> Bool {
        let pieces = pattern.components(separatedBy: "[..]")
        guard pieces.count > 1 else { return pattern == actual }
        guard actual.hasPrefix(pieces[0]) else { return false }
        var rest = Substring(actual.dropFirst(pieces[0].count))
        for (i, piece) in pieces.enumerated().dropFirst() {
            if i == pieces.count - 1 { return piece.isEmpty || rest.hasSuffix(piece) }
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// Runs every step in one bash session inside `directory`, with `binDirectory` first on PATH.
    /// Returns a description of each mismatch (empty when the transcript holds).
    func run(in directory: String, binDirectory: String, environment extra: [String: String] = [:]) throws -> [String] {
        let marker = "@@pot-transcript-step-end@@"
        var script = "exec 2>&1\n"
        for step in steps {
            script += step.command + "\n"
            script += "echo \"\(marker) $?\"\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = binDirectory + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["GIT_AUTHOR_NAME"] = "Demo"; env["GIT_AUTHOR_EMAIL"] = "demo@example.org"
        env["GIT_COMMITTER_NAME"] = "Demo"; env["GIT_COMMITTER_EMAIL"] = "demo@example.org"
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        var chunks: [(lines: [String], status: Int32)] = []
        var current: [String] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker) {
                chunks.append((current, Int32(line.dropFirst(marker.count + 1)) ?? -1))
                current = []
            } else {
                current.append(String(line))
            }
        }
        var failures: [String] = []
        guard chunks.count == steps.count else {
            return ["transcript stopped after \(chunks.count) of \(steps.count) steps; output:\n\(output)"]
        }
        for (step, chunk) in zip(steps, chunks) {
            var expected = step.expected
            while expected.last?.isEmpty == true { expected.removeLast() }
            var wantStatus: Int32 = 0
            if let last = expected.last, last.hasPrefix("[exit "), last.hasSuffix("]") {
                wantStatus = Int32(last.dropFirst(6).dropLast()) ?? -1
                expected.removeLast()
            }
            var actual = chunk.lines
            while actual.last?.isEmpty == true { actual.removeLast() }
            let sameLines = expected.count == actual.count && zip(expected, actual).allSatisfy { Transcript.matches($0, $1) }
            if !sameLines || chunk.status != wantStatus {
                failures.append("line \(step.line): $ \(step.command)\n--- expected (exit \(wantStatus))\n\(expected.joined(separator: "\n"))\n--- actual (exit \(chunk.status))\n\(actual.joined(separator: "\n"))")
            }
        }
        return failures
    }
}
