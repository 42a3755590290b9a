import Foundation
import Testing

/// Issue 15: every view with an as-of date names the transactions dated after it (a note in
/// text, `later_entries` in JSON, the note on standard error for CSV), and writes dated after
/// today say so once.
@Suite("Later entries on every view, future-dated writes: end to end")
struct LaterEntriesEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func iso(daysFromNow days: Int) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
  }

  /// Later Co: Ada 1,000,000 Common on 2025-01-01, a plan of 100,000, and Bob 1,000 Common a
  /// week from today (transaction 2, CS-2): one transaction after today.
  func laterCo(_ cli: CLIHarness) throws -> String {
    let later = Self.iso(daysFromNow: 7)
    for line in [
      "init", "company add \"Later Co\" --incorporated 2025-01-01",
      "class add Common --authorized 10M", "stakeholder add Ada", "stakeholder add Bob",
      "issue Ada 1M Common --price 0.0001 --date 2025-01-01",
      "plan add Plan --class Common --reserve 100k",
    ] {
      try cli.sh(line)
    }
    let issued = try cli.sh("issue Bob 1,000 Common --price 0.0001 --date \(later)").stdout
    #expect(issued.contains("Note: dated \(later), after today"))
    return later
  }

  /// The note a view as of today prints: one transaction, the latest the issue of CS-2.
  func note(_ later: String) -> String {
    "Note: 1 transaction dated after \(Self.iso(daysFromNow: 0)) is not shown (latest \(later): "
      + "issue CS-2); use --as-of \(later) or --as-of latest."
  }

  /// Views whose JSON was an array are objects with the rows under a name and
  /// `later_entries` (count 1, latest the date); object views gain the member.
  @Test func everyViewsJSONCarriesLaterEntries() throws {
    let cli = try CLIHarness()
    let later = try laterCo(cli)
    let views: [(command: String, rows: String?)] = [
      ("class list", "classes"), ("plan list", "plans"), ("vesting", "securities"),
      ("exit --breakpoints", "breakpoints"), ("exit --sweep 1M:2M:1M", "payouts"),
      ("exit --value 1M", nil), ("table", nil), ("tokens", nil), ("check", nil),
      ("report company", nil), ("report portfolio --investor Ada", nil),
      ("compare --need 1M --cash-offer pre=10M,amount=1M", nil),
    ]
    for view in views {
      let object = try json(cli.sh("\(view.command) --format json").stdout)
      if let rows = view.rows { #expect(object[rows] is [Any], "\(view.command)") }
      let entries = try #require(object["later_entries"] as? [String: Any], "\(view.command)")
      #expect(entries["count"] as? Int == 1, "\(view.command)")
      #expect(entries["latest"] as? String == later, "\(view.command)")
    }
    // As of the latest date nothing is later: the member is null, still present.
    let latest = try json(cli.sh("class list --as-of latest --format json").stdout)
    #expect(latest["later_entries"] is NSNull)
  }

  /// Text views print the note under themselves; CSV keeps it off the rows, on stderr.
  @Test func textViewsPrintTheNote() throws {
    let cli = try CLIHarness()
    let later = try laterCo(cli)
    // Reports fold lines at 100 columns (a continuation starts with two spaces): unfolded.
    let unfold = { (text: String) in text.replacingOccurrences(of: "\n  ", with: " ") }
    for command in ["report company", "tokens"] {
      #expect(unfold(try cli.sh(command).stdout).contains(note(later)), "\(command)")
    }
    // The portfolio adds up its companies and names the company of the latest entry.
    #expect(
      unfold(try cli.sh("report portfolio --investor Ada").stdout).contains(
        "(latest \(later): issue CS-2 in Later Co); use --as-of \(later) or --as-of latest."))
    let csv = try cli.sh("report company --format csv")
    #expect(!csv.stdout.contains("Note:"))
    #expect(csv.stderr.contains(note(later)))
    let html = try cli.sh("report company --format html").stdout
    #expect(html.contains("id=\"later-entries\""))
    // --as-of latest shows Bob and no note.
    let latest = try cli.sh("report company --as-of latest").stdout
    #expect(latest.contains("Bob"))
    #expect(!latest.contains("Note: 1 transaction"))
  }

  /// Writes dated after today say so once, each in the words that fit what it recorded.
  @Test func futureDatedWritesSaySo() throws {
    let cli = try CLIHarness()
    let later = try laterCo(cli)
    let valuation = try cli.sh(
      "valuation add --class Common --price 0.10 --date \(later)"
    ).stdout
    #expect(valuation.contains("Note: dated \(later), after today"))
    #expect(valuation.contains("use --as-of \(later) to see it."))
    let board = try cli.sh("board add Ada --date \(later)").stdout
    #expect(board.contains("Note: dated \(later), after today"))
    let rename = try cli.sh("stakeholder rename Bob Robert --date \(later)").stdout
    #expect(rename.contains("it applies to every view at once"))
    let void = try cli.sh("void 2 --reason typo --date \(later)").stdout
    #expect(void.contains("it applies to every view at once"))
    #expect(void.components(separatedBy: "Note:").count == 2)
    // A token price (--date, with --on its alias) and a price file, kept beside the ledger.
    try cli.sh("token add H100H --issuer Ada --unit \"H100-hour\" --units-per-token 1 --peg 2.50")
    let price = try cli.sh("token price H100H 2.60 --date \(later)").stdout
    #expect(price.contains("use --as-of \(later) to see it."))
    #expect(!(try cli.sh("token price H100H 2.50 --on 2025-06-01").stdout.contains("Note:")))
    let file = cli.folder.appendingPathComponent("prices.csv")
    let dayAfter = Self.iso(daysFromNow: 8)
    try "symbol,date,price\nH100H,2025-07-01,2.40\nH100H,\(dayAfter),2.70\n".write(
      to: file, atomically: true, encoding: .utf8)
    #expect(
      try cli.sh("token prices import \(file.path)").stdout.contains(
        "Note: dated \(dayAfter), after today"))
    let today = try cli.sh("issue Ada 10 Common --price 0.0001 --date 2025-02-01").stdout
    #expect(!today.contains("Note:"))
  }
  /// An import whose file runs past today says so once: Later Co exported to Capstan XML and
  /// imported into a new workspace (streamed), and as OCF.
  @Test func importsOfFutureDatedEntriesSaySo() throws {
    let source = try CLIHarness()
    let later = try laterCo(source)
    let xml = source.folder.appendingPathComponent("later.xml").path
    try source.sh("export xml -o \(xml)")
    let ocf = source.folder.appendingPathComponent("ocf").path
    try source.sh("export ocf -o \(ocf)")
    let expected =
      "Note: 1 transaction is dated after today (\(Self.iso(daysFromNow: 0))), the latest "
      + "\(later) (issue CS-2): views as of today leave it out until then; use --as-of "
      + "\(later) or --as-of latest to see it."
    let target = try CLIHarness()
    try target.sh("init")
    #expect(try target.sh("import \(xml)").stdout.contains(expected))
    let other = try CLIHarness()
    try other.sh("init")
    #expect(try other.sh("import \(ocf)").stdout.contains("Note: 1 transaction is dated after"))
  }
}
