// swift-tools-version: 6.1
// libFuzzer targets for Capstan's parsers of untrusted files: a separate package, so that the
// root `swift build` never links them (they have no `main`; libFuzzer provides it). Build and
// run with `make fuzz` from the root (see README.md, Development).
import PackageDescription

let package = Package(
  name: "CapstanFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Capstan", path: "..")
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
  ],
  swiftLanguageModes: [.v6]
)
