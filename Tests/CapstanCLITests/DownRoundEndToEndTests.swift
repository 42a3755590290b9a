import Foundation
import Testing

@Suite("a down round with anti-dilution, then exits: end to end")
struct DownRoundEndToEndTests {
  /// The exits issue's worked example through the CLI. Broad-based weighted average:
  /// A = 6,000,000 common + 2,000,000 Series A + 1,000,000 options = 9,000,000;
  /// B = $3,000,000 ÷ $2.00 = 1,500,000; C = 2,000,000;
  /// CP2 = 2.00 × 10,500,000 ÷ 11,000,000 = 1.90909… → $1.9091; Fund A converts into
  /// floor(2,000,000 × 2.00 ÷ 1.9091) = 2,095,228; fully diluted 6,000,000 + 2,095,228 +
  /// 2,000,000 + 1,000,000 + 500,000 = 11,595,228. The exit payouts are the issue's.
  @Test func seriesBDownRoundAndExits() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Downco --incorporated 2024-01-01", "class add Common --authorized 20M",
      "class add \"Series A\" --authorized 3M --preferred --issue-price 2.00 --anti-dilution broad --seniority 1",
      "stakeholder add Founders", "stakeholder add \"Fund A\"", "stakeholder add Staff",
      "issue Founders 6M Common --price 0.0001 --date 2024-01-01",
      "issue \"Fund A\" 2M \"Series A\" --price 2.00 --date 2025-01-01",
      "plan add Plan --class Common --reserve 1.5M",
      "grant Staff 1M --plan Plan --strike 0.5 --date 2025-02-01",
      "round save \"Series B\" --price 1.50 --invest \"Fund B=3M\" --class \"Series B\" --participating --cap 2x --date 2027-01-15",
    ] {
      try cli.sh(line)
    }
    let model = try cli.sh("round show \"Series B\"").stdout
    #expect(model.contains("$1.9091"))
    let json = try cli.sh("round show \"Series B\" --format json").stdout
    #expect(json.contains("\"cp2\": \"1.9091\""))
    #expect(json.contains("\"as_converted\": 2095228"))
    // On the saved round's pro forma, before anything is written: the same $40M payouts.
    let ledgerBefore = try cli.sh("ledger --format json").stdout
    let proForma = try cli.sh(
      "exit --round \"Series B\" --value 40M --options exclude --date 2027-01-15 --format csv"
    ).stdout
    #expect(proForma.contains("Founders,23773608.68"))
    #expect(proForma.contains("Fund B,7924536.23"))
    #expect(try cli.sh("ledger --format json").stdout == ledgerBefore)
    try cli.sh("round close \"Series B\"")
    #expect(try cli.sh("ledger").stdout.contains("Series A conversion price set to $1.9091"))
    let table = try cli.sh("table --basis fully-diluted --as-of 2027-01-15 --format csv").stdout
    #expect(table.contains("Fund A,holder,2095228,"))
    #expect(
      try cli.sh("table --as-of 2027-01-15 --format json").stdout.contains("\"total\": 11595228"))
    for (value, expected) in [
      ("5M", ["Founders,0.00", "Fund A,2000000.00", "Fund B,3000000.00"]),
      ("12M", ["Founders,3750000.00", "Fund A,4000000.00", "Fund B,4250000.00"]),
      ("40M", ["Founders,23773608.68", "Fund A,8301855.09", "Fund B,7924536.23"]),
    ] {
      let csv = try cli.sh("exit --value \(value) --options exclude --date 2027-01-15 --format csv")
        .stdout
      for line in expected { #expect(csv.contains(line), "exit \(value): \(line)") }
    }
  }
}

@Suite("capstan issue below a conversion price: anti-dilution, end to end")
struct DilutiveIssueEndToEndTests {
  /// The same numbers as the exits issue's down round, from a plain issue of 2,000,000 common
  /// at $1.50 ($3,000,000): A = 9,000,000, B = 1,500,000, C = 2,000,000, so CP2 = 2.00 ×
  /// 10,500,000 ÷ 11,000,000 → $1.9091 and Fund A converts into 2,095,228. An exempt issue
  /// changes no conversion price.
  @Test(arguments: [false, true]) func plainIssueBelowTheConversionPrice(exempt: Bool) throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Downco --incorporated 2024-01-01", "class add Common --authorized 20M",
      "class add \"Series A\" --authorized 3M --preferred --issue-price 2.00 --anti-dilution broad --seniority 1",
      "stakeholder add Founders", "stakeholder add \"Fund A\"", "stakeholder add Staff",
      "stakeholder add Newco",
      "issue Founders 6M Common --price 0.0001 --date 2024-01-01",
      "issue \"Fund A\" 2M \"Series A\" --price 2.00 --date 2025-01-01",
      "plan add Plan --class Common --reserve 1.5M",
      "grant Staff 1M --plan Plan --strike 0.5 --date 2025-02-01",
    ] {
      try cli.sh(line)
    }
    let issued = try cli.sh(
      "issue Newco 2M Common --price 1.50 --date 2027-01-15" + (exempt ? " --exempt" : "")
    ).stdout
    #expect(issued.contains("$1.9091") == !exempt)
    let ledger = try cli.sh("ledger").stdout
    #expect(ledger.contains("Series A conversion price set to $1.9091") == !exempt)
    let table = try cli.sh("table --basis fully-diluted --as-of 2027-01-15 --format csv").stdout
    #expect(table.contains("Fund A,holder,\(exempt ? 2_000_000 : 2_095_228),"))
    #expect(table.contains("Newco,holder,2000000,"))
  }
}

@Suite("broad-based anti-dilution that counts the unissued pool (company setting), end to end")
struct BroadBasedPoolSettingEndToEndTests {
  /// The exits issue's down round again, for a company added with
  /// `--broad-based-includes-pool`: A = 6,000,000 + 2,000,000 + 1,000,000 options + the
  /// 500,000 unissued (1,500,000 reserved − 1,000,000 granted) = 9,500,000; B = 1,500,000;
  /// C = 2,000,000; CP2 = 2.00 × 11,000,000 ÷ 11,500,000 = 1.913043… → $1.9130, and Fund A
  /// converts into floor(4,000,000 ÷ 1.913) = 2,090,956. Without the setting it is $1.9091
  /// (the suites above). Exported to Capstan XML and imported elsewhere, the setting stays.
  @Test func theSettingCountsTheUnissuedPool() throws {
    let cli = try CLIHarness()
    for line in [
      "init", "company add Downco --incorporated 2024-01-01 --broad-based-includes-pool",
      "class add Common --authorized 20M",
      "class add \"Series A\" --authorized 3M --preferred --issue-price 2.00 --anti-dilution broad --seniority 1",
      "stakeholder add Founders", "stakeholder add \"Fund A\"", "stakeholder add Staff",
      "stakeholder add Newco",
      "issue Founders 6M Common --price 0.0001 --date 2024-01-01",
      "issue \"Fund A\" 2M \"Series A\" --price 2.00 --date 2025-01-01",
      "plan add Plan --class Common --reserve 1.5M",
      "grant Staff 1M --plan Plan --strike 0.5 --date 2025-02-01",
    ] {
      try cli.sh(line)
    }
    #expect(try cli.sh("company show").stdout.contains("counts the unissued pool"))
    let issued = try cli.sh("issue Newco 2M Common --price 1.50 --date 2027-01-15").stdout
    // Shown without the trailing zero.
    #expect(issued.contains("$1.913 ") && !issued.contains("1.9091"), "\(issued)")
    let table = try cli.sh("table --basis fully-diluted --as-of 2027-01-15 --format csv").stdout
    #expect(table.contains("Fund A,holder,2090956,"), "\(table)")

    let xml = cli.folder.appendingPathComponent("downco.xml").path
    try cli.sh("export xml -o \(xml)")
    #expect(
      try String(contentsOfFile: xml, encoding: .utf8).contains(
        "broad-based-includes-pool=\"true\""))
    let other = try CLIHarness()
    try other.sh("init")
    try other.sh("import \(xml)")
    #expect(try other.sh("company show").stdout.contains("counts the unissued pool"))
  }
}
