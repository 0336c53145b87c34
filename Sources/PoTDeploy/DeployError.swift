/// A failure of pot-deploy itself, said in one line.
public struct DeployError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
