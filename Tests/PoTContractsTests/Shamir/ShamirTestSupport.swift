import Foundation
import PoTContracts
import Testing

/// SplitMix64: a tiny deterministic generator so property tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}

extension Array {
    /// `count` distinct elements in random order.
    func randomSubset<G: RandomNumberGenerator>(_ count: Int, using generator: inout G) -> [Element] {
        Array(shuffled(using: &generator).prefix(count))
    }
}

/// Hex helpers for test data.
enum Hex {
    static func bytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        var high: UInt8?
        for scalar in text.unicodeScalars {
            let nibble = UInt8(String(scalar), radix: 16)!
            if let h = high {
                result.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        precondition(high == nil, "odd number of hex digits")
        return result
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        String(repeating: pad, count: max(0, width - count)) + self
    }
}

/// Full polynomial recovery, used to check that our split reproduces ssss's
/// shares bit for bit: from t shares of a (t, n) split it returns c[0]...c[t-1]
/// of ssss's monic polynomial x^t + c[t-1] x^(t-1) + ... + c[0].
enum Interpolation {
    static func coefficients(of shares: [ShamirShare], securityBits: Int) throws -> [GF2Polynomial] {
        let field = try BinaryField(bits: securityBits)
        let t = shares.count
        let xs = shares.map { GF2Polynomial(UInt64($0.index)) }
        let ys = zip(shares, xs).map { GF2Polynomial(bigEndianBytes: $0.value) ^ field.power($1, t) }
        var result = [GF2Polynomial](repeating: GF2Polynomial(), count: t)
        for i in 0..<t {
            var basis = [GF2Polynomial(1)]
            var denominator = GF2Polynomial(1)
            for j in 0..<t where j != i {
                var next = [GF2Polynomial](repeating: GF2Polynomial(), count: basis.count + 1)
                for (k, c) in basis.enumerated() {
                    next[k + 1] ^= c
                    next[k] ^= field.multiply(c, xs[j])
                }
                basis = next
                denominator = field.multiply(denominator, xs[i] ^ xs[j])
            }
            let scale = field.divide(ys[i], by: denominator)
            for k in 0..<t { result[k] ^= field.multiply(basis[k], scale) }
        }
        return result
    }

    /// A random source that hands out `coefficients[1...]` in ssss's order,
    /// so `Shamir.split` rebuilds the same polynomial.
    static func replaying(_ coefficients: [GF2Polynomial], securityBits: Int) -> [[UInt8]] {
        coefficients.dropFirst().map { $0.bigEndianBytes(count: securityBits / 8) }
    }
}

/// A closure-friendly queue of byte strings for `random:` parameters.
final class ByteQueue: @unchecked Sendable {
    private var chunks: [[UInt8]]

    init(_ chunks: [[UInt8]]) {
        self.chunks = chunks
    }

    func next(_ count: Int) -> [UInt8] {
        let chunk = chunks.removeFirst()
        precondition(chunk.count == count, "asked for \(count) bytes, queued \(chunk.count)")
        return chunk
    }

    var isEmpty: Bool { chunks.isEmpty }
}

/// The real ssss tools, when installed.
enum RealSSSS {
    static let splitPath = locate("ssss-split")
    static let combinePath = locate("ssss-combine")
    static let isAvailable = splitPath != nil && combinePath != nil
    static let skipReason: Comment = "ssss-split/ssss-combine not found on PATH (apt-get install ssss); real-tool comparisons skipped"

    private static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func split(_ arguments: [String], input: String) throws -> ToolOutput {
        try run(splitPath!, arguments, input: Array(input.utf8))
    }

    static func combine(_ arguments: [String], input: String) throws -> ToolOutput {
        try run(combinePath!, arguments, input: Array(input.utf8))
    }

    /// Runs a program with `input` on stdin, files for stdout and stderr.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8]) throws -> ToolOutput {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("shamir-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in")
        let outURL = directory.appendingPathComponent("out")
        let errURL = directory.appendingPathComponent("err")
        try Data(input).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = try FileHandle(forReadingFrom: inURL)
        let stdout = try FileHandle(forWritingTo: outURL)
        let stderr = try FileHandle(forWritingTo: errURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return ToolOutput(
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: dropMemoryLockWarning(String(decoding: try Data(contentsOf: errURL), as: UTF8.self)),
            status: process.terminationStatus
        )
    }

    /// ssss warns when it cannot mlock its memory (not root, low RLIMIT_MEMLOCK);
    /// the Swift version has nothing to lock, so that line is not compared.
    private static func dropMemoryLockWarning(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("couldn't get memory lock") }
            .joined(separator: "\n")
    }

    /// The share lines of a split's stdout.
    static func shareLines(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("Generating") }
    }
}

/// Replaces the hex part of every share line with `#`s, so outputs of two
/// splits (different random coefficients) compare equal when all else is.
func maskingShareValues(_ stdout: String) -> String {
    stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        guard !line.hasPrefix("Generating"), let dash = line.lastIndex(of: "-") else { return String(line) }
        let value = line[line.index(after: dash)...]
        guard !value.isEmpty, value.allSatisfy(\.isHexDigit) else { return String(line) }
        return line[...dash] + String(repeating: "#", count: value.count)
    }.joined(separator: "\n")
}
