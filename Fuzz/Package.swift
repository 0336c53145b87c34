// swift-tools-version:6.1
// libFuzzer harnesses for PoT's decoders, built apart from the main package:
//   swift build -c release --package-path Fuzz --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address --product fuzz-cbor
// (scripts/fuzz.sh does this, and says why the sanitizers are given that way). The normal
// `swift build` and `swift test` never see this package.
import Foundation
import PackageDescription

// The main package is the folder above. SwiftPM names a path dependency after its folder, which
// depends on where the repository was checked out (a clone, a worktree), so the name is read here.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let pot = root.lastPathComponent.lowercased()

/// The harnesses: target name (fuzz-<name>) and the main package's libraries it needs.
let harnesses: [(name: String, uses: [String])] = [
    ("cbor", ["PoTCore"]),
    ("chain-params", ["PoTCore"]),
    ("transfer", ["PoTCore"]),
    ("vote", ["PoTCore"]),
    ("header", ["PoTCore"]),
    ("payload", ["PoTCore"]),
    ("market-declaration", ["PoTCore"]),
    ("market-bet", ["PoTCore"]),
    ("market-resolution", ["PoTCore"]),
    ("name-claim", ["PoTCore"]),
    ("message", ["PoTCore", "PoTNet"]),
    ("frame", ["PoTCore", "PoTNet"]),
    ("deploy-config", ["PoTDeploy"]),
]

let package = Package(
    name: "PoTFuzz",
    platforms: [.macOS(.v15)],
    products: harnesses.map { .executable(name: "fuzz-\($0.name)", targets: ["fuzz-\($0.name)"]) },
    dependencies: [.package(path: root.path)],
    targets: [
        // Checks shared by the harnesses, and the seed objects they write with POT_FUZZ_SEEDS.
        .target(name: "FuzzSupport", dependencies: [.product(name: "PoTCore", package: pot), .product(name: "PoTNet", package: pot)]),
    ] + harnesses.map { harness in
        .executableTarget(
            name: "fuzz-\(harness.name)",
            dependencies: ["FuzzSupport"] + harness.uses.map { .product(name: $0, package: pot) }
        )
    }
)
