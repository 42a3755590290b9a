import Foundation
import Testing

/// Issue 18 item 5 (acceptance line 4): `report portfolio` flags an exclusivity provision, a
/// spend commitment and board seats at two companies of one segment; free-text provisions by a
/// keyword match, labelled so; thresholds from a settings file.
@Suite("capstan report portfolio: the FTC 6(b) lens, end to end")
struct ReportFTCFlagsEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Three companies in which ComputeCo holds common stock:
  /// - Alpha Models ("foundation models"): Ada 8,000,000, ComputeCo 1,000,000 (1/9 = 11.11 %
  ///   of fully diluted and of votes); a board seat and a recorded exclusivity right.
  /// - Beta Labs ("Foundation Models", the same segment whatever the case): Bo 8,000,000,
  ///   ComputeCo 500,000 (1/17 = 5.88 %); an observer seat and a $2,000,000 spend commitment
  ///   over 24 months.
  /// - Gamma Bio ("biotech"): Cy 8,000,000, ComputeCo 1,000,000; a board seat and a protective
  ///   provision "Exclusive compute supplier for inference" (free text).
  func build(_ cli: CLIHarness) throws {
    var lines = [
      "init", "stakeholder add ComputeCo --institution", "stakeholder add Ada",
      "stakeholder add Bo", "stakeholder add Cy",
    ]
    for (company, segment, founder, shares) in [
      ("Alpha Models", "foundation models", "Ada", "1,000,000"),
      ("Beta Labs", "Foundation Models", "Bo", "500,000"),
      ("Gamma Bio", "biotech", "Cy", "1,000,000"),
    ] {
      let at = "--company \"\(company)\""
      lines += [
        "company add \"\(company)\" --incorporated 2025-01-01 --segment \"\(segment)\"",
        "class add Common --authorized 20M \(at)",
        "issue \(founder) 8M Common --price 0.0001 --date 2025-01-01 \(at)",
        "issue ComputeCo \(shares) Common --price 1.00 --date 2025-06-01 \(at)",
      ]
    }
    lines += [
      "board add ComputeCo --seat \"Investor director\" --date 2025-06-01 --company \"Alpha Models\"",
      "board right ComputeCo exclusivity \"Exclusive compute supplier\" --date 2025-06-01 --company \"Alpha Models\"",
      "board right ComputeCo observer-seat \"Board observer\" --date 2025-06-01 --company \"Beta Labs\"",
      "board right ComputeCo spend-commitment \"Cloud spend\" --amount 2M --period \"24 months\" --date 2025-06-01 --company \"Beta Labs\"",
      "board add ComputeCo --seat Director --date 2025-06-01 --company \"Gamma Bio\"",
      "board provision ComputeCo \"Exclusive compute supplier for inference\" --date 2025-06-01 --company \"Gamma Bio\"",
    ]
    for line in lines { try cli.sh(line) }
  }

  /// Alpha: a board seat (board-seat; control and sensitive information, recorded), equity,
  /// the exclusivity right, and seats at two "foundation models" companies. Beta: equity, the
  /// observer seat (control, sensitive information), the spend commitment, the segment. Gamma:
  /// equity, its board seat, the provision (a consent right by kind; exclusivity by keyword),
  /// alone in its segment. No stake reaches 20 %.
  @Test func flagsExclusivitySpendAndSeatsInOneSegment() throws {
    let cli = try CLIHarness()
    try build(cli)
    let report = try json(
      cli.sh("report portfolio --investor ComputeCo --as-of 2025-12-31 --format json").stdout)
    let control = try #require(report["control"] as? [String: Any])
    let companies = try #require(control["companies"] as? [[String: Any]])
    #expect(
      companies.map { $0["company"] as? String } == ["Alpha Models", "Beta Labs", "Gamma Bio"])
    #expect(
      companies.map { $0["flags"] as? String } == [
        "board-seat equity-rev-share control-consent exclusivity "
          + "sensitive-info segment-seats",
        "equity-rev-share control-consent spend-commitment "
          + "sensitive-info segment-seats",
        "board-seat equity-rev-share control-consent exclusivity "
          + "sensitive-info",
      ])
    #expect(control["flag_exclusivity"] as? Int == 2)
    #expect(control["flag_spend_commitment"] as? Int == 1)
    #expect(control["flag_segment_seats"] as? Int == 2)
    #expect(control["flagged_companies"] as? Int == 3)
    #expect(control["threshold_fd_pct"] as? String == "20.0000")
    let findings = try #require(control["findings"] as? [[String: Any]])
    func sources(_ company: String, _ flag: String) -> [String] {
      findings.filter { $0["company"] as? String == company && $0["flag"] as? String == flag }
        .compactMap { $0["source"] as? String }
    }
    #expect(sources("Alpha Models", "exclusivity") == ["recorded"])
    #expect(sources("Gamma Bio", "exclusivity") == ["keyword match"])
    #expect(sources("Beta Labs", "spend-commitment") == ["recorded"])
    #expect(sources("Beta Labs", "segment-seats") == ["portfolio"])
    let ftc = try #require(report["ftc_6b"] as? [String: Any])
    let items = try #require(ftc["items"] as? [[String: Any]])
    let exclusivity = try #require(items.first { $0["flag"] as? String == "exclusivity" })
    #expect(exclusivity["company_names"] as? String == "Alpha Models, Gamma Bio")
    let segment = try #require(items.first { $0["flag"] as? String == "segment-seats" })
    #expect(segment["company_names"] as? String == "Alpha Models, Beta Labs")
    let text = try cli.sh("report portfolio --investor ComputeCo --as-of 2025-12-31").stdout
    #expect(text.contains("keyword match"), "\(text)")
    let list = try cli.sh("board list --company \"Beta Labs\"").stdout
    #expect(
      list.contains("spend-commitment  ComputeCo  Cloud spend, $2,000,000.00, over 24 months"),
      "\(list)")
  }

  /// The observer seat ended on 2025-10-01: Beta no longer has a seat, so "foundation models"
  /// has seats at one company only and neither raises the segment flag on 2025-12-31 (on
  /// 2025-09-30 both still do).
  @Test func anEndedObserverSeatNoLongerCounts() throws {
    let cli = try CLIHarness()
    try build(cli)
    try cli.sh(
      "board end ComputeCo --right observer-seat --name \"Board observer\" --date 2025-10-01 --company \"Beta Labs\""
    )
    func segmentFlags(_ date: String) throws -> Int? {
      let report = try json(
        cli.sh("report portfolio --investor ComputeCo --as-of \(date) --format json").stdout)
      return (report["control"] as? [String: Any])?["flag_segment_seats"] as? Int
    }
    #expect(try segmentFlags("2025-12-31") == 0)
    #expect(try segmentFlags("2025-09-30") == 2)
    let wrong = try cli.run(
      CLIHarness.words(
        "board end ComputeCo --right exclusivity --name Nothing --date 2025-10-01 --company \"Beta Labs\""
      ))
    #expect(wrong.status == 1)
    #expect(
      wrong.stderr.contains("does not hold the exclusivity right \"Nothing\""), "\(wrong.stderr)")
  }

  /// Thresholds from a settings file: at 10 % fully diluted Alpha and Gamma (1/9 = 11.11 %)
  /// raise `fd>=10%`, Beta (5.88 %) does not; three companies of a segment are needed for the
  /// segment flag, so nobody raises it. A bad key is refused naming the file and line.
  @Test func thresholdsComeFromTheSettingsFile() throws {
    let cli = try CLIHarness()
    try build(cli)
    let settings = cli.folder.appendingPathComponent("lens.yaml")
    try "fully_diluted_pct: 10\nsegment_companies: 3\n".write(
      to: settings, atomically: true, encoding: .utf8)
    let report = try json(
      cli.run(
        CLIHarness.words(
          "report portfolio --investor ComputeCo --as-of 2025-12-31 --format json --settings")
          + [settings.path]
      ).stdout)
    let control = try #require(report["control"] as? [String: Any])
    #expect(control["threshold_fd_pct"] as? String == "10.0000")
    #expect(control["flag_fd_20pct"] as? Int == 2)
    #expect(control["flag_segment_seats"] as? Int == 0)
    let companies = try #require(control["companies"] as? [[String: Any]])
    #expect((companies.first?["flags"] as? String)?.hasPrefix("fd>=10% board-seat") == true)
    let bad = cli.folder.appendingPathComponent("bad.yaml")
    try "voting_pct: 50\nfd_pct: 10\n".write(to: bad, atomically: true, encoding: .utf8)
    let refused = try cli.run(
      CLIHarness.words("report portfolio --investor ComputeCo --settings") + [bad.path])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("bad.yaml:2 fd_pct"), "\(refused.stderr)")
    #expect(refused.stdout.isEmpty)
  }
}
