import BigInt
import Foundation
import Testing

/// The limits of docs/limits.md end to end: exact results up to them, clean refusals past them.
@Suite("Limits end to end: exit cents past Int64, huge numbers, CSV injection")
struct LimitsEndToEndTests {
  /// Two holders of Common: Ada 2, Grace 1.
  static func twoHolders() throws -> CLIHarness {
    let cli = try CLIHarness()
    for line in [
      "init", "company add \"Big Co\" --currency USD --incorporated 2025-01-15",
      "class add Common --authorized 10", "stakeholder add Ada", "stakeholder add Grace",
      "issue Ada 2 Common --price 0.0001 --date 2025-01-15",
      "issue Grace 1 Common --price 0.0001 --date 2025-01-15",
    ] {
      try cli.sh(line)
    }
    return cli
  }

  /// The payouts' cents from `exit --format csv` (holder,payout,payout_exact), as integers.
  static func cents(_ csv: String) -> [String: BigInt] {
    var out: [String: BigInt] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      guard fields.count >= 2, let value = BigInt(fields[1].replacingOccurrences(of: ".", with: ""))
      else { continue }
      out[String(fields[0])] = value
    }
    return out
  }

  /// $92,233,720,368,547,758.10 is 9,223,372,036,854,775,810 cents, past Int64.max (…807):
  /// it used to trap. Ada holds 2/3 and Grace 1/3: 6,148,914,691,236,517,206.67 and
  /// 3,074,457,345,618,258,603.33 cents exactly; rounded half-up each, Ada …207 and Grace
  /// …603, adding up to …810. The largest value inside the limit, 999,999,999,999,999,999.99,
  /// divides exactly (…999 is a multiple of 3), so it adds up the same way.
  @Test(
    "exit values past Int64 cents pay out exactly",
    arguments: [
      ("92233720368547758.10", "9223372036854775810", "6148914691236517207"),
      ("999999999999999999.99", "99999999999999999999", "66666666666666666666"),
    ])
  func exitPastInt64Cents(_ value: String, _ total: String, _ ada: String) throws {
    let cli = try Self.twoHolders()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    let result = try cli.sh("exit --value \(value) --format csv")
    let cents = Self.cents(result.stdout)
    #expect(cents.values.reduce(0, +) == BigInt(total), "\(result.stdout)")
    #expect(cents["Ada"] == BigInt(ada), "\(result.stdout)")
  }

  @Test func exitValuesPastTheLimitAreRefusedNamingIt() throws {
    let cli = try Self.twoHolders()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    for value in ["1000000000000000000", "1" + String(repeating: "0", count: 99_999)] {
      let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
      let result = try cli.run(["exit", "--value", value])
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains("--value"), "\(result.stderr)")
      #expect(result.stderr.contains("limit"), "\(result.stderr)")
      #expect(result.stderr.count < 400, "\(result.stderr.count) characters")
      #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
    }
  }

  @Test func aHundredThousandDigitPriceIsRefusedOnTheCommandLine() throws {
    let cli = try Self.twoHolders()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
    let price = "1" + String(repeating: "0", count: 99_999)
    let result = try cli.run([
      "issue", "Ada", "1", "Common", "--price", price, "--date", "2025-02-01",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("--price"), "\(result.stderr)")
    #expect(result.stderr.contains("limit"), "\(result.stderr)")
    #expect(result.stderr.count < 400)
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
  }

  /// A usage error (a date the parser refuses, exit 2) names the option without echoing a
  /// 100,000-character value back: the word is cut to 40 characters and "…".
  @Test func aHundredThousandCharacterDateIsAUsageErrorNotEchoedWhole() throws {
    let cli = try Self.twoHolders()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    let date = "2025-" + String(repeating: "1", count: 99_995)
    let result = try cli.run(["table", "--as-of", date])
    #expect(result.status == 2, "\(result.stderr.prefix(300))")
    #expect(result.stderr.contains("--as-of"), "\(result.stderr.prefix(300))")
    #expect(result.stderr.contains("'2025-" + String(repeating: "1", count: 34) + "…"))
    #expect(result.stderr.count < 600, "\(result.stderr.count) characters")
  }

  @Test func aHundredThousandDigitAmountIsRefusedInAScenario() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    let path = cli.folder.appendingPathComponent("huge.yaml").path
    let amount = "1" + String(repeating: "0", count: 99_999)
    try """
    company: {name: Huge, incorporated: 2025-01-01}
    holdings:
      - {holder: F, shares: 1000}
    events:
      - round: {name: A, date: 2025-06-01, pre-money: \(amount), invest: {Lead: 1M}}

    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try cli.run(["model", path], withDB: false)
    #expect(result.status == 1)
    #expect(result.stderr.contains("pre-money"), "\(result.stderr)")
    #expect(result.stderr.contains("limit"), "\(result.stderr)")
    #expect(result.stderr.count < 600, "\(result.stderr.count) characters")
  }

  /// 10,000 holders of 10^15 shares each (each at the share limit) add up to 10^19, past
  /// Int64.max (≈ 9.22 × 10^18): `model` and `apply` refuse it cleanly, nothing written.
  @Test func scenarioHoldingsPastInt64AreRefused() throws {
    let cli = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    try cli.sh("init")
    let path = cli.folder.appendingPathComponent("many.yaml").path
    var yaml = "company: {name: Many, incorporated: 2025-01-01}\nholdings:\n"
    for index in 0..<10_000 {
      yaml += "  - {holder: H\(index), shares: 1000000000000000}\n"
    }
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
    for command in ["model", "apply"] {
      let result = try cli.run([command, path], withDB: command == "apply")
      #expect(result.status == 1, "\(command): \(result.stderr)")
      #expect(result.stderr.contains("9,223,372,036,854,775,807"), "\(command): \(result.stderr)")
      #expect(!result.stderr.contains("Fatal error"))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
  }

  @Test func csvQuotesANameBeginningWithEquals() throws {
    let cli = try Self.twoHolders()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    let name = "=HYPERLINK(\"http://x\",\"y\")"
    let added = try cli.run(["stakeholder", "add", name])
    #expect(added.status == 0, "\(added.stderr)")
    let issued = try cli.run([
      "issue", name, "1", "Common", "--price", "0.0001", "--date", "2025-02-01",
    ])
    #expect(issued.status == 0, "\(issued.stderr)")
    let table = try cli.sh("table --format csv").stdout
    #expect(table.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "\(table)")
    #expect(!table.contains("\n=HYPERLINK"), "\(table)")
  }

  @Test func controlCharactersInNamesAreRefusedAndEmptyNamesSaySo() throws {
    let cli = try Self.twoHolders()
    defer { try? FileManager.default.removeItem(at: cli.folder) }
    let ansi = try cli.run(["stakeholder", "add", "Evil\u{1B}[2J"])
    #expect(ansi.status == 1)
    #expect(ansi.stderr.contains("Evil\\u{1B}[2J"), "\(ansi.stderr)")
    #expect(!ansi.stderr.unicodeScalars.contains { $0.value == 0x1B })
    let empty = try cli.run(["stakeholder", "add", ""])
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("stakeholder name is empty"), "\(empty.stderr)")
    #expect(!empty.stderr.contains("already exists"), "\(empty.stderr)")
  }
}
