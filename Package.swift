// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "helpdesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "helpdesk", targets: ["helpdesk"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "HelpdeskCore"),
        .target(name: "Knowledge", dependencies: ["HelpdeskCore", "CStemmer"]),
        .target(name: "Engine", dependencies: ["HelpdeskCore", "Knowledge"]),
        .executableTarget(
            name: "helpdesk",
            dependencies: [
                "HelpdeskCore", "Knowledge", "Engine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "helpdesk-bench", dependencies: ["Knowledge", "CSQLite"]),
        .testTarget(
            name: "KnowledgeTests",
            dependencies: ["Knowledge"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "HelpdeskCoreTests", dependencies: ["HelpdeskCore"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HelpdeskTests", dependencies: ["helpdesk"]),
    ],
    swiftLanguageModes: [.v6]
)
