// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "coauthor",
    products: [
        .executable(name: "coauthor", targets: ["coauthor"]),
        .library(name: "CoauthorCore", targets: ["CoauthorCore"]),
        .library(name: "CoauthorRender", targets: ["CoauthorRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // Graphviz's C API (cgraph + gvc), found through pkg-config; only CoauthorRender imports it.
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Publications, identity, graph, metrics and exports. Never prints, never exits.
        .target(name: "CoauthorCore"),
        // Lays out and renders a MapScene through Graphviz, confined to one lock.
        .target(name: "CoauthorRender", dependencies: ["CoauthorCore", "CGraphviz"]),
        .executableTarget(
            name: "coauthor",
            dependencies: [
                "CoauthorCore",
                "CoauthorRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Parses the alias file (--aliases); the core takes the result as a plain AliasRules value.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Times each metric on one graph and dumps the graph for the reference tools (Scripts/bench_metrics.py).
        .executableTarget(name: "coauthor-bench", dependencies: ["CoauthorCore"], path: "Benchmarks/CoauthorBench"),
        // The README's library example, compiled and run by the tests (LibraryExampleTests).
        .executableTarget(name: "coauthor-library-example", dependencies: ["CoauthorCore"], path: "Examples/LibraryExample"),
        .testTarget(name: "CoauthorCoreTests", dependencies: ["CoauthorCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CoauthorRenderTests", dependencies: ["CoauthorRender", "CoauthorCore"]),
        .testTarget(name: "CoauthorCLITests", dependencies: ["coauthor", "coauthor-library-example"],
                    exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer target for the BibTeX reader, only declared when asked for, because it has no `main`
// of its own (libFuzzer provides it): COAUTHOR_FUZZ=1 swift build -c debug --product FuzzBibTeX \
//   -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library (see README, Development).
if ProcessInfo.processInfo.environment["COAUTHOR_FUZZ"] != nil {
    package.products.append(.executable(name: "FuzzBibTeX", targets: ["FuzzBibTeX"]))
    package.targets.append(.executableTarget(name: "FuzzBibTeX", dependencies: ["CoauthorCore"], path: "Fuzz/FuzzBibTeX"))
    // The database-export readers (Web of Science, Scopus, MEDLINE, OpenAlex, Lens, Dimensions, IEEE, Crossref).
    package.products.append(.executable(name: "FuzzExports", targets: ["FuzzExports"]))
    package.targets.append(.executableTarget(name: "FuzzExports", dependencies: ["CoauthorCore"], path: "Fuzz/FuzzExports"))
}
