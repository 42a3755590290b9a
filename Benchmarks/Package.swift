// swift-tools-version: 6.1
// Release-mode benchmarks of Capstan: a separate package, so `swift test` at the root never
// builds them. Run with `make bench` from the root (see BENCHMARKS.md).
import PackageDescription

let package = Package(
  name: "CapstanBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    // The root package is named explicitly: a path dependency is otherwise known by its
    // folder's name, which differs between clones.
    .package(name: "Capstan", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    .target(
      name: "SyntheticLedger",
      dependencies: [
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanStore", package: "Capstan"),
      ]
    ),
    .executableTarget(
      name: "make-synthetic",
      dependencies: ["SyntheticLedger", .product(name: "CapstanModel", package: "Capstan")]
    ),
    .executableTarget(
      name: "cpu-time",
      dependencies: [
        "SyntheticLedger",
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanEngine", package: "Capstan"),
      ]
    ),
    .executableTarget(
      name: "LedgerReplay",
      dependencies: [
        "SyntheticLedger",
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanEngine", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/LedgerReplay",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "Waterfall",
      dependencies: [
        "SyntheticLedger",
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanEngine", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/Waterfall",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "Vesting",
      dependencies: [
        "SyntheticLedger",
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanEngine", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/Vesting",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "PortfolioReport",
      dependencies: [
        "SyntheticLedger",
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanReports", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/PortfolioReport",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "OCFImport",
      dependencies: [
        "SyntheticLedger",
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanOCF", package: "Capstan"),
        .product(name: "CapstanStore", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/OCFImport",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "CLITable",
      dependencies: [
        "SyntheticLedger",
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/CLITable",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "TokenStress",
      dependencies: [
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanEngine", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/TokenStress",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "XMLImport",
      dependencies: [
        "SyntheticLedger",
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/XMLImport",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    .executableTarget(
      name: "TermSheets",
      dependencies: [
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanEngine", package: "Capstan"),
        .product(name: "CapstanScenarios", package: "Capstan"),
        .product(name: "CapstanDocuments", package: "Capstan"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/TermSheets",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
