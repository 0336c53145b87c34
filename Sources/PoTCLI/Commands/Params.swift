import ArgumentParser
import PoTCore
import PoTModules

struct Params: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "Show the chain's parameters: the kernel's, and every module's with its default and range.")
    @Flag(help: "Print JSON.") var json = false

    struct Kernel: Encodable { let k: UInt64; let alpha: UInt64; let scoring: String; let created_at: UInt64; let note: String }
    struct Row: Encodable {
        let name: String; let value: UInt64; let `default`: UInt64; let min: UInt64; let max: UInt64; let set_at_genesis: Bool; let summary: String
    }
    struct Module: Encodable { let module: String; let summary: String; let payload_key: UInt64; let parameters: [Row] }
    struct Document: Encodable { let chain_id: String; let kernel: Kernel; let modules: [Module] }

    func run() throws {
        let store = try ChainContext.open().store
        let params = store.params
        let document = Document(
            chain_id: store.chainId.hex,
            kernel: Kernel(k: params.confirmations, alpha: params.alpha, scoring: params.scoring.rawValue, created_at: params.createdAt,
                           note: params.note),
            modules: ChainModules.standard.all.map { module in
                Module(module: module.name, summary: module.summary, payload_key: module.payloadKey, parameters: module.parameters.map {
                    Row(name: $0.name, value: params.value(of: $0), default: $0.defaultValue, min: $0.range.lowerBound,
                        max: $0.range.upperBound, set_at_genesis: params.moduleParameters[$0.name] != nil, summary: $0.summary)
                })
            })
        if json { print(try Format.json(document)); return }
        print("kernel")
        print("  K (confirmations)  \(params.confirmations)")
        print("  alpha              \(params.alpha) mT per nat")
        print("  scoring            \(params.scoring.rawValue)")
        for module in document.modules {
            print("\(module.module) (payload key \(module.payload_key)): \(module.summary)")
            if module.parameters.isEmpty { print("  (no parameters)") }
            let width = module.parameters.map(\.name.count).max() ?? 0
            for row in module.parameters {
                let origin = row.set_at_genesis ? "set at genesis; default \(Figures.grouped(row.default))" : "default"
                print("  \(row.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(Figures.grouped(row.value).leftPadded(9))  (\(origin); \(Figures.grouped(row.min)) to \(Figures.grouped(row.max)))  \(row.summary)")
            }
        }
    }
}

/// `pot init --param NAME=VALUE`: one module parameter.
enum ParamOption {
    /// Parses the repeated option into a map, refusing a malformed item, a repeated name, an
    /// unknown name or a value outside its range, each in one line.
    static func parse(_ items: [String]) throws -> [String: UInt64] {
        var values: [String: UInt64] = [:]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CLIError("--param '\(item)' must look like markets.max_resolution_window=1000 (a parameter name, then a whole number)")
            }
            guard let value = UInt64(parts[1]) else { throw CLIError("--param \(parts[0]): '\(parts[1])' is not a whole number") }
            guard values[parts[0]] == nil else { throw CLIError("--param names \(parts[0]) twice") }
            values[parts[0]] = value
        }
        do { try ChainModules.standard.checkParameters(values) } catch { throw CLIError("--param: \(error)") }
        return values
    }
}
