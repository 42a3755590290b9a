// swift-tools-version: 6.1
// libFuzzer target for the Open Cap Format decoder and mapper: a separate package, built with
// `-sanitize=fuzzer` by `make fuzz-ocf` at the root (so `swift build` there never links it).
import PackageDescription

let package = Package(
  name: "CapstanOCFFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "Capstan", path: "../..")],
  targets: [
    .executableTarget(
      name: "ocf-fuzz",
      dependencies: [
        .product(name: "CapstanModel", package: "Capstan"),
        .product(name: "CapstanOCF", package: "Capstan"),
      ],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ],
  swiftLanguageModes: [.v6]
)
