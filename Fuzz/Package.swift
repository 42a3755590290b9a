// swift-tools-version: 6.1
// libFuzzer targets for Capstan's parsers of untrusted files: a separate package, so that the
// root `swift build` never links them (they have no `main`; libFuzzer provides it). Build and
// run with `make fuzz` from the root (see README.md, Development).
import PackageDescription

let package = Package(
  name: "CapstanFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Capstan", path: ".."),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
  ],
  targets: [
    .executableTarget(
      name: "FuzzXMLReader",
      dependencies: [.product(name: "CapstanXML", package: "Capstan")]
    ),
    .executableTarget(
      name: "FuzzNativeXML",
      dependencies: [.product(name: "CapstanInterchange", package: "Capstan")]
    ),
    .executableTarget(
      name: "FuzzWorkbook",
      dependencies: [.product(name: "CapstanInterchange", package: "Capstan")]
    ),
    .executableTarget(
      name: "FuzzVestingTerms",
      dependencies: [.product(name: "CapstanModel", package: "Capstan")]
    ),
    .executableTarget(
      name: "FuzzZip",
      dependencies: [
        .product(name: "CapstanZip", package: "Capstan"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .executableTarget(
      name: "FuzzCSV",
      dependencies: [.product(name: "CapstanModel", package: "Capstan")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
