import Foundation
import Testing

/// Issue 15: stakeholder rename and set, with a dated history kept in the workspace.
@Suite("capstan stakeholder rename, set, history: end to end")
struct StakeholderHistoryEndToEndTests {
  func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Acme (CLIHarness.buildAcme): Ada 4,000,000 and Grace 4,000,000 Common, Linus 250,000
  /// options. Renaming Ada changes only the name in the table: the holding is joined by id, so
  /// the CSV is the one before with "Ada" replaced by "Ada Lovelace" (still first by name).
  @Test func renameShowsTheNewNameWithTheSameNumbers() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let before = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    #expect(before.contains("Ada,"))
    let renamed = try cli.sh("stakeholder rename Ada \"Ada Lovelace\" --date 2025-06-01")
    #expect(renamed.stdout.contains("Renamed stakeholder Ada to Ada Lovelace on 2025-06-01"))
    let after = try cli.sh("table --as-of 2025-12-31 --format csv").stdout
    #expect(after == before.replacingOccurrences(of: "Ada,", with: "Ada Lovelace,"))
    let list = try cli.sh("stakeholder list").stdout
    #expect(list.contains("Ada Lovelace"))
    // The old name is free again and the new one is taken.
    #expect(try cli.run(["stakeholder", "history", "Ada"]).status != 0)
  }

  /// Renaming Grace to a name another stakeholder has (in any case) is refused, naming the
  /// holder of that name, and nothing is recorded.
  @Test func renameToATakenNameIsRefused() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let refused = try cli.run(["stakeholder", "rename", "Grace", "ada"])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("Ada"))
    let history = try json(cli.sh("stakeholder history Grace --format json").stdout)
    #expect((history["history"] as? [Any])?.isEmpty == true)
    #expect(history["name"] as? String == "Grace")
  }

  /// A rename then a set of kind and e-mail: the history lists the three changes in order,
  /// with old and new values, and `stakeholder list` shows the latest values.
  @Test func historyListsEveryChange() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    try cli.sh("stakeholder rename Ada \"Ada Lovelace\" --date 2025-06-01")
    let set = try cli.sh(
      "stakeholder set \"Ada Lovelace\" --institution --email ada@example.com --date 2025-07-01")
    #expect(set.stdout.contains("Set kind of Ada Lovelace to institution on 2025-07-01"))
    let history = try json(cli.sh("stakeholder history \"Ada Lovelace\" --format json").stdout)
    #expect(history["kind"] as? String == "institution")
    #expect(history["email"] as? String == "ada@example.com")
    let rows = try #require(history["history"] as? [[String: Any]])
    #expect(rows.map { $0["field"] as? String } == ["name", "kind", "email"])
    #expect(rows.map { $0["date"] as? String } == ["2025-06-01", "2025-07-01", "2025-07-01"])
    #expect(rows[0]["old"] as? String == "Ada")
    #expect(rows[0]["new"] as? String == "Ada Lovelace")
    #expect(rows[1]["old"] as? String == "individual")
    #expect(rows[2]["old"] is NSNull)
    let text = try cli.sh("stakeholder show \"Ada Lovelace\"").stdout
    #expect(text.contains("Ada Lovelace (institution) <ada@example.com>"))
    #expect(text.contains("2025-06-01"))
    let list = try cli.sh("stakeholder list --format csv").stdout
    #expect(list.contains("Ada Lovelace,ada,institution,ada@example.com"))
    #expect(list.contains("Grace,grace,individual,"))
    // Setting the same values again records nothing.
    let again = try cli.sh("stakeholder set \"Ada Lovelace\" --institution")
    #expect(again.stdout.contains("Nothing changed"))
    let unchanged = try json(cli.sh("stakeholder history \"Ada Lovelace\" --format json").stdout)
    #expect((unchanged["history"] as? [Any])?.count == 3)
  }
}

extension StakeholderHistoryEndToEndTests {
  /// Capstan XML carries the current name (the holding imports under "Ada Lovelace") and lists
  /// the one-change history as not exported.
  @Test func xmlExportWritesCurrentValuesAndListsTheHistory() throws {
    let source = try CLIHarness()
    try source.buildAcme()
    try source.sh("stakeholder rename Ada \"Ada Lovelace\" --date 2025-06-01")
    let xml = source.folder.appendingPathComponent("acme.xml").path
    let exported = try source.sh("export xml -o \(xml)").stdout
    #expect(exported.contains("not exported: stakeholder history"))
    #expect(exported.contains("×1"))
    let target = try CLIHarness()
    try target.sh("init")
    try target.sh("import \(xml)")
    let list = try target.sh("stakeholder list --format csv").stdout
    #expect(list.contains("Ada Lovelace,ada-lovelace,individual,"))
    #expect(!list.contains("Ada,"))
  }
}
