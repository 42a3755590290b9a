// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Capstan",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "CapstanModel", targets: ["CapstanModel"]),
    .library(name: "CapstanEngine", targets: ["CapstanEngine"]),
    .library(name: "CapstanStore", targets: ["CapstanStore"]),
    .library(name: "CapstanPostgres", targets: ["CapstanPostgres"]),
    .library(name: "CapstanScenarios", targets: ["CapstanScenarios"]),
    .library(name: "CapstanReports", targets: ["CapstanReports"]),
    .library(name: "CapstanXML", targets: ["CapstanXML"]),
    .library(name: "CapstanInterchange", targets: ["CapstanInterchange"]),
    .library(name: "CapstanDocuments", targets: ["CapstanDocuments"]),
    .library(name: "CapstanOCF", targets: ["CapstanOCF"]),
    .library(name: "CapstanZip", targets: ["CapstanZip"]),
    .library(name: "CapstanServer", targets: ["CapstanServer"]),
    .executable(name: "capstan", targets: ["capstan"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
  ],
  targets: [
    .target(
      name: "CapstanModel",
      dependencies: [.product(name: "BigInt", package: "BigInt")]
    ),
    .target(
      name: "CapstanEngine",
      dependencies: ["CapstanModel", .product(name: "BigInt", package: "BigInt")]
    ),
    .target(
      name: "CapstanStore",
      dependencies: ["CapstanModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    // The PostgreSQL team store (docs/architecture.md, "How to add a store"): a sibling of
    // CapstanStore, so that SQLite users and CapstanStore do not link NIO.
    .target(
      name: "CapstanPostgres",
      dependencies: [
        "CapstanModel", "CapstanStore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .target(
      name: "CapstanReports",
      dependencies: [
        "CapstanModel", "CapstanEngine", "CapstanInterchange",
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(
      name: "CapstanScenarios",
      dependencies: ["CapstanModel", "CapstanEngine", .product(name: "Yams", package: "Yams")]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "CapstanXML", dependencies: ["CLibXML2"]),
    .target(
      name: "CapstanZip",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    .target(
      name: "CapstanInterchange",
      dependencies: [
        "CapstanModel", "CapstanXML", "CapstanZip",
        .product(name: "BigInt", package: "BigInt"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "CapstanDocuments",
      dependencies: [
        "CapstanModel", "CapstanEngine",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "CapstanOCF",
      dependencies: [
        "CapstanModel", "CapstanZip", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    // The team server (docs/server.md): the JSON API over the workspace contract. Hummingbird
    // stays here, out of the other library targets.
    .target(
      name: "CapstanServer",
      dependencies: [
        "CapstanModel", "CapstanEngine", "CapstanStore", "CapstanReports",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "capstan",
      dependencies: [
        "CapstanModel", "CapstanEngine", "CapstanStore", "CapstanPostgres", "CapstanScenarios",
        "CapstanServer",
        "CapstanReports", "CapstanInterchange",
        "CapstanDocuments",
        "CapstanOCF",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "BigInt", package: "BigInt"),
      ]
    ),
    .testTarget(
      name: "CapstanModelTests",
      dependencies: [
        "CapstanModel", "CapstanTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "CapstanEngineTests",
      dependencies: [
        "CapstanModel", "CapstanEngine", "CapstanTestSupport",
        .product(name: "BigInt", package: "BigInt"),
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    // The sample company the store, interchange, OCF and engine tests share (not a test
    // target itself).
    .target(
      name: "CapstanTestSupport",
      dependencies: ["CapstanModel"],
      path: "Tests/CapstanTestSupport"
    ),
    .testTarget(
      name: "CapstanStoreTests",
      dependencies: [
        "CapstanModel", "CapstanStore", "CapstanTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "CapstanPostgresTests",
      dependencies: ["CapstanModel", "CapstanStore", "CapstanPostgres", "CapstanTestSupport"]
    ),
    .testTarget(
      name: "CapstanServerTests",
      dependencies: [
        "CapstanModel", "CapstanStore", "CapstanPostgres", "CapstanServer", "CapstanTestSupport",
        "CapstanReports",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    .testTarget(
      name: "CapstanScenariosTests",
      dependencies: ["CapstanModel", "CapstanEngine", "CapstanScenarios"]
    ),
    .testTarget(
      name: "CapstanInterchangeTests",
      dependencies: [
        "CapstanModel", "CapstanXML", "CapstanInterchange", "CapstanStore", "CapstanTestSupport",
      ]
    ),
    .testTarget(
      name: "CapstanDocumentsTests",
      dependencies: [
        "CapstanModel", "CapstanEngine", "CapstanDocuments", "CapstanScenarios",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "CapstanReportsTests",
      dependencies: ["CapstanModel", "CapstanEngine", "CapstanReports", "CapstanTestSupport"]
    ),
    .testTarget(
      name: "CapstanOCFTests",
      dependencies: [
        "CapstanModel", "CapstanOCF", "CapstanTestSupport",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .testTarget(
      name: "CapstanCLITests",
      dependencies: [
        "capstan", "CapstanXML", "CapstanTestSupport", "CapstanStore",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "BigInt", package: "BigInt"),
      ],
      exclude: ["Snapshots"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
