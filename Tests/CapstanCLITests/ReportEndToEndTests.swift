import CapstanXML
import Foundation
import Testing

/// The fixture portfolio (Fixtures/portfolio), built by running its script through the CLI.
extension CLIHarness {
  static var fixtures: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/portfolio")
  }

  func buildPortfolio() throws {
    let script = try String(
      contentsOf: CLIHarness.fixtures.appendingPathComponent("portfolio.capstan"), encoding: .utf8)
    for line in script.split(separator: "\n") where !line.hasPrefix("#") {
      try sh(String(line))
    }
  }
}

@Suite("capstan report, end to end")
struct ReportEndToEndTests {
  static let asOf = "--as-of 2026-12-31"

  func json(_ text: String) throws -> [String: Any] {
    try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The totals of Fixtures/portfolio/README.md, derived there by hand.
  @Test func portfolioTotalsMatchTheFixtureREADME() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let output = try cli.sh("report portfolio --investor ComputeCo \(Self.asOf) --format json")
    let report = try json(output.stdout)
    let totals = try #require(report["totals"] as? [String: Any])
    #expect(totals["companies"] as? Int == 3)
    #expect(totals["cost_cash"] as? String == "3500000.00")
    #expect(totals["cost_tokens"] as? String == "1600000.00")
    #expect(totals["cost"] as? String == "5100000.00")
    #expect(totals["mark"] as? String == "6100000.00")
    #expect(totals["unrealised_gain"] as? String == "1000000.00")
    #expect(totals["moic"] as? String == "1.1961")
    #expect(totals["tokens_granted"] as? String == "800000.0000")
    #expect(totals["tokens_unlocked"] as? String == "462500.0000")
    #expect(totals["tokens_locked"] as? String == "337500.0000")
    #expect(totals["tokens_redeemed"] as? String == "160000.0000")
    #expect(totals["gpu_hours_owed"] as? String == "640000.0000")
    #expect(totals["owed_value_at_peg"] as? String == "1600000.00")
    #expect(totals["owed_value_at_market"] as? String == "1280000.00")
    #expect(totals["flagged_companies"] as? Int == 2)
    let concentration = try #require(report["concentration"] as? [String: Any])
    #expect(concentration["herfindahl_index"] as? String == "4302.6068")
    let holdings = try #require(report["holdings"] as? [String: Any])
    let rows = try #require(holdings["companies"] as? [[String: Any]])
    #expect(
      rows.map { $0["company"] as? String } == ["Acme AI", "Borealis Robotics", "Cobalt Bio"])
    // Cobalt counts ComputeCo's SAFE at its estimated conversion (issue 15): $500,000 at a
    // $10M post-money cap over B = 5,000,000: f = 1/20, capitalization 5,000,000 ÷ 19/20 =
    // 5,263,157.89..., shares 1/20 of it = 263,157.89 → 263,157; 263,157 ÷ 5,263,157 =
    // 4.99999...% → 5.0000 (below 20 %: no flag).
    #expect(rows.map { $0["fully_diluted_pct"] as? String } == ["11.5385", "42.6230", "5.0000"])
    #expect(rows.map { $0["fd_estimated"] as? Bool } == [false, false, true])
    #expect(rows.map { $0["voting_pct"] as? String } == ["12.5000", "46.4286", "0.0000"])
    #expect(rows.map { $0["cost_cash"] as? String } == ["1000000.00", "2000000.00", "500000.00"])
    #expect(rows.map { $0["cost_tokens"] as? String } == ["1000000.00", "600000.00", "0.00"])
    #expect(rows.map { $0["mark"] as? String } == ["3000000.00", "2600000.00", "500000.00"])
    #expect(rows.map { $0["moic"] as? String } == ["1.5000", "1.0000", "1.0000"])
    let control = try #require(report["control"] as? [String: Any])
    let flags = try #require(control["companies"] as? [[String: Any]])
    #expect(flags.map { $0["compute_share_pct"] as? String } == ["25.0000", "60.0000", nil])
    // Acme: the board seat (control, sensitive information); Borealis: the provision
    // "Consent to sell the company" is a consent right; every company: equity.
    #expect(
      flags.map { $0["flags"] as? String } == [
        "board-seat equity-rev-share control-consent sensitive-info",
        "fd>=20% compute>=50% equity-rev-share control-consent", "equity-rev-share",
      ])
    // Callable now (README): Acme 187,500 − 100,000 = 87,500, Borealis 275,000 − 60,000 =
    // 215,000: 302,500 × 2.50 = 756,250; then 45,833 in the first month; the 24 months add the
    // 337,500 locked (843,750 at the peg), nothing later: 1,600,000 = owed at the peg.
    let liability = try #require(report["compute_liability"] as? [String: Any])
    let months = try #require(liability["months"] as? [[String: Any]])
    #expect(months.count == 26)
    #expect(months.first?["period"] as? String == "now")
    #expect(months.first?["tokens_unlocking"] as? String == "302500.0000")
    #expect(months.first?["value_at_peg"] as? String == "756250.00")
    #expect(months[1]["tokens_unlocking"] as? String == "45833.0000")
    #expect(months[24]["cumulative_value_at_peg"] as? String == "1600000.00")
    #expect(months.last?["period"] as? String == "later")
    #expect(months.last?["tokens_unlocking"] as? String == "0.0000")
    #expect(months.last?["cumulative_value_at_peg"] as? String == "1600000.00")
    // Concentration by compute owed: Acme 400,000 and Borealis 240,000 GPU-hours of 640,000:
    // 62.5 % and 37.5 %, Herfindahl 62.5² + 37.5² = 3,906.25 + 1,406.25 = 5,312.5; by mark
    // the largest is Acme, 30/61 = 49.1803 %.
    #expect(concentration["herfindahl_index_compute_owed"] as? String == "5312.5000")
    #expect(concentration["top_company_by_compute_owed"] as? String == "Acme AI")
    #expect(concentration["top_share_by_compute_owed_pct"] as? String == "62.5000")
    #expect(concentration["top_company_by_mark"] as? String == "Acme AI")
    #expect(concentration["top_share_by_mark_pct"] as? String == "49.1803")
  }

  /// Acceptance: the −50 % row halves the market value of every token position and changes
  /// nothing else (base: Acme 400,000 owed × $2.00, Borealis 240,000 × $2.00).
  @Test func stressMinusFiftyHalvesTokenPositionsOnly() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let output = try cli.sh("report portfolio --investor ComputeCo \(Self.asOf) --format json")
    let stress = try #require(try json(output.stdout)["stress"] as? [String: Any])
    let scenarios = try #require(stress["scenarios"] as? [[String: Any]])
    let base = try #require(scenarios.first { $0["scenario"] as? String == "base" })
    let half = try #require(scenarios.first { $0["scenario"] as? String == "shock -50%" })
    #expect(base["token_positions_at_market"] as? String == "1280000.00")
    #expect(half["token_positions_at_market"] as? String == "640000.00")
    for key in ["equity_mark", "owed_value_at_peg", "gpu_hours_owed"] {
      #expect(base[key] as? String == half[key] as? String, "\(key)")
    }
    let positions = try #require(stress["positions"] as? [[String: Any]])
    func values(_ scenario: String) -> [String?] {
      positions.filter { $0["scenario"] as? String == scenario }.map {
        $0["value_at_market"] as? String
      }
    }
    #expect(values("base") == ["800000.00", "480000.00"])
    #expect(values("shock -50%") == ["400000.00", "240000.00"])
  }

  /// Field names are a contract: the JSON of the fixture is kept as a golden file.
  @Test func portfolioJSONIsStable() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let prices = CLIHarness.fixtures.appendingPathComponent("token-prices.csv").path
    let output = try cli.run(
      CLIHarness.words(
        "report portfolio --investor ComputeCo \(Self.asOf) --format json --price-path")
        + [prices])
    #expect(output.status == 0, "\(output.stderr)")
    try assertSnapshot(output.stdout, named: "report-portfolio.json")
    let company = try cli.sh("report company --company \"Acme AI\" \(Self.asOf) --format json")
    try assertSnapshot(company.stdout, named: "report-company.json")
  }

  @Test func textFitsOneHundredColumns() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    for line in [
      "report portfolio --investor ComputeCo \(Self.asOf)",
      "report company --company \"Acme AI\" \(Self.asOf)",
      "report company --company \"Borealis Robotics\" \(Self.asOf)",
    ] {
      let text = try cli.sh(line).stdout
      let wide = text.split(separator: "\n").filter { $0.count > 100 }
      #expect(wide.isEmpty, "\(line): \(wide)")
    }
  }

  @Test func csvIsLongFormWithStableFields() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let csv = try cli.sh("report portfolio --investor ComputeCo \(Self.asOf) --format csv").stdout
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "section,table,row,field,value")
    #expect(lines.contains("totals,,0,mark,6100000.00"))
    #expect(lines.contains("holdings,companies,2,company,Borealis Robotics"))
    #expect(lines.contains("holdings,companies,total,cost,5100000.00"))
  }

  /// Well-formed (every element closed in order, quoted attributes, known entities), offline
  /// (no script, no external reference) and one <svg> per chart.
  @Test func htmlIsOneOfflineWellFormedPage() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let prices = CLIHarness.fixtures.appendingPathComponent("token-prices.csv").path
    let out = cli.folder.appendingPathComponent("p.html").path
    let result = try cli.run(
      CLIHarness.words("report portfolio --investor ComputeCo \(Self.asOf) --format html")
        + ["--price-path", prices, "-o", out])
    #expect(result.status == 0, "\(result.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(HTMLCheck.problems(html).isEmpty, "\(HTMLCheck.problems(html))")
    #expect(
      HTMLDocumentCheck.problems(in: html).isEmpty, "\(HTMLDocumentCheck.problems(in: html))")
    // Charts: value and cost by company, compute liability, the price path.
    #expect(HTMLCheck.count("<svg", in: html) == 3)
    #expect(HTMLCheck.count("<figure class=\"chart\"", in: html) == 3)
    for banned in ["<script", "<link", "<img", "@import", "url(", "src="] {
      #expect(!html.contains(banned), "\(banned)")
    }
    // The only URLs are the SVG namespace.
    #expect(
      HTMLCheck.count("http", in: html)
        == HTMLCheck.count("xmlns=\"http://www.w3.org/2000/svg\"", in: html))
    let company = try cli.sh(
      "report company --company \"Acme AI\" \(Self.asOf) --format html"
    ).stdout
    #expect(HTMLCheck.problems(company).isEmpty, "\(HTMLCheck.problems(company))")
    #expect(HTMLDocumentCheck.problems(in: company).isEmpty)
    // Ownership across rounds, compute grants and the exit sweep.
    #expect(HTMLCheck.count("<svg", in: company) == 3)
    let cobalt = try cli.sh(
      "report company --company \"Cobalt Bio\" \(Self.asOf) --format html"
    ).stdout
    // No compute grants: no compute chart.
    #expect(HTMLCheck.count("<svg", in: cobalt) == 2)
  }

  @Test func boardAndComputeUseAreRecordedAndValidated() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let unknown = try cli.run(
      CLIHarness.words("board add Nobody --date 2026-01-01 --company \"Acme AI\""))
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("Nobody"))
    let early = try cli.run(
      CLIHarness.words("board add Ada --date 2024-01-01 --company \"Acme AI\""))
    #expect(early.status == 1)
    #expect(early.stderr.contains("before Acme AI was incorporated (2025-01-15)"))
    let negative = try cli.run(
      CLIHarness.words("compute-use add 0 --date 2026-01-01 --company \"Acme AI\""))
    #expect(negative.status == 1)
    let list = try cli.sh("board list --company \"Acme AI\"").stdout
    #expect(list.contains("2025-06-01  board seat   ComputeCo"))
    #expect(list.contains("400,000 GPU-hours"))
    // Refused commands wrote nothing: still one seat, one provision, one compute use.
    #expect(list.split(separator: "\n").count == 6)
  }

  /// ComputeCo's Acme seat ("Seed director", from 2025-06-01) ended on 2026-09-30: at the
  /// report date (2026-12-31) Acme raises no flag but equity any more (11.5385 % fully
  /// diluted, 25 % compute share, both under their thresholds; equity does not count as
  /// flagged), so one company is flagged instead of two;
  /// on 2026-06-30 the seat still counts. Ending a seat nobody holds is refused.
  @Test func anEndedBoardSeatNoLongerCounts() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let wrong = try cli.run(
      CLIHarness.words(
        "board end ComputeCo --seat \"Chair\" --date 2026-09-30 --company \"Acme AI\""))
    #expect(wrong.status == 1)
    #expect(
      wrong.stderr
        == "error: ComputeCo does not hold the board seat \"Chair\" on 2026-09-30 (see: capstan board list)\n",
      "\(wrong.stderr)")
    try cli.sh(
      "board end ComputeCo --seat \"Seed director\" --date 2026-09-30 --company \"Acme AI\"")
    try cli.sh(
      "board end \"Lead Ventures\" --provision \"Veto on new senior classes\" --date 2026-09-30 --company \"Acme AI\""
    )
    let list = try cli.sh("board list --company \"Acme AI\"").stdout
    #expect(list.contains("2026-09-30  seat ended"), "\(list)")
    #expect(list.contains("2026-09-30  provision ended"), "\(list)")
    let report = try json(
      cli.sh("report portfolio --investor ComputeCo \(Self.asOf) --format json").stdout)
    let totals = try #require(report["totals"] as? [String: Any])
    #expect(totals["flagged_companies"] as? Int == 1)
    let control = try #require(report["control"] as? [String: Any])
    let flags = try #require(control["companies"] as? [[String: Any]])
    #expect(
      flags.map { $0["flags"] as? String } == [
        "equity-rev-share", "fd>=20% compute>=50% equity-rev-share control-consent",
        "equity-rev-share",
      ])
    let before = try json(
      cli.sh("report portfolio --investor ComputeCo --as-of 2026-06-30 --format json").stdout)
    let earlier = try #require(before["control"] as? [String: Any])
    let earlierFlags = try #require(earlier["companies"] as? [[String: Any]])
    #expect(
      earlierFlags.first?["flags"] as? String
        == "board-seat equity-rev-share control-consent sensitive-info")
  }

  @Test func unknownInvestorIsRefused() throws {
    let cli = try CLIHarness()
    try cli.buildPortfolio()
    let result = try cli.run(CLIHarness.words("report portfolio --investor Nobody"))
    #expect(result.status == 1)
    #expect(result.stderr.contains("--investor"))
  }
}

/// The libxml2 check itself: HTML5/SVG tags are accepted, broken markup is not.
@Test(arguments: [
  ("<!DOCTYPE html><html><body><figure><svg><g></g></svg></figure></body></html>", true),
  ("<!DOCTYPE html><html><body><p>a &bogus b</p></body></html>", false),
  ("<!DOCTYPE html><html><body><div><span>x</div></span></body></html>", false),
])
func libxml2HTMLCheck(html: String, clean: Bool) {
  #expect(
    HTMLDocumentCheck.problems(in: html).isEmpty == clean, "\(HTMLDocumentCheck.problems(in: html))"
  )
}

/// A strict check of the report's HTML besides libxml2's HTML parser (`HTMLDocumentCheck`):
/// every non-void element closed in order, attributes quoted, only known entities (the page is
/// written to be XML-well-formed apart from the void elements, so this stricter check holds).
enum HTMLCheck {
  static let void: Set<String> = ["meta", "br", "hr", "img", "link", "input"]

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  static func problems(_ html: String) -> [String] {
    var problems: [String] = []
    var stack: [String] = []
    let chars = Array(html.unicodeScalars)
    var index = 0
    func at(_ offset: Int) -> Unicode.Scalar? {
      index + offset < chars.count ? chars[index + offset] : nil
    }
    while index < chars.count {
      let c = chars[index]
      if c == "&" {
        var end = index + 1
        while end < chars.count, chars[end] != ";", end - index < 10 { end += 1 }
        let entity = String(String.UnicodeScalarView(chars[(index + 1)..<min(end, chars.count)]))
        if !["amp", "lt", "gt", "quot", "#39"].contains(entity) {
          problems.append("unknown entity &\(entity) at \(index)")
        }
        index = end + 1
        continue
      }
      guard c == "<" else {
        if c == ">" { problems.append("stray > at \(index)") }
        index += 1
        continue
      }
      guard let close = chars[index...].firstIndex(of: ">") else {
        problems.append("unclosed tag at \(index)")
        break
      }
      let tag = String(String.UnicodeScalarView(chars[(index + 1)..<close]))
      index = close + 1
      if tag.hasPrefix("!") { continue }
      if tag.hasPrefix("/") {
        let name = String(tag.dropFirst()).lowercased()
        if stack.last == name {
          stack.removeLast()
        } else {
          problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
        }
        continue
      }
      let name = String(tag.prefix { $0 != " " && $0 != "/" && $0 != "\n" }).lowercased()
      if count("\"", in: tag) % 2 != 0 { problems.append("unbalanced quotes in <\(name)>") }
      if tag.hasSuffix("/") || void.contains(name) { continue }
      stack.append(name)
    }
    if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    return problems
  }
}
