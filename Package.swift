// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "coauthor",
    products: [
        .executable(name: "coauthor", targets: ["coauthor"]),
        .library(name: "CoauthorCore", targets: ["CoauthorCore"]),
        .library(name: "CoauthorRender", targets: ["CoauthorRender"]),
    ],
    // `swift build --traits MPI --scratch-path .build-mpi` builds the MPI variant (Open MPI from
    // Debian: openmpi-bin, libopenmpi-dev); the default build needs no MPI at all.
    traits: [
        .trait(name: "MPI", description: "Run the source-parallel metrics across the ranks of an MPI job (Open MPI)."),
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
        // Open MPI's C API through pkg-config, only with the MPI trait; only the executable imports it.
        .systemLibrary(
            name: "CMPI",
            path: "Sources/CMPI",
            pkgConfig: "ompi-c",
            providers: [.apt(["libopenmpi-dev"])]
        ),
        // The temporary files in flight, removed by a signal handler (plain C: async-signal-safe).
        .target(name: "CTemporaryFiles"),
        // Hands freed heap pages back to the system (glibc's malloc_trim) between the phases of
        // a large analysis.
        .target(name: "CHeap"),
        // A cache prefetch hint (`__builtin_prefetch`), which Swift lacks: hash tables probed per authorship.
        .target(name: "CPrefetch"),
        // zlib, found through pkg-config: inputs compressed with gzip (`.jsonl.gz` snapshots, `.txt.gz`).
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Publications, identity, graph, metrics and exports. Never prints, never exits.
        .target(name: "CoauthorCore", dependencies: ["CHeap", "CPrefetch", "CTemporaryFiles", "CZlib"]),
        // Lays out and renders a MapScene through Graphviz, confined to one lock.
        .target(name: "CoauthorRender", dependencies: ["CoauthorCore", "CGraphviz"]),
        .executableTarget(
            name: "coauthor",
            dependencies: [
                "CoauthorCore",
                "CoauthorRender",
                "CHeap",
                "CTemporaryFiles",
                .target(name: "CMPI", condition: .when(traits: ["MPI"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Parses the alias file (--aliases); the core takes the result as a plain AliasRules value.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Times each metric on one graph and dumps the graph for the reference tools (Scripts/bench_metrics.py).
        .executableTarget(name: "coauthor-bench", dependencies: ["CoauthorCore"], path: "Benchmarks/CoauthorBench"),
        // The README's library example, compiled and run by the tests (LibraryExampleTests).
        .executableTarget(name: "coauthor-library-example", dependencies: ["CoauthorCore"], path: "Examples/LibraryExample"),
        .testTarget(name: "CoauthorCoreTests", dependencies: ["CoauthorCore", "CTemporaryFiles"], exclude: ["Fixtures"]),
        .testTarget(name: "CoauthorRenderTests", dependencies: ["CoauthorRender", "CoauthorCore"]),
        .testTarget(name: "CoauthorCLITests", dependencies: ["coauthor", "coauthor-library-example"],
                    exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer target for every reader (COAUTHOR_FUZZ_READER names the format; Scripts/fuzz.sh runs
// them), only declared when asked for, because it has no `main` of its own (libFuzzer provides it):
// COAUTHOR_FUZZ=1 swift build --product FuzzReaders -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library.
if ProcessInfo.processInfo.environment["COAUTHOR_FUZZ"] != nil {
    package.products.append(.executable(name: "FuzzReaders", targets: ["FuzzReaders"]))
    package.targets.append(.executableTarget(name: "FuzzReaders", dependencies: ["CoauthorCore"], path: "Fuzz/FuzzReaders"))
}
