/// A configuration that cannot be used: `file:line: what is wrong`.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public let file: String
    /// 1-based; nil when the problem is not on one line (an unreadable file, no hooks at all).
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
