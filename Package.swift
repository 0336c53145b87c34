// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "PoT",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PoTCore", targets: ["PoTCore"]),
        .library(name: "PoTMarkets", targets: ["PoTMarkets"]),
        .library(name: "PoTMembership", targets: ["PoTMembership"]),
        .library(name: "PoTContracts", targets: ["PoTContracts"]),
        .library(name: "PoTAgents", targets: ["PoTAgents"]),
        .library(name: "PoTAgentsHost", targets: ["PoTAgentsHost"]),
        .library(name: "PoTModules", targets: ["PoTModules"]),
        .library(name: "PoTStore", targets: ["PoTStore"]),
        .library(name: "GitKit", targets: ["GitKit"]),
        .library(name: "PoTNet", targets: ["PoTNet"]),
        .library(name: "PoTNode", targets: ["PoTNode"]),
        .library(name: "PoTLight", targets: ["PoTLight"]),
        .library(name: "PoTDeploy", targets: ["PoTDeploy"]),
        .executable(name: "pot", targets: ["pot"]),
        .executable(name: "git-pot", targets: ["git-pot"]),
        .executable(name: "pot-bootstrap", targets: ["pot-bootstrap"]),
        .executable(name: "pot-light", targets: ["pot-light"]),
        .executable(name: "pot-market", targets: ["pot-market"]),
        .executable(name: "pot-deploy", targets: ["pot-deploy"]),
        .library(name: "PoTWeb", targets: ["PoTWeb"]),
        .executable(name: "pot-web", targets: ["pot-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // libgit2 from the system (Debian: libgit2-dev).
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // Thin Swift wrapper over libgit2: objects, refs, merges.
        .target(name: "GitKit", dependencies: ["CLibGit2", .product(name: "Crypto", package: "swift-crypto")]),
        // Pure consensus core (system 000 of docs/modules): no I/O, no clocks, integer-only.
        .target(
            name: "PoTCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Modules on the kernel (Sources/Modules/README.md): prediction markets (system 000).
        .target(name: "PoTMarkets", dependencies: ["PoTCore"], path: "Sources/Modules/Markets/Rules"),
        // Membership by sponsorship (system 001): the admission game's rules.
        .target(name: "PoTMembership", dependencies: ["PoTCore"], path: "Sources/Modules/Membership/Rules"),
        // Accountable service contracts (system 002): contracts, service trust, committees, sealed verdicts.
        .target(name: "PoTContracts", dependencies: ["PoTCore", .product(name: "Crypto", package: "swift-crypto")],
                path: "Sources/Modules/Contracts/Rules"),
        // The one ordered list of the chain's modules.
        // The agent marketplace with a proof of training (system 003): deterministic fixed-point training, checkpoints, fraud proofs.
        .target(name: "PoTAgents", dependencies: ["PoTCore"], path: "Sources/Modules/Agents/Rules"),
        .target(name: "PoTModules", dependencies: ["PoTCore", "PoTMarkets", "PoTMembership", "PoTContracts", "PoTAgents"], path: "Sources/Modules/List", exclude: ["README.md"]),
        // The chain stored in a git repository.
        .target(name: "PoTStore", dependencies: ["PoTCore", "PoTModules", "GitKit"]),
        // The `pot` command line, shared by `pot` and `git-pot`.
        .target(
            name: "PoTCLI",
            dependencies: [
                "PoTCore", "PoTModules", "PoTStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The markets module's host: its store, its `pot markets` / `pot-market` verbs, its wire objects.
        .target(
            name: "PoTMarketsHost",
            dependencies: [
                "PoTCore", "PoTMarkets", "PoTModules", "PoTStore", "PoTCLI", "PoTNet", "GitKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/Modules/Markets/Host"
        ),
        // The markets module in the explorer: its pages, block and account sections, bet signing.
        .target(name: "PoTMarketsWeb", dependencies: ["PoTCore", "PoTMarkets", "PoTMarketsHost", "PoTStore", "PoTWeb"], path: "Sources/Modules/Markets/Web"),
        // The membership module's host: its store signing, secrets and `pot sponsor` / `pot members`.
        .target(
            name: "PoTMembershipHost",
            dependencies: [
                "PoTCore", "PoTMembership", "PoTModules", "PoTStore", "PoTCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/Modules/Membership/Host"
        ),
        // The contracts module's host: its store signing, arbiter secrets, `pot contract|committee|arbitrate|shamir`.
        .target(
            name: "PoTContractsHost",
            dependencies: [
                "PoTCore", "PoTContracts", "PoTModules", "PoTStore", "PoTCLI", "PoTNet", "GitKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/Modules/Contracts/Host"
        ),
        // The agents module's host: datasets and checkpoints as git blobs, audits, `pot agent`.
        .target(
            name: "PoTAgentsHost",
            dependencies: [
                "PoTCore", "PoTAgents", "PoTModules", "PoTStore", "PoTCLI", "GitKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            path: "Sources/Modules/Agents/Host"
        ),
        // The agents module in the explorer: the agent directory and one page per agent.
        .target(name: "PoTAgentsWeb", dependencies: ["PoTCore", "PoTAgents", "PoTAgentsHost", "PoTStore", "PoTWeb"], path: "Sources/Modules/Agents/Web"),
        // The contracts module in the explorer: the contracts page, task pages with their dispute, block and account sections.
        .target(name: "PoTContractsWeb", dependencies: ["PoTCore", "PoTContracts", "PoTContractsHost", "PoTStore", "PoTWeb"], path: "Sources/Modules/Contracts/Web"),
        // The membership module in the explorer: the membership page with its graph, game pages, block and account sections.
        .target(name: "PoTMembershipWeb", dependencies: ["PoTCore", "PoTMembership", "PoTMembershipHost", "PoTStore", "PoTWeb"], path: "Sources/Modules/Membership/Web"),
        // The modules' host parts as the programs list them: their verbs of `pot`, their explorer parts.
        .target(name: "PoTModuleHosts", dependencies: ["PoTCLI", "PoTStore", "PoTNet", "PoTMarketsHost", "PoTMembershipHost", "PoTContractsHost", "PoTAgentsHost"], path: "Sources/Modules/Hosts", exclude: ["README.md"]),
        // The modules' parts of the explorer as pot-web lists them (apart, so `pot` does not link the web server).
        .target(name: "PoTModuleExplorers", dependencies: ["PoTWeb", "PoTMarketsWeb", "PoTMembershipWeb", "PoTContractsWeb", "PoTAgentsWeb"], path: "Sources/Modules/Explorers", exclude: ["README.md"]),
        // The gossip protocol without I/O: sessions, handshake, inventory, sync, peer scoring.
        .target(name: "PoTNet", dependencies: ["PoTCore"]),
        // A gossip node over TCP (SwiftNIO) on a chain stored in git, and a client for one peer.
        .target(
            name: "PoTNode",
            dependencies: [
                "PoTNet", "PoTLight", "PoTStore", "PoTCore", "GitKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A client of one peer over TCP, and the header-only light client built on it.
        .target(
            name: "PoTLight",
            dependencies: [
                "PoTNet", "PoTCore", "PoTModules",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "pot-bootstrap",
            dependencies: ["PoTNode", "PoTLight", "PoTModuleHosts", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "pot-light",
            dependencies: ["PoTLight", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Runs hooks from pot-deploy.toml in worktrees of new tips and newly final blocks.
        .target(name: "PoTDeploy", dependencies: ["PoTStore", "PoTCore", "GitKit", "TOMLKit"]),
        .executableTarget(
            name: "pot-deploy",
            dependencies: ["PoTDeploy", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The explorer: read model of the chain, HTML pages, JSON API and local signing, on Hummingbird.
        .target(
            name: "PoTWeb",
            dependencies: [
                "PoTCore", "PoTStore", "GitKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "pot-web",
            dependencies: [
                "PoTWeb", "PoTModuleExplorers",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "pot", dependencies: ["PoTCLI", "PoTModuleHosts"]),
        .executableTarget(name: "git-pot", dependencies: ["PoTCLI", "PoTModuleHosts"]),
        .executableTarget(name: "pot-market", dependencies: ["PoTMarketsHost"]),
        .testTarget(
            name: "PoTCoreTests",
            dependencies: ["PoTCore", "PoTMarkets", "PoTMembership", "PoTContracts", "PoTAgents", "PoTModules", "PoTTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit"]),
        // The contracts module's pure parts: Shamir against ssss, Raft against etcd's election behaviours.
        .testTarget(name: "PoTContractsTests", dependencies: ["PoTContracts"]),
        .testTarget(name: "PoTAgentsTests", dependencies: ["PoTAgents", "PoTCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "PoTStoreTests", dependencies: ["PoTStore", "PoTCore", "PoTMarkets", "PoTMarketsHost", "PoTModules", "GitKit"]),
        // Runs the built executables from tests, as a person would.
        .target(name: "PoTTestSupport", path: "Tests/PoTTestSupport"),
        .testTarget(name: "PoTCLITests", dependencies: ["PoTCLI", "PoTStore", "PoTCore", "PoTModules", "PoTMembershipHost", "PoTAgentsHost", "PoTTestSupport"]),
        .testTarget(name: "PoTNetTests", dependencies: ["PoTNet", "PoTCore", "PoTNode", "PoTStore", "PoTMarketsHost", "PoTTestSupport"]),
        .testTarget(
            name: "PoTLightTests",
            dependencies: [
                "PoTLight", "PoTNet", "PoTCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "PoTDeployTests", dependencies: ["PoTDeploy", "PoTTestSupport"]),
        .testTarget(
            name: "PoTNodeTests",
            dependencies: ["PoTNode", "PoTLight", "PoTNet", "PoTStore", "PoTMarketsHost", "PoTContracts", "PoTContractsHost", "PoTCore", "GitKit", "PoTTestSupport"]
        ),
        .testTarget(
            name: "PoTWebTests",
            dependencies: [
                "PoTWeb", "PoTStore", "PoTCore", "PoTMarkets", "PoTMarketsWeb", "PoTModules", "PoTModuleExplorers", "PoTNode", "PoTNet",
                "PoTTestSupport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
