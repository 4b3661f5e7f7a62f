// swift-tools-version: 6.1
import PackageDescription

/// Podium's targets are strictly layered: nothing points upward.
/// See docs/ARCHITECTURE.md for what each target owns.
let package = Package(
    name: "Podium",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "podium", targets: ["podium"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    ],
    targets: [
        // MARK: Domain and storage

        .target(name: "PodiumCore"),
        .target(name: "CPodiumSystem"),
        .target(name: "PodiumStore", dependencies: ["PodiumCore", "CPodiumSystem"]),
        .target(name: "PodiumExchange", dependencies: ["PodiumCore", "PodiumStore"]),
        .target(name: "PodiumDemo", dependencies: ["PodiumCore", "PodiumStore"]),
        .target(name: "PodiumInsight", dependencies: ["PodiumCore"]),

        // MARK: AI jobs

        .target(name: "PodiumAI", dependencies: ["PodiumCore", "PodiumStore", "PodiumInsight"]),
        .target(name: "PodiumEngine", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumInsight", "PodiumAI"]),

        // MARK: Presentation

        .target(name: "PodiumReport", dependencies: ["PodiumCore", "PodiumStore", "PodiumInsight", "PodiumAI", "PodiumEngine"]),
        .target(name: "PodiumRender"),
        .target(name: "PodiumViewModels", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumRender", "PodiumEngine", "PodiumReport"]),
        .target(name: "PodiumTUI", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumViewModels", "PodiumRender", "PodiumEngine"]),

        // MARK: Terminal (only PodiumCurses may import CNCurses)

        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
        ),
        .target(name: "PodiumCurses", dependencies: ["CNCurses", "PodiumRender"]),

        // MARK: Agents

        .target(name: "PodiumMCP", dependencies: [
            "PodiumCore", "PodiumStore", "PodiumInsight", "PodiumAI", "PodiumEngine",
            .product(name: "MCP", package: "swift-sdk"),
        ]),

        // MARK: Executables

        .executableTarget(
            name: "podium",
            dependencies: [
                "PodiumCore", "PodiumStore", "PodiumExchange", "PodiumDemo", "PodiumViewModels", "PodiumRender", "PodiumTUI", "PodiumCurses",
                "PodiumAI", "PodiumEngine", "PodiumReport", "PodiumInsight", "PodiumMCP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(
            name: "podium-bench",
            dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumDemo", "PodiumRender", "PodiumViewModels", "PodiumTUI", "PodiumInsight", "PodiumEngine", "PodiumAI",
                           "PodiumTestSupport"],
            path: "Benchmarks/podium-bench"
        ),

        // MARK: Tests

        .executableTarget(
            name: "podium-test-writer",
            dependencies: ["PodiumCore", "PodiumStore", "PodiumEngine", "PodiumAI"],
            path: "Tests/Helpers/podium-test-writer"
        ),
        .target(name: "PodiumTestSupport", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumRender"]),
        .testTarget(name: "PodiumCoreTests", dependencies: ["PodiumCore"]),
        .testTarget(name: "PodiumCursesTests", dependencies: ["PodiumCurses"]),
        .testTarget(name: "PodiumRenderTests", dependencies: ["PodiumRender"]),
        .testTarget(
            name: "PodiumTUITests",
            dependencies: ["PodiumTUI", "PodiumViewModels", "PodiumEngine", "PodiumAI", "PodiumCore", "PodiumStore", "PodiumDemo", "PodiumRender",
                           "PodiumTestSupport"]
        ),
        .testTarget(name: "PodiumViewModelsTests", dependencies: ["PodiumViewModels", "PodiumEngine", "PodiumCore", "PodiumStore", "PodiumDemo", "PodiumRender", "PodiumTUI"]),
        .testTarget(
            name: "PodiumStoreTests",
            dependencies: ["PodiumCore", "PodiumStore", "PodiumTestSupport", "podium-test-writer"]
        ),
        .testTarget(name: "PodiumExchangeTests", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumEngine", "PodiumTestSupport"]),
        .testTarget(name: "PodiumAITests", dependencies: ["PodiumAI", "PodiumCore", "PodiumTestSupport", "PodiumDemo"]),
        .testTarget(name: "PodiumEngineTests", dependencies: ["PodiumEngine", "PodiumAI", "PodiumCore", "PodiumStore", "PodiumDemo", "PodiumTestSupport", "podium-test-writer"]),
        .testTarget(name: "PodiumReportTests", dependencies: ["PodiumReport", "PodiumAI", "PodiumEngine", "PodiumInsight", "PodiumCore", "PodiumStore", "PodiumDemo", "PodiumTestSupport"]),
        .testTarget(name: "PodiumInsightTests", dependencies: ["PodiumInsight", "PodiumCore", "PodiumDemo", "PodiumStore"]),
        .testTarget(name: "PodiumMCPTests", dependencies: [
            "PodiumMCP", "PodiumEngine", "PodiumCore", "PodiumStore", "PodiumDemo", "PodiumTestSupport", .product(name: "MCP", package: "swift-sdk"),
        ]),
        .testTarget(name: "PodiumCLITests", dependencies: ["podium", "PodiumCore", "PodiumStore", "PodiumTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
