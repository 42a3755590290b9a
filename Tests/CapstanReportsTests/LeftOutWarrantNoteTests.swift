import CapstanModel
import CapstanReports
import CapstanTestSupport
import Testing

/// The company report's exit section says which warrants its payouts leave out.
@Suite struct LeftOutWarrantNoteTests {
  @Test func exitSectionNamesThePreferredWarrant() throws {
    let ledger = try WarrantCompany.ledger()
    let report = try CompanyReport.build(
      ledger: ledger, asOf: try #require(CalendarDate(iso: "2025-06-30")))
    let exits = try #require(report.sections.first { $0.key == "exits" })
    // W-2: Bank, 5,000 Series A at $1 (strike shown to 4 places, at least 2).
    #expect(
      exits.notes.contains {
        $0.hasPrefix("Not in these payouts: warrant W-2 (Bank, 5,000 Series A at $1.00)")
      })
    // W-1 is on Common: it takes part, so no note names it.
    #expect(!exits.notes.contains { $0.contains("W-1") })
  }
}
