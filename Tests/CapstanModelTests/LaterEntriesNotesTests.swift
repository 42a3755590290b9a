import Testing

@testable import CapstanModel

/// The notes a write or an import prints about what it dated after today.
@Suite struct LaterEntriesNotesTests {
  static func day(_ text: String) -> CalendarDate {
    CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
  }

  @Test("a write dated after today says how views reach it; one dated today says nothing")
  func futureNote() {
    let today = Self.day("2026-01-01")
    #expect(LaterEntries.futureNote([today], today: today) == nil)
    #expect(
      LaterEntries.futureNote([Self.day("2025-06-01"), Self.day("2026-03-01")], today: today)
        == "Note: dated 2026-03-01, after today (2026-01-01): views as of today leave it out "
        + "until then; use --as-of 2026-03-01 or --as-of latest to see it.")
    #expect(
      LaterEntries.futureNote([Self.day("2026-03-01")], .fromItsDate(latest: false), today: today)
        == "Note: dated 2026-03-01, after today (2026-01-01): views as of today leave it out "
        + "until then; use --as-of 2026-03-01 to see it.")
    #expect(
      LaterEntries.futureNote([Self.day("2026-01-02")], .atOnce, today: today)
        == "Note: dated 2026-01-02, after today (2026-01-01); it applies to every view at once "
        + "(the date records when it was made).")
  }

  @Test("an import counts what it dated after today")
  func importNote() throws {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Later Co", currency: .usd, incorporated: Self.day("2025-01-01"))
      try draft.append(
        [
          (Self.day("2025-02-01"), CompanyNote(text: "before").ledgerEvent),
          (Self.day("2026-02-01"), CompanyNote(text: "first after").ledgerEvent),
          (Self.day("2026-05-01"), CompanyNote(text: "second after").ledgerEvent),
        ], to: company.id)
      return company
    }
    let ledger = try workspace.ledger(for: company.id)
    #expect(LaterEntries.importNote(ledger, today: Self.day("2026-06-01")) == nil)
    let note = LaterEntries.importNote(ledger, today: Self.day("2026-01-01"))
    // Two of the three notes are after 2026-01-01; the latest is 2026-05-01.
    #expect(
      note?.hasPrefix(
        "Note: 2 transactions are dated after today (2026-01-01), the latest 2026-05-01 (")
        == true, "\(note ?? "nil")")
    #expect(
      note?.hasSuffix(
        "): views as of today leave them out until then; use --as-of 2026-05-01 or --as-of "
          + "latest to see them.") == true)
  }
}
