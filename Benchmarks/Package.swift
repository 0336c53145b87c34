// swift-tools-version:6.1
import PackageDescription

// Benchmarks of PoT, kept in their own package so the main package carries no benchmark
// dependency. Run them with scripts/bench.sh (from the repository root).

let package = Package(
    name: "PoTBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, so the products resolve whatever the checkout's folder is called.
        .package(name: "PoT", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Fixture builders and subprocess helpers shared by the benchmark executables.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "PoTCore", package: "PoT"),
                .product(name: "PoTStore", package: "PoT"),
            ],
            path: "Sources/BenchSupport"
        ),
        .executableTarget(
            name: "Replay",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoTCore", package: "PoT"),
                .product(name: "PoTStore", package: "PoT"),
            ],
            path: "Benchmarks/Replay",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CLI",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoTCore", package: "PoT"),
                .product(name: "PoTStore", package: "PoT"),
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
                .product(name: "PoTCore", package: "PoT"),
                .product(name: "PoTStore", package: "PoT"),
                .product(name: "PoTModules", package: "PoT"),
                .product(name: "PoTNet", package: "PoT"),
                .product(name: "PoTNode", package: "PoT"),
                .product(name: "PoTLight", package: "PoT"),
            ],
            path: "Benchmarks/Network",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Agents",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoTCore", package: "PoT"),
                .product(name: "PoTModules", package: "PoT"),
                .product(name: "PoTAgents", package: "PoT"),
                .product(name: "PoTAgentsHost", package: "PoT"),
            ],
            path: "Benchmarks/Agents",
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
