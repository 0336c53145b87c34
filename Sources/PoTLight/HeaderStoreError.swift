/// A header store that cannot be opened, read or written.
public struct HeaderStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
