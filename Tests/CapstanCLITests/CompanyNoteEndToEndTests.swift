import Foundation
import Testing

@Suite("capstan company note, end to end")
struct CompanyNoteEndToEndTests {
  /// Acme (`CLIHarness.buildAcme`) records three transactions (two issues and a grant), so the
  /// note is transaction 4; it changes no number, so the table on its date reads the same
  /// before and after it.
  @Test func aNoteIsRecordedListedAndChangesNoNumber() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let tableBefore = try cli.run(["table", "--as-of", "2026-11-02"])
    let result = try cli.run([
      "company", "note", "Board approved the 2027 option budget", "--date", "2026-11-02",
    ])
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "Recorded transaction 4 on 2026-11-02: company-note, note: Board approved the 2027 "
        + "option budget\n")
    let tableAfter = try cli.run(["table", "--as-of", "2026-11-02"])
    #expect(tableAfter.status == 0)
    #expect(tableAfter.stdout == tableBefore.stdout)
    let listing = try cli.run(["ledger", "--format", "json"])
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == 4)
    #expect(entries.last?["kind"] as? String == "company-note")
    #expect(entries.last?["details"] as? String == "note: Board approved the 2027 option budget")
  }

  @Test func aBlankNoteIsAUsageErrorAndWritesNothing() throws {
    let cli = try CLIHarness()
    try cli.buildAcme()
    let result = try cli.run(["company", "note", "  ", "--date", "2026-11-02"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("give the note's text"))
    let listing = try cli.run(["ledger", "--format", "json"])
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == 3)
  }
}
