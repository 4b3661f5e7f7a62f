// swift-tools-version: 6.1
import PackageDescription

/// Podium's libFuzzer harnesses, one executable per harness. Build them with scripts/fuzz.sh
/// (`swift build -c release --sanitize=fuzzer --sanitize=address`); docs/RELIABILITY.md says
/// what each one feeds and how to run them.
///
/// The root package exports no library products, so this package compiles Podium's own
/// sources again, through the `PodiumSources` symlink to `../Sources`, with the fuzzer's
/// coverage instrumentation. The targets and their dependencies below mirror the root
/// Package.swift for the modules the harnesses reach: when a target there gains a
/// dependency, add it here too (the build fails until then).
let podium = "PodiumSources/"

let package = Package(
    name: "PodiumFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // MARK: Podium's modules (mirroring ../Package.swift)

        .target(name: "PodiumCore", path: podium + "PodiumCore"),
        .target(name: "CPodiumSystem", path: podium + "CPodiumSystem"),
        .target(name: "PodiumStore", dependencies: ["PodiumCore", "CPodiumSystem"], path: podium + "PodiumStore"),
        .target(name: "PodiumExchange", dependencies: ["PodiumCore", "PodiumStore"], path: podium + "PodiumExchange"),
        .target(name: "PodiumInsight", dependencies: ["PodiumCore"], path: podium + "PodiumInsight"),
        .target(name: "PodiumAI", dependencies: ["PodiumCore", "PodiumStore", "PodiumInsight"], path: podium + "PodiumAI"),
        .target(name: "PodiumEngine", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumInsight", "PodiumAI"], path: podium + "PodiumEngine"),
        .target(name: "PodiumReport", dependencies: ["PodiumCore", "PodiumStore", "PodiumInsight", "PodiumAI", "PodiumEngine"], path: podium + "PodiumReport"),
        .target(name: "PodiumRender", path: podium + "PodiumRender"),
        .target(name: "PodiumViewModels", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumRender", "PodiumEngine", "PodiumReport"],
                path: podium + "PodiumViewModels"),
        .target(name: "PodiumTUI", dependencies: ["PodiumCore", "PodiumStore", "PodiumExchange", "PodiumViewModels", "PodiumRender", "PodiumEngine"],
                path: podium + "PodiumTUI"),

        // MARK: Harnesses

        .target(name: "FuzzSupport", path: "Harnesses/FuzzSupport"),
        .executableTarget(name: "FuzzTabular", dependencies: ["FuzzSupport", "PodiumExchange"], path: "Harnesses/FuzzTabular"),
        .executableTarget(name: "FuzzImport", dependencies: ["FuzzSupport", "PodiumCore", "PodiumStore", "PodiumExchange"], path: "Harnesses/FuzzImport"),
        .executableTarget(name: "FuzzStream", dependencies: ["FuzzSupport", "PodiumCore", "PodiumAI"], path: "Harnesses/FuzzStream"),
        .executableTarget(
            name: "FuzzConfig",
            dependencies: ["FuzzSupport", "PodiumCore", "PodiumAI", "PodiumEngine", "PodiumRender", "PodiumViewModels", "PodiumTUI",
                           .product(name: "TOMLKit", package: "TOMLKit")],
            path: "Harnesses/FuzzConfig"),
        .executableTarget(name: "FuzzRecord", dependencies: ["FuzzSupport", "PodiumCore", "PodiumStore"], path: "Harnesses/FuzzRecord"),
    ],
    swiftLanguageModes: [.v6]
)
