// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "PoT",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PoTCore", targets: ["PoTCore"]),
        .library(name: "PoTStore", targets: ["PoTStore"]),
        .library(name: "GitKit", targets: ["GitKit"]),
        .executable(name: "pot", targets: ["pot"]),
        .executable(name: "git-pot", targets: ["git-pot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev).
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Thin Swift wrapper over libgit2: objects, refs, merges.
        .target(name: "GitKit", dependencies: ["CLibGit2"]),
        // Pure consensus core (system 000 of docs/modules): no I/O, no clocks, integer-only.
        .target(
            name: "PoTCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The chain stored in a git repository.
        .target(name: "PoTStore", dependencies: ["PoTCore", "GitKit"]),
        // The `pot` command line, shared by `pot` and `git-pot`.
        .target(
            name: "PoTCLI",
            dependencies: [
                "PoTCore", "PoTStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "pot", dependencies: ["PoTCLI"]),
        .executableTarget(name: "git-pot", dependencies: ["PoTCLI"]),
        .testTarget(
            name: "PoTCoreTests",
            dependencies: ["PoTCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit"]),
        .testTarget(name: "PoTStoreTests", dependencies: ["PoTStore", "PoTCore", "GitKit"]),
        .testTarget(name: "PoTCLITests", dependencies: ["PoTCLI", "PoTStore", "PoTCore"]),
    ]
)
