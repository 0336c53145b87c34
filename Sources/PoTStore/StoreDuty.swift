/// Work a long-running program (`pot-bootstrap`) does on the store by itself, every few seconds:
/// a module's host supplies it (membership reveals its keys' moves once their window opens).
/// A run stores objects as a `pot` command would, and returns one line per thing it did, for
/// the log.
public struct StoreDuty: Sendable {
    public let name: String
    public let run: @Sendable (ChainStore) throws -> [String]

    public init(name: String, run: @escaping @Sendable (ChainStore) throws -> [String]) {
        self.name = name
        self.run = run
    }
}
