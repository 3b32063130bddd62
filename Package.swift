// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "helpdesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "helpdesk", targets: ["helpdesk"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CBLAS",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "HelpdeskCore"),
        .target(name: "Knowledge", dependencies: ["HelpdeskCore", "CStemmer"]),
        .target(name: "Semantics", dependencies: ["HelpdeskCore", "Knowledge", "CBLAS"]),
        .target(name: "Engine", dependencies: ["HelpdeskCore", "Knowledge", "Semantics"]),
        .target(
            name: "Store",
            dependencies: ["HelpdeskCore", "CCrypto", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "Service",
            dependencies: [
                "HelpdeskCore", "Knowledge", "Engine", "Store", "CSpawn", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "CSpawn"),
        .target(
            name: "Daemon",
            dependencies: [
                "HelpdeskCore", "Engine", "Service", "Store", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "TerminalUI", dependencies: ["HelpdeskCore", "CNcursesw", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "helpdesk",
            dependencies: [
                "HelpdeskCore", "Knowledge", "Engine", "Semantics", "Store", "Service", "Daemon", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "helpdesk-bench",
            dependencies: ["Knowledge", "Store", "CSQLite", "Daemon", "HelpdeskCore", "Engine", "Semantics", "Service"]),
        .executableTarget(name: "helpdesk-fuzz", dependencies: ["HelpdeskCore", "Knowledge"]),
        .testTarget(
            name: "KnowledgeTests",
            dependencies: ["Knowledge"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "HelpdeskCoreTests", dependencies: ["HelpdeskCore"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Semantics"], exclude: ["Fixtures"]),
        .testTarget(name: "SemanticsTests", dependencies: ["Semantics", "Knowledge"], exclude: ["Fixtures"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "helpdesk-bench", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ServiceTests", dependencies: ["Service", "Engine", "Knowledge"]),
        .testTarget(name: "DaemonTests", dependencies: ["Daemon", "Service", "Engine", "Knowledge", "Store"]),
        .testTarget(name: "HelpdeskTests", dependencies: ["helpdesk"], exclude: ["Scripts"]),
        .testTarget(name: "FuzzTests", dependencies: ["helpdesk-fuzz"]),
    ],
    swiftLanguageModes: [.v6]
)
