// swift-tools-version:6.1
import Foundation
import PackageDescription

// Benchmarks of PoT, kept in their own package so the main package carries no benchmark
// dependency. Run them with scripts/bench.sh (from the repository root).

// SwiftPM names a path dependency after its directory: that of the checkout holding this package.
let pot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()
let package = Package(
    name: "PoTBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Fixture builders and subprocess helpers shared by the benchmark executables.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "PoTCore", package: pot),
                .product(name: "PoTStore", package: pot),
            ],
            path: "Sources/BenchSupport"
        ),
        .executableTarget(
            name: "Replay",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoTCore", package: pot),
                .product(name: "PoTStore", package: pot),
            ],
            path: "Benchmarks/Replay",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CLI",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoTCore", package: pot),
                .product(name: "PoTStore", package: pot),
            ],
            path: "Benchmarks/CLI",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Network",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PoTCore", package: pot),
                .product(name: "PoTStore", package: pot),
                .product(name: "PoTNet", package: pot),
                .product(name: "PoTNode", package: pot),
                .product(name: "PoTLight", package: pot),
            ],
            path: "Benchmarks/Network",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Web",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Web",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
