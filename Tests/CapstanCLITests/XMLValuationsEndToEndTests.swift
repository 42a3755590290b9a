import Foundation
import Testing

@Suite("capstan export xml and import carry valuations, end to end")
struct XMLValuationsEndToEndTests {
  /// Acme AI (incorporated 2025-01-15, Common, a plan, a grant) with a Seed class and two
  /// valuations, recorded out of effective-date order: an "other" of Seed at $1.50 from
  /// 2025-06-30, then a 409A of Common at $0.25 from 2025-01-15 by Carta Valuations.
  static func build() throws -> CLIHarness {
    let cli = try CLIHarness()
    try cli.buildAcme()
    for line in [
      "class add Seed --authorized 2M --preferred --issue-price 1",
      "valuation add --class Seed --price 1.50 --date 2025-06-30 --type other",
      #"valuation add --class Common --price 0.25 --date 2025-01-15 --provider "Carta Valuations" --board-approved 2025-01-20"#,
    ] {
      try cli.sh(line)
    }
    return cli
  }

  /// Export, import into a new workspace: the same valuations listed, and exporting the copy
  /// gives the same file.
  @Test func valuationsRoundTrip() throws {
    let source = try Self.build()
    let xml = source.folder.appendingPathComponent("acme.xml").path
    let exported = try source.sh("export xml -o \(xml)").stdout
    #expect(exported.contains("2 classes, 1 plans, 2 valuations, 3 transactions"), "\(exported)")

    let target = try CLIHarness()
    try target.sh("init")
    let imported = try target.sh("import \(xml)").stdout
    #expect(imported.contains("2 classes, 1 plans, 2 valuations, 3 transactions"), "\(imported)")
    // In effective-date order; the exact prices as entered (1.50 is 1.5).
    #expect(
      try target.sh("valuation list --format csv").stdout == """
        effective_date,class,price_per_share,type,provider,board_approval_date
        2025-01-15,Common,0.25,409A,Carta Valuations,2025-01-20
        2025-06-30,Seed,1.5,other,,

        """)
    for command in ["valuation list", "ledger --format csv", "report company --as-of 2025-12-31"] {
      #expect(try target.sh(command).stdout == source.sh(command).stdout, "\(command)")
    }
    let again = target.folder.appendingPathComponent("again.xml").path
    try target.sh("export xml -o \(again)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: again))
        == Data(contentsOf: URL(fileURLWithPath: xml)))
  }

  /// A bad valuation is refused at its line with exit 1, and nothing is written: an undeclared
  /// class (read), and a date before incorporation (checked on import).
  @Test(
    arguments: [
      (#"class="common""#, #"class="series-z""#, #"class="series-z" names no <class>"#),
      (#"effective="2025-01-15""#, #"effective="2025-01-14""#, "valuation of Common"),
    ])
  func badValuationIsRefusedAtItsLine(original: String, replacement: String, message: String)
    throws
  {
    let source = try Self.build()
    let xml = source.folder.appendingPathComponent("acme.xml").path
    try source.sh("export xml -o \(xml)")
    let lines = try String(contentsOfFile: xml, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(
      lines.firstIndex { $0.contains("<valuation ") && $0.contains(original) })
    var changed = lines
    changed[index] = lines[index].replacingOccurrences(of: original, with: replacement)
    let bad = source.folder.appendingPathComponent("bad.xml").path
    try changed.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)

    let target = try CLIHarness()
    try target.sh("init")
    let result = try target.run(["import", bad])
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.xml:\(index + 1)"), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try target.sh("company list").stdout.contains("No companies"))
  }
}
