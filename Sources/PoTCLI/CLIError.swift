/// A command-line failure: one line saying what was wrong and what to do.
public struct CLIError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
