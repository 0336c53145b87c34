/// The ordered list of a chain's modules, fixed when the program is built: each module applied in
/// payload-key order. Building the list checks that no two modules (nor a module and the kernel)
/// claim one payload key, object kind, wire number, domain tag, ref root, rule, `pot` verb or
/// parameter name.
public struct ChainModules: Sendable, Equatable {
    /// The modules in payload-key order.
    public let all: [AnyChainModule]

    /// A chain with the kernel alone.
    public static let kernelOnly = ChainModules(checked: [])

    /// Payload keys 1 to 3 (transfers, votes, evidence).
    public static let kernelPayloadKeys: Set<UInt64> = [1, 2, 3]
    /// Wire kinds 1 to 3 (vote, transfer, block).
    public static let kernelWireKinds: Set<UInt8> = [1, 2, 3]
    /// The folders of `refs/pot/` the kernel uses.
    public static let kernelRefRoots: Set<String> = ["genesis", "blocks", "votes", "txs", "names", "labels"]
    /// The kernel's kinds of object by their short names (inventories, logs, metrics labels).
    public static let kernelObjectNames: Set<String> = ["vote", "transfer", "block", "name"]
    /// The verbs of `pot` and the clients it runs (`pot node`, `pot market` …). A module's name
    /// and its commands' verbs are its own.
    public static let kernelVerbs: Set<String> = [
        "init", "keygen", "keys", "transfer", "propose", "vote", "advance", "finalize", "status", "params", "log", "verify", "clone",
        "fetch", "push", "node", "light", "market", "web", "deploy", "help",
    ]

    public init(_ modules: [any ChainModule.Type]) throws {
        let erased = modules.map { AnyChainModule($0) }.sorted { $0.payloadKey < $1.payloadKey }
        try Self.check(erased)
        self.init(checked: erased)
    }

    private init(checked: [AnyChainModule]) { all = checked }

    /// The module whose section is under `key`, if any.
    public func module(payloadKey key: UInt64) -> AnyChainModule? { all.first { $0.payloadKey == key } }

    /// Every module parameter, in module order.
    public var parameters: [ModuleParameter] { all.flatMap(\.parameters) }

    /// Every kind of module object, in module order and, within a module, in dependency order.
    public var kinds: [ModuleObjectKind] { all.flatMap(\.kinds) }

    /// The module and kind whose objects travel under wire number `wireKind`.
    public func kind(wire wireKind: UInt8) -> (module: AnyChainModule, kind: ModuleObjectKind)? {
        for module in all { if let kind = module.kinds.first(where: { $0.wireKind == wireKind }) { return (module, kind) } }
        return nil
    }

    /// Checks the module parameters a genesis sets: each one known, each value in its range.
    public func checkParameters(_ params: ChainParams) throws { try checkParameters(params.moduleParameters) }

    /// Checks module parameter values by name: each one known, each value in its range.
    public func checkParameters(_ values: [String: UInt64]) throws {
        let known = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0) })
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let parameter = known[name] else {
                throw ObjectError("unknown chain parameter '\(name)' (known: \(parameters.map(\.name).joined(separator: ", ")))")
            }
            guard parameter.range.contains(value) else {
                throw ObjectError("chain parameter \(name) must be between \(parameter.range.lowerBound) and \(parameter.range.upperBound), got \(value)")
            }
        }
    }

    public static func == (a: ChainModules, b: ChainModules) -> Bool { a.all.map(\.name) == b.all.map(\.name) }

    /// The registry's rule: everything a module names is unique across modules and the kernel.
    static func check(_ modules: [AnyChainModule]) throws {
        var keys = kernelPayloadKeys, wires = kernelWireKinds, roots = kernelRefRoots, verbs = kernelVerbs, objects = kernelObjectNames
        var tags = Set(DomainTag.kernel), rules = Set(BlockRejection.Rule.kernel), parameters: Set<String> = []
        func claim<T: Hashable>(_ value: T, in set: inout Set<T>, _ what: String, _ module: AnyChainModule) throws {
            guard set.insert(value).inserted else { throw ObjectError("module \(module.name) reuses the \(what) \(value)") }
        }
        for module in modules {
            guard !module.name.isEmpty, module.name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }) else {
                throw ObjectError("a module name is lowercase ASCII letters and hyphens, got '\(module.name)'")
            }
            try claim(module.name, in: &verbs, "name", module)
            for verb in module.verbs where verb != module.name { try claim(verb, in: &verbs, "verb", module) }
            try claim(module.payloadKey, in: &keys, "payload key", module)
            for kind in module.kinds {
                try claim(kind.shortName, in: &objects, "object name", module)
                try claim(kind.wireKind, in: &wires, "wire kind", module)
                try claim(kind.refRoot, in: &roots, "ref root", module)
                try claim(kind.domain, in: &tags, "domain tag", module)
            }
            for rule in module.rules { try claim(rule, in: &rules, "rule", module) }
            for parameter in module.parameters {
                guard parameter.name.hasPrefix(module.name + "."), parameter.range.contains(parameter.defaultValue) else {
                    throw ObjectError("module \(module.name)'s parameter \(parameter.name) must start with '\(module.name).' and have its default in its range")
                }
                try claim(parameter.name, in: &parameters, "parameter", module)
            }
        }
    }
}
