import Foundation
import Testing
import ZIPFoundation

/// `capstan import` / `capstan export ocf` end to end, with the hostile packages of issue 6.
@Suite("capstan import and export ocf")
struct OCFEndToEndTests {
  static let samples = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/ocf-samples")
  static var present: Bool {
    FileManager.default.fileExists(
      atPath: samples.appendingPathComponent("ocf-tools/acme_holdings_limited/Manifest.ocf.json")
        .path)
  }
  /// Whether the sample tests run: when the samples are there, and always under `CI=true`,
  /// where a missing folder fails them instead of skipping them.
  static var enabled: Bool {
    present || ProcessInfo.processInfo.environment["CI"] == "true"
  }

  @Test("../shared/ocf-samples is present in CI; outside CI its absence is said aloud")
  func samplesPresent() {
    guard !Self.present else { return }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
      Issue.record("CI=true but \(Self.samples.path) is absent: the OCF sample tests cannot run")
    } else {
      print("SKIPPED (\(Self.samples.path) is absent): capstan import and export ocf (samples)")
    }
  }

  @Test(
    "Acme imports, shows its table as of today, exports and imports again to the identical table",
    .enabled(if: enabled, "../shared/ocf-samples is absent; skipped"))
  func acme() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let manifest = Self.samples.appendingPathComponent(
      "ocf-tools/acme_holdings_limited/Manifest.ocf.json")
    let imported = try cli.sh("import \(manifest.path)")
    #expect(imported.stdout.contains("Imported Acme Holdings Limited"))
    #expect(imported.stdout.contains("TX_STOCK_ACCEPTANCE ×1"))
    #expect(imported.stdout.contains(", 3 valuations"))
    let table = try cli.sh("table").stdout
    // As converted: Ordinary A and Preferred are preferred classes with no conversion right
    // (StockClasses.ocf.json has no conversion_rights), so they count as their own shares and
    // the 2:1 split of the common Ordinary B leaves them. Fiona: 120,000 A + 15,000 P =
    // 135,000; Charlie 25,000 A; Jane 50,000 B; Emily 2,900 B + 2,157,100 options.
    #expect(table.contains("Fiona Felicity Founder   135,000"))
    #expect(table.contains("Charlie Chuck Cofounder   25,000"))
    #expect(table.contains("Jane Eyre CTO             50,000"))
    #expect(table.contains("Emily Eliza Employee       2,900  2,157,100"))
    #expect(
      table.contains(
        "Ordinary A and Preferred have no conversion right into common: counted as their own "
          + "shares."))
    // The manifest's md5s are not its files' (checked by hand with md5sum): one warning each.
    #expect(imported.stdout.contains("Warnings (12)"))
    #expect(imported.stdout.contains("item ./StockClasses.ocf.json: md5 "))
    #expect(imported.stdout.contains("item EXERCISE_03: the resulting security share_issuance_03"))
    // The package's custom_ids (Transactions.ocf.json) are shown beside the security ids:
    // stock_issuance_01 is OA-1, stock_issuance_preferred_01 P-01, stock_issuance_b_01 OB-1,
    // equity_compensation_issuance_01 EC-1.
    let ledger = try cli.sh("ledger").stdout
    for (security, customID) in [
      ("stock_issuance_01", "OA-1"), ("stock_issuance_preferred_01", "P-01"),
      ("stock_issuance_b_01", "OB-1"), ("equity_compensation_issuance_01", "EC-1"),
    ] {
      #expect(
        ledger.split(separator: "\n").contains {
          $0.contains(" \(security) ") && $0.contains(" \(customID) ")
        }, "\(security) \(customID)")
    }
    let json = try cli.sh("ledger --format json").stdout
    #expect(json.contains(#""custom_id": "EC-1""#) || json.contains(#""custom_id":"EC-1""#))
    #expect(try cli.sh("vesting").stdout.contains(" EC-1 "))
    let package = cli.folder.appendingPathComponent("acme-export")
    try cli.sh("export ocf -o \(package.path)")
    let second = try CLIHarness()
    try second.sh("init")
    try second.sh("import \(package.path)")
    #expect(try second.sh("table").stdout == table)
    let zip = cli.folder.appendingPathComponent("acme.ocf.zip")
    try cli.sh("export ocf -o \(zip.path)")
    let third = try CLIHarness()
    try third.sh("init")
    try third.sh("import \(zip.path)")
    #expect(try third.sh("table").stdout == table)
  }

  @Test(
    "the LTSE export imports and lists what it could not map",
    .enabled(if: enabled, "../shared/ocf-samples is absent; skipped"))
  func ltse() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    let result = try cli.sh(
      "import \(Self.samples.appendingPathComponent("ocx-example-inc-ltse").path)")
    #expect(result.stdout.contains("Imported Example, Inc."))
    #expect(result.stdout.contains("Not mapped (by object type and count):"))
    #expect(result.stdout.contains("TX_VESTING_EVENT ×2"))
    #expect(result.stdout.contains("Warnings ("))
    let strict = try cli.run([
      "import", "--strict", Self.samples.appendingPathComponent("ocx-example-inc-ltse").path,
    ])
    #expect(strict.status == 1)
  }

  @Test(
    "a file whose md5 is not the manifest's warns; --strict refuses it and writes nothing",
    .enabled(if: enabled, "../shared/ocf-samples is absent; skipped"))
  func wrongChecksum() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh(
      "import \(Self.samples.appendingPathComponent("ocf-tools/acme_holdings_limited").path)")
    let package = cli.folder.appendingPathComponent("acme-export")
    try cli.sh("export ocf -o \(package.path)")
    // The export lists each file's true md5; one more byte in Stakeholders.ocf.json breaks it.
    let clean = try CLIHarness()
    try clean.sh("init")
    #expect(try !clean.sh("import \(package.path)").stdout.contains("md5"))
    let stakeholders = package.appendingPathComponent("Stakeholders.ocf.json")
    var bytes = try Data(contentsOf: stakeholders)
    bytes.append(UInt8(ascii: "\n"))
    try bytes.write(to: stakeholders)
    let strict = try CLIHarness()
    try strict.sh("init")
    let refused = try strict.run(["import", "--strict", package.path])
    #expect(refused.status == 1)
    #expect((refused.stdout + refused.stderr).contains("Stakeholders.ocf.json"))
    #expect((refused.stdout + refused.stderr).contains("md5"))
    #expect(try strict.sh("company list").stdout.contains("Acme") == false)
    let warned = try strict.sh("import \(package.path)").stdout
    #expect(warned.contains("item Stakeholders.ocf.json: md5 "))
  }

  @Test(
    "acme's 409As, all before the split of Ordinary B, are flagged and used split-adjusted",
    .enabled(if: enabled, "../shared/ocf-samples is absent; skipped"))
  func staleValuations() throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh(
      "import \(Self.samples.appendingPathComponent("ocf-tools/acme_holdings_limited").path)")
    // Valuations.ocf.json: Ordinary B at $1 (2019-05-01), $5 (2019-08-01), $7 (2019-10-01);
    // Transactions.ocf.json splits Ordinary B 2-for-1 on 2023-03-01: $0.50, $2.50, $3.50.
    let list = try cli.sh("valuation list").stdout
    #expect(list.contains("2019-05-01 Ordinary B 409A: dated before the split of its class"))
    #expect(list.contains("(2-for-1 on 2023-03-01): $0.50 a\n  share split-adjusted."))
    #expect(list.contains("$3.50 a\n  share split-adjusted; more than 12 months old on"))
    // As of 2024-01-01 the $7 409A is in force, split-adjusted to $3.50, and over 12 months
    // old (2019-10-01 + 12 months = 2020-10-01 < 2024-01-01).
    let report = try cli.sh("report company --as-of 2024-01-01").stdout
    #expect(report.contains("409A price (Ordinary B):            $3.50"))
    #expect(report.contains("more than 12 months old on 2024-01-01"))
    // Before the split, on 2019-12-01, it is neither: $7.00 and no note.
    let early = try cli.sh("report company --as-of 2019-12-01").stdout
    #expect(early.contains("409A price (Ordinary B):            $7.00"))
    #expect(!early.contains("409A note"))
  }

  // MARK: - Hostile packages

  /// A small valid package; `quantity` and `price` are written as given (JSON text).
  static func package(
    in folder: URL, transactionsPath: String = "./Transactions.ocf.json",
    quantity: String = "\"1000\"", price: String = "\"0.0001\"", transactions: String? = nil
  ) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files: [String: String] = [
      "Manifest.ocf.json": """
      {"ocf_version":"1.2.0","file_type":"OCF_MANIFEST_FILE","as_of":"2024-06-01",
       "generated_at":"2024-06-01T00:00:00Z",
       "issuer":{"object_type":"ISSUER","id":"i","legal_name":"Hostile Co",
                 "formation_date":"2024-01-01","country_of_formation":"US"},
       "stakeholders_files":[{"filepath":"./Stakeholders.ocf.json"}],
       "stock_classes_files":[{"filepath":"./StockClasses.ocf.json"}],
       "transactions_files":[{"filepath":"\(transactionsPath)"}]}
      """,
      "Stakeholders.ocf.json": """
      {"file_type":"OCF_STAKEHOLDERS_FILE","items":[{"object_type":"STAKEHOLDER","id":"s1",
       "name":{"legal_name":"Sam"},"stakeholder_type":"INDIVIDUAL"}]}
      """,
      "StockClasses.ocf.json": """
      {"file_type":"OCF_STOCK_CLASSES_FILE","items":[{"object_type":"STOCK_CLASS","id":"c1",
       "name":"Common","class_type":"COMMON","default_id_prefix":"CS-",
       "initial_shares_authorized":"1000000","votes_per_share":"1","seniority":"1"}]}
      """,
      "Transactions.ocf.json": transactions
        ?? """
        {"file_type":"OCF_TRANSACTIONS_FILE","items":[{"object_type":"TX_STOCK_ISSUANCE",
         "id":"tx1","date":"2024-01-02","security_id":"CS-1","custom_id":"CS-1",
         "stakeholder_id":"s1","stock_class_id":"c1","share_price":{"amount":\(price),
         "currency":"USD"},"quantity":\(quantity),"security_law_exemptions":[],
         "stock_legend_ids":[]}]}
        """,
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
  }

  /// Zips a package folder; `extra` adds entries as given (path, bytes).
  static func zip(_ folder: URL, to url: URL, extra: [(String, Data)] = []) throws {
    let archive = try Archive(url: url, accessMode: .create)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    var entries = try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    entries += extra
    for (name, data) in entries {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
  }

  enum Hostile: String, CaseIterable, CustomTestStringConvertible {
    case manifestOutside, manifestAbsolute, symlinkOutside, zipDotDot, truncatedZip, zipBomb
    case exponent, elevenDecimals, jsonNumber, malformedJSON, notAManifest, overIssued

    var testDescription: String { rawValue }

    /// Builds the hostile input under `folder`; returns the path to import and what the error
    /// must say.
    func make(in folder: URL) throws -> (path: String, message: String) {
      let pkg = folder.appendingPathComponent("pkg")
      switch self {
      case .manifestOutside:
        try OCFEndToEndTests.package(in: pkg, transactionsPath: "../outside.ocf.json")
        try Data("{}".utf8).write(to: folder.appendingPathComponent("outside.ocf.json"))
        return (pkg.path, "points outside the package folder")
      case .manifestAbsolute:
        try OCFEndToEndTests.package(in: pkg, transactionsPath: "/etc/passwd")
        return (pkg.path, "points outside the package folder")
      case .symlinkOutside:
        try OCFEndToEndTests.package(in: pkg, transactionsPath: "./Link.ocf.json")
        try Data("{}".utf8).write(to: folder.appendingPathComponent("secret.json"))
        try FileManager.default.createSymbolicLink(
          atPath: pkg.appendingPathComponent("Link.ocf.json").path,
          withDestinationPath: folder.appendingPathComponent("secret.json").path)
        return (pkg.path, "points outside the package folder")
      case .zipDotDot:
        try OCFEndToEndTests.package(in: pkg)
        let url = folder.appendingPathComponent("evil.ocf.zip")
        try OCFEndToEndTests.zip(pkg, to: url, extra: [("../evil.sh", Data("rm -rf /".utf8))])
        return (url.path, "points outside the archive")
      case .truncatedZip:
        try OCFEndToEndTests.package(in: pkg)
        let url = folder.appendingPathComponent("cut.ocf.zip")
        try OCFEndToEndTests.zip(pkg, to: url)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count - 30).write(to: url)
        return (url.path, "truncated or not a zip file")
      case .zipBomb:
        // 64 MB of spaces (valid JSON whitespace) deflate about 1,000 to 1.
        let padding = String(repeating: " ", count: 64 << 20)
        try OCFEndToEndTests.package(
          in: pkg,
          transactions: #"{"file_type":"OCF_TRANSACTIONS_FILE","items":[]"# + padding + "}")
        let url = folder.appendingPathComponent("bomb.ocf.zip")
        try OCFEndToEndTests.zip(pkg, to: url)
        try FileManager.default.removeItem(at: pkg)
        return (url.path, "a zip bomb?")
      case .exponent:
        try OCFEndToEndTests.package(in: pkg, quantity: "\"1e3\"")
        return (
          pkg.path, "Transactions.ocf.json, item tx1, field quantity: expected a decimal string"
        )
      case .elevenDecimals:
        try OCFEndToEndTests.package(in: pkg, price: "\"0.12345678901\"")
        return (
          pkg.path,
          "item tx1, field share_price.amount: expected a decimal string with at most 10 decimals"
        )
      case .jsonNumber:
        try OCFEndToEndTests.package(in: pkg, quantity: "1000")
        return (pkg.path, "item tx1, field quantity: expected a decimal string")
      case .malformedJSON:
        try OCFEndToEndTests.package(
          in: pkg, transactions: #"{"file_type":"OCF_TRANSACTIONS_FILE","items":[{"object_type":"#)
        return (pkg.path, "Transactions.ocf.json: expected well-formed JSON")
      case .overIssued:
        // Valid OCF that the ledger refuses: the write is rolled back.
        try OCFEndToEndTests.package(in: pkg, quantity: "\"2000000\"")
        return (pkg.path, "Transactions.ocf.json, item tx1: issue on 2024-01-02 refused")
      case .notAManifest:
        try OCFEndToEndTests.package(in: pkg)
        let manifest = pkg.appendingPathComponent("Manifest.ocf.json")
        try Data(
          #"{"file_type":"OCF_STAKEHOLDERS_FILE","issuer":{"id":"i","legal_name":"x"}}"#.utf8
        )
        .write(to: manifest)
        return (manifest.path, "expected OCF_MANIFEST_FILE")
      }
    }
  }

  /// The workspace's files and their bytes.
  static func snapshot(_ cli: CLIHarness) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
    where name.hasPrefix("test.db") {
      out[name] = try Data(contentsOf: cli.folder.appendingPathComponent(name))
    }
    return out
  }

  @Test(
    "hostile package: exit 1, a message naming the problem, workspace byte-for-byte unchanged",
    arguments: Hostile.allCases)
  func hostile(_ kind: Hostile) throws {
    let cli = try CLIHarness()
    try cli.sh("init")
    try cli.sh("company add Existing --incorporated 2024-01-01")
    let (path, message) = try kind.make(in: cli.folder.appendingPathComponent("input"))
    let before = try Self.snapshot(cli)
    // CPU time and peak memory of the process itself (wait4): load-independent bounds.
    let result = try HostileImportEndToEndTests.measuredImport(path, cli)
    #expect(result.cpuSeconds < 5, "took \(result.cpuSeconds) s of CPU")
    #expect(result.peakMB < 200, "peaked at \(result.peakMB) MB")
    #expect(result.seconds < 60, "took \(result.seconds) s")
    #expect(result.status == 1)
    #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
    #expect(!result.stderr.contains("Fatal error"))
    #expect(try Self.snapshot(cli) == before)
  }
}
