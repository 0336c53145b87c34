/// A command line ssss would refuse before doing any work.
public enum CommandLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An option letter the tool does not know (glibc getopt's complaint).
    case invalidOption(String)
    /// An option that needs a value came last.
    case missingArgument(String)
    /// A word that is not an option (ssss: "invalid argument").
    case unexpectedOperand(String)

    public var description: String {
        switch self {
        case .invalidOption(let letter): return "invalid option -- '\(letter)'"
        case .missingArgument(let letter): return "option requires an argument -- '\(letter)'"
        case .unexpectedOperand: return "invalid argument"
        }
    }

    /// What the real tool prints to stderr for this error, and its status.
    func output(programName: String, stderrIsTerminal: Bool) -> ToolOutput {
        switch self {
        case .invalidOption, .missingArgument:
            return ToolOutput(stdout: "", stderr: "\(programName): \(description)\n", status: 1)
        case .unexpectedOperand:
            var console = ToolConsole(suppressWarnings: false, stderrIsTerminal: stderrIsTerminal)
            return console.fatal(description)
        }
    }
}

/// The subset of glibc `getopt` that ssss relies on: option clusters (`-qx`),
/// values attached (`-t3`) or in the next word, `--` ending the options, and
/// operands allowed anywhere (they are set aside, as GNU getopt permutes them).
enum Getopt {
    struct Parsed {
        var options: [(letter: UInt8, value: [UInt8]?)] = []
        var operands: [[UInt8]] = []
    }

    /// Parses `arguments` (without the program name) against an option string
    /// such as `"vDhqQxs:t:n:w:"`, where a colon marks options taking a value.
    static func parse(_ arguments: [String], optionString: String) throws(CommandLineError) -> Parsed {
        let spec = Array(optionString.utf8)
        var parsed = Parsed()
        var words = arguments.map { Array($0.utf8) }[...]
        while let word = words.popFirst() {
            if word == Array("--".utf8) {
                parsed.operands += words
                break
            }
            guard word.count > 1, word[0] == UInt8(ascii: "-") else {
                parsed.operands.append(word)
                continue
            }
            var position = 1
            while position < word.count {
                let letter = word[position]
                position += 1
                guard letter != UInt8(ascii: ":"), let at = spec.firstIndex(of: letter) else {
                    throw .invalidOption(String(decoding: [letter], as: UTF8.self))
                }
                let takesValue = at + 1 < spec.count && spec[at + 1] == UInt8(ascii: ":")
                guard takesValue else {
                    parsed.options.append((letter, nil))
                    continue
                }
                if position < word.count {
                    parsed.options.append((letter, Array(word[position...])))
                } else if let next = words.popFirst() {
                    parsed.options.append((letter, next))
                } else {
                    throw .missingArgument(String(decoding: [letter], as: UTF8.self))
                }
                break
            }
        }
        return parsed
    }
}
