// swift-tools-version:6.1
// libFuzzer harnesses for PoT's decoders, built apart from the main package:
//   swift build -c release --package-path Fuzz --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address --product fuzz-cbor
// (scripts/fuzz.sh does this, and says why the sanitizers are given that way). The normal
// `swift build` and `swift test` never see this package.
import PackageDescription

// The main package is the folder above, named so its products resolve whatever the checkout's
// folder is called.
let pot = "PoT"

/// The harnesses: target name (fuzz-<name>) and the main package's libraries it needs.
let harnesses: [(name: String, uses: [String])] = [
    ("cbor", ["PoTCore"]),
    ("chain-params", ["PoTCore"]),
    ("transfer", ["PoTCore"]),
    ("vote", ["PoTCore"]),
    ("header", ["PoTCore"]),
    ("payload", ["PoTCore", "PoTModules", "PoTMembership", "PoTContracts", "PoTAgents"]),
    ("market-declaration", ["PoTCore", "PoTMarkets"]),
    ("market-bet", ["PoTCore", "PoTMarkets"]),
    ("market-resolution", ["PoTCore", "PoTMarkets"]),
    ("name-claim", ["PoTCore"]),
    ("module-object", ["PoTCore", "PoTMembership", "PoTContracts", "PoTAgents"]),
    ("message", ["PoTCore", "PoTModules", "PoTNet"]),
    ("frame", ["PoTCore", "PoTModules", "PoTNet"]),
    ("deploy-config", ["PoTDeploy"]),
    ("agent-data", ["PoTCore", "PoTAgents"]),
]

let package = Package(
    name: "PoTFuzz",
    platforms: [.macOS(.v15)],
    products: harnesses.map { .executable(name: "fuzz-\($0.name)", targets: ["fuzz-\($0.name)"]) },
    dependencies: [.package(name: pot, path: "..")],
    targets: [
        // Checks shared by the harnesses, and the seed objects they write with POT_FUZZ_SEEDS.
        .target(name: "FuzzSupport", dependencies: ["PoTCore", "PoTMarkets", "PoTMembership", "PoTContracts", "PoTAgents", "PoTModules", "PoTNet"].map { .product(name: $0, package: pot) }),
    ] + harnesses.map { harness in
        .executableTarget(
            name: "fuzz-\(harness.name)",
            dependencies: ["FuzzSupport"] + harness.uses.map { .product(name: $0, package: pot) }
        )
    }
)
