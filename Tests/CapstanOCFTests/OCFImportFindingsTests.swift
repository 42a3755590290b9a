import CapstanModel
import Testing

@testable import CapstanOCF

/// `OCFImportPlan.findings`: what an OCF import reports after its counts.
@Suite("OCF import findings: what was not mapped, then the warnings")
struct OCFImportFindingsTests {
  static func plan(unmapped: [String: Int], warnings: [OCFWarning]) -> OCFImportPlan {
    OCFImportPlan(
      companyName: "Acme", currency: .usd,
      incorporated: CalendarDate(year: 2025, month: 1, day: 1) ?? .today(), stakeholders: [],
      classes: [], plans: [], events: [], warnings: warnings, unmapped: unmapped)
  }

  @Test func everythingMappedAndNoWarningsIsOneLine() {
    #expect(
      Self.plan(unmapped: [:], warnings: []).findings == "Everything in the package was mapped.")
  }

  @Test func unmappedTypesAreListedByNameThenTheWarnings() {
    let warning = OCFWarning(file: "Transactions.ocf.json", item: "eci_01", message: "no plan")
    let plan = Self.plan(unmapped: ["VALUATION": 3, "TX_STOCK_ACCEPTANCE": 1], warnings: [warning])
    // Types sorted by name (TX_ before VALUATION), each with its count; one warning.
    #expect(
      plan.findings == """
        Not mapped (by object type and count):
          TX_STOCK_ACCEPTANCE ×1
          VALUATION ×3
        Warnings (1):
          Transactions.ocf.json, item eci_01: no plan
        """)
  }
}
