import Foundation
import Testing

@Suite("capstan event record and richer vesting, end to end")
struct VestingEventsEndToEndTests {
  static func company(_ cli: CLIHarness) throws {
    for line in [
      "init", "company add Co --incorporated 2024-06-01", "class add Common --authorized 10M",
      "stakeholder add Eve", "stakeholder add Bob", "plan add Plan --class Common --reserve 1M",
    ] {
      try cli.sh(line)
    }
  }

  /// The CSV row of one security: columns as in the header.
  static func row(_ cli: CLIHarness, _ date: String, _ security: String) throws -> [String: String]
  {
    let lines = try cli.sh("vesting --as-of \(date) --format csv").stdout.split(separator: "\n")
    let header = lines[0].split(separator: ",").map(String.init)
    for line in lines.dropFirst() {
      let cells = CSVLine.split(String(line))
      if cells.first == security { return Dictionary(uniqueKeysWithValues: zip(header, cells)) }
    }
    return [:]
  }

  /// Issue 5, acceptance line 4: 100,000 from 2025-01-01, 48/12/1, double-trigger full
  /// acceleration within 12 months; change of control 2026-06-15; termination without cause
  /// 2026-09-01: floor(100,000 × 19 ÷ 48) = 39,583 on 2026-08-31, 100,000 on 2026-09-01.
  @Test func acceptanceDoubleTrigger() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    try cli.sh(
      "grant Eve 100,000 --plan Plan --strike 0.1 --date 2025-01-01 --vesting 48/12/1 --acceleration double:12:100%"
    )
    try cli.sh("event record change-of-control --date 2026-06-15 --note \"sold to MegaCorp\"")
    try cli.sh("event record termination Eve --without-cause --date 2026-09-01")
    #expect(try Self.row(cli, "2026-08-31", "OP-1")["vested"] == "39583")
    let after = try Self.row(cli, "2026-09-01", "OP-1")
    #expect(after["vested"] == "100000")
    #expect(after["accelerated"] == "58334")  // 100,000 − floor(100,000 × 20 ÷ 48)
    #expect(after["terminated"] == "2026-09-01")
    #expect(after["forfeited"] == "0")
    let text = try cli.sh("vesting --as-of 2026-09-01").stdout
    #expect(text.contains("Change of control on 2026-06-15."))
    #expect(text.contains("OP-1 (Eve): 58,334 accelerated on 2026-09-01."))
    // No line is wider than 100 columns: notes are folded (the termination note is 111
    // characters long).
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(text)")
    #expect(text.contains("terminated 2026-09-01; 0 unvested options cancelled"), "\(text)")
    let ledger = try cli.sh("ledger").stdout
    #expect(ledger.contains("change of control: sold to MegaCorp"))
    #expect(ledger.contains("Eve terminated without cause"))
  }

  /// A long holder name with the double-trigger terms makes the table wider than 100
  /// columns (it is exactly 100 with "Eve"): the schedules are listed below it instead, and
  /// the numbers stay in the table (25,000 of 100,000 after the 12-month cliff, 2026-01-01).
  @Test func wideRowsMoveTheSchedulesBelowTheTable() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    try cli.sh("stakeholder add \"Evelyn Longname\"")
    try cli.sh(
      "grant \"Evelyn Longname\" 100,000 --plan Plan --strike 0.1 --date 2025-01-01 --vesting 48/12/1 --acceleration double:12:100%"
    )
    let text = try cli.sh("vesting --as-of 2026-01-01").stdout
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(text)")
    #expect(text.contains("Schedules:\n  OP-1: 48/12/1 from 2025-01-01, double 12m"), "\(text)")
    #expect(text.contains("Evelyn Longname  100,000  25,000    75,000"), "\(text)")
  }

  /// Bob: 48,000 on 48/12/1 from 2025-01-01, terminated (no cause given) 2026-07-15: 18
  /// whole months → 18,000 vested; 30,000 cancelled and back in the pool (1,000,000 −
  /// 48,000 + 30,000 = 982,000 available, 18,000 options outstanding).
  @Test func terminationReturnsUnvestedToThePool() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    try cli.sh("grant Bob 48,000 --plan Plan --strike 0.1 --date 2025-01-01 --vesting 48/12/1")
    try cli.sh("event record termination Bob --date 2026-07-15")
    let plan = try cli.sh("plan list --format csv").stdout
    #expect(plan.contains("Plan,Common,2024-06-01,18000,0,982000"))
    let row = try Self.row(cli, "2027-01-01", "OP-1")
    #expect(row["vested"] == "18000" && row["total"] == "18000" && row["forfeited"] == "30000")
    // Exercising more than vested is refused; nothing is written.
    let refused = try cli.run(["exercise", "OP-1", "18,001", "--date", "2027-01-01"])
    #expect(refused.status == 1)
    // Terminating again: nothing left.
    let again = try cli.run(["event", "record", "termination", "Bob", "--date", "2027-01-01"])
    #expect(again.status == 1 && again.stderr.contains("Bob holds no option grant"))
  }

  /// Eve: 1,200 with a 240 milestone ("Launch", 20 %), a 100-share tranche on 2025-06-01, the
  /// other 860 over 12/0/3 from 2025-01-01, front loaded (4 installments: 215 each).
  /// 2025-07-15: 2 installments 430 + tranche 100 = 530; after the milestone 770.
  @Test func milestoneAndTranches() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    try cli.sh(
      "grant Eve 1,200 --plan Plan --strike 0.1 --date 2025-01-01 --vesting 12/0/3 --vesting-allocation front-loaded --milestone Launch:20% --tranches 2025-06-01:100"
    )
    #expect(try Self.row(cli, "2025-07-15", "OP-1")["vested"] == "530")
    let wrong = try cli.run(["event", "record", "milestone", "Lunch", "--date", "2025-07-01"])
    #expect(wrong.status == 1 && wrong.stderr.contains("milestone named 'Lunch'"))
    try cli.sh("event record milestone launch --holder Eve --date 2025-07-01")
    let row = try Self.row(cli, "2025-07-15", "OP-1")
    #expect(row["vested"] == "770" && row["milestones"] == "Launch")  // the terms' spelling
    #expect(row["next_date"] == "2025-10-01" && row["vested_by_next_date"] == "985")
  }

  /// Restricted stock in days: 7,000 shares weekly over 700 days with a 70-day cliff, single
  /// trigger 50 %. Day 100 (2025-04-11): point 98 → 980 vested. Change of control that day:
  /// floor(50 % × 6,020) = 3,010 accelerate → 3,990. Termination on day 140 (2025-05-21):
  /// 1,400 by schedule + 3,010 = 4,410 frozen; 2,590 stay outstanding, unvested.
  @Test func restrictedStockInDays() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    try cli.sh(
      "issue Bob 7,000 Common --price 0.001 --date 2025-01-01 --vesting-days 700/70/7 --acceleration single:50%"
    )
    #expect(try Self.row(cli, "2025-04-11", "CS-1")["vested"] == "980")
    try cli.sh("event record change-of-control --date 2025-04-11")
    #expect(try Self.row(cli, "2025-04-11", "CS-1")["vested"] == "3990")
    try cli.sh("event record termination Bob --security CS-1 --date 2025-05-21")
    let row = try Self.row(cli, "2026-01-01", "CS-1")
    #expect(row["vested"] == "4410" && row["unvested"] == "2590" && row["forfeited"] == "2590")
    #expect(row["total"] == "7000" && row["kind"] == "stock")
    let json = try cli.sh("vesting --as-of 2026-01-01 --format json").stdout
    #expect(json.contains("\"accelerated\": 3010") || json.contains("\"accelerated\":3010"))
  }

  @Test func badVestingOptionsAreRefusedWithTheirName() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    for (arguments, field) in [
      (["--vesting", "48/12/1", "--acceleration", "triple"], "--acceleration"),
      (["--vesting-days", "10/20/1"], "--vesting-days"),
      (["--tranches", "2025-13-01:100"], "--tranches"),
      (["--vesting", "48/12/1", "--vesting-allocation", "sideways"], "--vesting-allocation"),
      (["--tranches", "2025-06-01:100"], "add up to 100, not the 1,000"),
    ] {
      let result = try cli.run(
        ["grant", "Eve", "1,000", "--plan", "Plan", "--strike", "0.1", "--date", "2025-01-01"]
          + arguments)
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.contains(field), "\(arguments): \(result.stderr)")
    }
    #expect(try cli.sh("ledger --format csv").stdout.split(separator: "\n").count == 1)
  }

  /// Eve: 4,800 on 48/12/1 from 2025-01-01; 250 accelerated on 2025-07-01 (month 6): 0 by
  /// schedule + 250 = 250; at month 12, 4,800 × 12 ÷ 48 = 1,200 + 250 = 1,450. Accelerating
  /// 4,551 more (only 4,550 unvested) is refused and writes nothing.
  @Test func accelerationOfAQuantity() throws {
    let cli = try CLIHarness()
    try Self.company(cli)
    try cli.sh("grant Eve 4,800 --plan Plan --strike 0.1 --date 2025-01-01 --vesting 48/12/1")
    try cli.sh("event record acceleration OP-1 --quantity 250 --date 2025-07-01 --reason board")
    let month6 = try Self.row(cli, "2025-07-01", "OP-1")
    #expect(month6["vested"] == "250" && month6["accelerated"] == "250")
    #expect(month6["accelerated_on"] == "2025-07-01")
    #expect(try Self.row(cli, "2026-01-01", "OP-1")["vested"] == "1450")
    #expect(try Self.row(cli, "2029-01-01", "OP-1")["vested"] == "4800")
    let before = try cli.sh("ledger").stdout
    #expect(before.contains("250 of OP-1 vest by acceleration: board"))
    let refused = try cli.run([
      "event", "record", "acceleration", "OP-1", "--quantity", "4,551", "--date", "2025-07-01",
    ])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("cannot accelerate") && refused.stderr.contains("unvested"))
    #expect(try cli.sh("ledger").stdout == before)
    let unknown = try cli.run(["event", "record", "acceleration", "OP-9", "--quantity", "1"])
    #expect(unknown.status == 1 && unknown.stderr.contains("OP-9"))
  }
}

/// Splits one CSV line, honouring double quotes.
enum CSVLine {
  static func split(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == "," && !quoted {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current)
    return cells
  }
}
