import PoTCore

/// The shape of a model: softmax regression, or a multilayer perceptron with one hidden layer
/// of rectified linear units. Weights are stored flat, row by row, each row's bias last:
/// softmax `W[classes][features + 1]`; perceptron `W1[hidden][features + 1]` then
/// `W2[classes][hidden + 1]`.
public struct ModelSpec: Equatable, Sendable {
    public enum Kind: UInt64, Sendable, CaseIterable {
        case softmax = 1
        case perceptron = 2

        public var name: String { self == .softmax ? "softmax" : "mlp" }

        public init?(name: String) {
            guard let kind = Kind.allCases.first(where: { $0.name == name }) else { return nil }
            self = kind
        }
    }

    public var kind: Kind
    public var features: Int
    public var classes: Int
    /// Units of the hidden layer; 0 for softmax regression.
    public var hidden: Int

    public init(kind: Kind, features: Int, classes: Int, hidden: Int) {
        self.kind = kind; self.features = features; self.classes = classes; self.hidden = kind == .softmax ? 0 : hidden
    }

    /// How many numbers the weights hold.
    public var parameterCount: Int {
        switch kind {
        case .softmax: return classes * (features + 1)
        case .perceptron: return hidden * (features + 1) + classes * (hidden + 1)
        }
    }

    /// Whether the shape is one the encodings can hold.
    public var isValid: Bool {
        (1...AgentLimits.maxFeatures).contains(features) && (2...AgentLimits.maxClasses).contains(classes)
            && (kind == .softmax ? hidden == 0 : (1...AgentLimits.maxHidden).contains(hidden))
    }

    /// "mlp 30→16→2" or "softmax 4→3".
    public var description: String {
        kind == .softmax ? "softmax \(features)→\(classes)" : "mlp \(features)→\(hidden)→\(classes)"
    }
}
