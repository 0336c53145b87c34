import Foundation
import TOMLKit

/// Reads `pot-deploy.toml` and checks every key, naming the line of the first problem.
public enum ConfigLoader {
    static let topLevelKeys = [
        "keep_worktrees", "poll_interval_ms", "kill_grace_seconds", "worktree_dir", "log_dir", "finalize_from",
        "on_tip", "on_finalize",
    ]
    static let hookKeys = ["name", "run", "timeout_seconds", "env", "workdir", "continue_on_failure"]

    /// Reads and checks the file at `path` (shown as given in messages).
    public static func load(path: String) throws -> DeployConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "does not exist"
            throw ConfigError(file: path, line: nil, message: reason)
        }
        return try parse(text, path: path)
    }

    /// Checks `text`, the contents of the file at `path`. Relative directories in it are taken
    /// from the file's own directory.
    public static func parse(_ text: String, path: String) throws -> DeployConfig {
        let characters = TOMLNulCharacters.scan(text)
        if let line = characters.nul {
            throw ConfigError(file: path, line: line, message: "a NUL character (written or as \\u0000) cannot be part of the file")
        }
        if let line = characters.nonASCII {
            throw ConfigError(file: path, line: line, message: "syntax error: a character beyond ASCII outside a quoted string or a comment")
        }
        let lines = TOMLKeyLines(source: text)
        if let line = lines.headerWithoutKey {
            throw ConfigError(file: path, line: line, message: "syntax error: a table header must begin with a key, bare or quoted")
        }
        if let line = lines.mismatchedBracket {
            throw ConfigError(file: path, line: line, message: "syntax error: a ']' closes a '{' or a '}' closes a '['")
        }
        if let value = lines.unsupportedBareValue {
            throw ConfigError(file: path, line: value.line, message: "'\(value.text)' is neither a number nor a quoted string (pot-deploy.toml takes no dates; quote text, write numbers as digits)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let said = error.description.split(whereSeparator: \.isNewline).joined(separator: " ")
            let text = said.hasPrefix("Error while ") ? "syntax error while " + said.dropFirst("Error while ".count) : "syntax error: " + said
            throw ConfigError(file: path, line: max(1, error.source.begin.line), message: text)
        }
        let check = Checker(file: path, lines: lines)
        let base = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        var config = DeployConfig(path: URL(fileURLWithPath: path).standardizedFileURL.path)

        for key in check.inFileOrder(table.keys, under: "") {
            let value = table[key]!
            switch key {
            case "keep_worktrees":
                config.keepWorktrees = try check.integer(value, key, atLeast: 1, "must be a whole number of at least 1")
            case "poll_interval_ms":
                config.pollIntervalMilliseconds = try check.integer(value, key, atLeast: 1, "must be a whole number of milliseconds, at least 1")
            case "kill_grace_seconds":
                config.killGraceSeconds = try check.positiveNumber(value, key)
            case "worktree_dir":
                config.worktreeDirectory = absolute(try check.nonEmptyString(value, key), base: base)
            case "log_dir":
                config.logDirectory = absolute(try check.nonEmptyString(value, key), base: base)
            case "finalize_from":
                config.finalizeFrom = UInt64(try check.integer(value, key, atLeast: 1, "must be a whole number of at least 1"))
            case "on_tip":
                config.onTip = try hooks(value, event: .tip, check: check)
            case "on_finalize":
                config.onFinalize = try hooks(value, event: .finalize, check: check)
            default:
                throw check.fail(key, "unknown key '\(key)' (known keys: \(topLevelKeys.joined(separator: ", ")))")
            }
        }
        if config.onTip.isEmpty && config.onFinalize.isEmpty {
            throw ConfigError(file: path, line: nil, message: "no hooks declared: add [[on_tip]] or [[on_finalize]] tables")
        }
        return config
    }

    static func absolute(_ path: String, base: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: base).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    static func hooks(_ value: TOMLValueConvertible, event: HookEvent, check: Checker) throws -> [Hook] {
        let key = event.tableName
        guard let array = value.array, value.type == .array else {
            throw check.fail(key, "\(key) must be an array of tables: write each hook under [[\(key)]]")
        }
        var hooks: [Hook] = []
        var firstUse: [String: String] = [:]
        for index in 0..<array.count {
            let path = "\(key)[\(index + 1)]"
            guard let table = array[index].table, array[index].type == .table else {
                throw check.fail(path, "\(path) must be a table: write each hook under [[\(key)]]")
            }
            let hook = try self.hook(table, event: event, path: path, check: check)
            if let earlier = firstUse[hook.name] {
                throw check.fail(path + ".name", "\(path).name \"\(hook.name)\" is already used by \(earlier)")
            }
            firstUse[hook.name] = path
            hooks.append(hook)
        }
        return hooks
    }

    static func hook(_ table: TOMLTable, event: HookEvent, path: String, check: Checker) throws -> Hook {
        var name: String?
        var command: HookCommand?
        var hook = Hook(event: event, name: "", command: .argv([]))
        for key in check.inFileOrder(table.keys, under: path) {
            let value = table[key]!
            let keyPath = path + "." + key
            switch key {
            case "name":
                let text = try check.nonEmptyString(value, keyPath)
                guard text.unicodeScalars.allSatisfy(isNameCharacter), text.first != "." else {
                    throw check.fail(keyPath, "\(keyPath) must use only letters, digits, '.', '_' and '-' (it names log files), not starting with '.'")
                }
                name = text
            case "run":
                command = try self.command(value, keyPath, check: check)
            case "timeout_seconds":
                hook.timeoutSeconds = try check.positiveNumber(value, keyPath)
            case "env":
                hook.environment = try environment(value, keyPath, check: check)
            case "workdir":
                let text = try check.nonEmptyString(value, keyPath)
                let parts = text.split(separator: "/")
                guard !text.hasPrefix("/"), !parts.contains("..") else {
                    throw check.fail(keyPath, "\(keyPath) must be a relative path inside the worktree")
                }
                hook.workdir = parts.filter { $0 != "." }.joined(separator: "/")
                if hook.workdir == "" { hook.workdir = nil }
            case "continue_on_failure":
                guard let flag = value.bool, value.type == .bool else {
                    throw check.fail(keyPath, "\(keyPath) must be true or false\(check.got(value))")
                }
                hook.continueOnFailure = flag
            default:
                throw check.fail(keyPath, "unknown key '\(key)' in \(path) (known keys: \(hookKeys.joined(separator: ", ")))")
            }
        }
        guard let name else { throw check.fail(path, "\(path) has no name") }
        guard let command else { throw check.fail(path, "\(path) (\"\(name)\") has no run command") }
        hook.name = name
        hook.command = command
        return hook
    }

    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "." || c == "_" || c == "-")
    }

    static func command(_ value: TOMLValueConvertible, _ keyPath: String, check: Checker) throws -> HookCommand {
        let message = "\(keyPath) must be a non-empty array of strings (argv) or a string (run by /bin/sh -c)"
        if value.type == .string {
            let line = value.string ?? ""
            guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw check.fail(keyPath, message) }
            return .shell(line)
        }
        guard value.type == .array, let array = value.array, array.count > 0 else { throw check.fail(keyPath, message) }
        var argv: [String] = []
        for index in 0..<array.count {
            guard array[index].type == .string, let item = array[index].string else {
                throw check.fail(keyPath, "\(keyPath)[\(index + 1)] must be a string\(check.got(array[index]))")
            }
            argv.append(item)
        }
        guard !argv[0].isEmpty else { throw check.fail(keyPath, "\(keyPath)[1] must name a program") }
        return .argv(argv)
    }

    static func environment(_ value: TOMLValueConvertible, _ keyPath: String, check: Checker) throws -> [String: String] {
        guard value.type == .table, let table = value.table else {
            throw check.fail(keyPath, "\(keyPath) must be a table of strings, such as env = { NAME = \"value\" }")
        }
        var environment: [String: String] = [:]
        for key in check.inFileOrder(table.keys, under: keyPath) {
            let path = keyPath + "." + key
            guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && CharacterSet.letters.contains(first)),
                  key.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) })
            else { throw check.fail(path, "\(path): '\(key)' is not a valid environment variable name") }
            guard !key.hasPrefix("POT_") else {
                throw check.fail(path, "\(path): variables starting with POT_ are set by pot-deploy")
            }
            guard table[key]!.type == .string, let text = table[key]!.string else {
                throw check.fail(path, "\(path) must be a string\(check.got(table[key]!))")
            }
            environment[key] = text
        }
        return environment
    }

    /// Error construction and typed reads, with the line of the key.
    struct Checker {
        let file: String
        let lines: TOMLKeyLines

        func fail(_ keyPath: String, _ message: String) -> ConfigError {
            ConfigError(file: file, line: lines.line(of: keyPath), message: message)
        }

        /// Keys of the table at `path`, ordered by the line they are on (then by name).
        func inFileOrder(_ keys: [String], under path: String) -> [String] {
            keys.map { key in (key, lines.line(of: path.isEmpty ? key : path + "." + key) ?? Int.max) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
                .map(\.0)
        }

        func integer(_ value: TOMLValueConvertible, _ keyPath: String, atLeast minimum: Int, _ requirement: String) throws -> Int {
            guard value.type == .int, let number = value.int, number >= minimum else {
                throw fail(keyPath, "\(keyPath) \(requirement)\(got(value))")
            }
            return number
        }

        func positiveNumber(_ value: TOMLValueConvertible, _ keyPath: String) throws -> Double {
            let number: Double? = switch value.type {
            case .int: value.int.map(Double.init)
            case .double: value.double
            default: nil
            }
            guard let number, number.isFinite, number > 0 else {
                throw fail(keyPath, "\(keyPath) must be a positive number\(got(value))")
            }
            return number
        }

        func nonEmptyString(_ value: TOMLValueConvertible, _ keyPath: String) throws -> String {
            guard value.type == .string, let text = value.string, !text.isEmpty else {
                throw fail(keyPath, "\(keyPath) must be a non-empty string\(got(value))")
            }
            return text
        }

        /// " (got …)": the offending value when it is a number, else its type.
        func got(_ value: TOMLValueConvertible) -> String {
            switch value.type {
            case .int: " (got \(value.int!))"
            case .double: " (got \(value.double!))"
            case .string: value.string!.isEmpty ? " (got an empty string)" : " (got a string)"
            default: " (got \(value.type == .array ? "an" : "a") \(value.type))"
            }
        }
    }
}
