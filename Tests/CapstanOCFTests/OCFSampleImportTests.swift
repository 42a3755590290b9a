import CapstanModel
import CapstanOCF
import Foundation
import Testing

@Suite("Importing the OCF sample packages", .enabled(if: OCFSamples.enabled, OCFSamples.absent))
struct OCFSampleImportTests {
  static let day = CalendarDate(year: 2026, month: 1, day: 1) ?? .today()

  @Test("Acme Holdings Limited: the holdings worked out by hand from Transactions.ocf.json")
  func acme() throws {
    let (workspace, company, plan) = try importPackage(OCFSamples.acme)
    let table = try workspace.ledger(for: company.id).replay(asOf: Self.day)
    // Ordinary A (by hand):
    //   Fiona: si_03 300,000 (transferred from si_02) − 220,000 cancelled (sc_02) = si_07 80,000;
    //          + si_11 30,000 + si_12 10,000 from the conversion of 20,000 Preferred = 120,000.
    //          si_01 600,000 is repurchased 500,000 then 100,000 (si_06); si_10 is retracted.
    //   Charlie: si_02 400,000 − 300,000 transferred = si_04 100,000, cancelled (sc_01);
    //            + si_05 25,000 = 25,000.
    // Preferred: Fiona 35,000 − 20,000 converted = 15,000.
    // Ordinary B: Jane 25,000 reissued as 13,500 + 11,500, split 2:1 = 27,000 + 23,000 = 50,000;
    //   Emily's exercises: 500 + 400 before the split (×2 = 1,800) + 750 + 350 after = 2,900.
    #expect(
      holdings(table) == [
        "Fiona Felicity Founder / Ordinary A": 120_000,
        "Charlie Chuck Cofounder / Ordinary A": 25_000,
        "Fiona Felicity Founder / Preferred": 15_000,
        "Jane Eyre CTO / Ordinary B": 50_000,
        "Emily Eliza Employee / Ordinary B": 2_900,
      ])
    // Options: 360,000 + 480,000 + 240,000 granted − 900 exercised = 1,079,100, ×2 at the
    // split = 2,158,200, − 1,100 exercised after = 2,157,100.
    let options = table.options.values.reduce(Int64(0)) { $0 + $1.outstanding.count }
    #expect(options == 2_157_100)
    // The grants keep the 48/12/1 terms, starting at their TX_VESTING_START.
    let first = try #require(table.options["equity_compensation_issuance_01"])
    #expect(first.vesting?.notation == "48/12/1")
    #expect(first.vesting?.start == CalendarDate(year: 2019, month: 6, day: 1))
    #expect(plan.unmapped == ["TX_STOCK_ACCEPTANCE": 1])
    // Three 409As of Ordinary B: $1 from 2019-05-01, $5 from 2019-08-01, $7 from 2019-10-01.
    #expect(plan.valuations.map(\.valuation.pricePerShare) == [Ratio(1), Ratio(5), Ratio(7)])
    #expect(plan.valuations.allSatisfy { $0.valuation.shareClass == "ordinaryB" })
    #expect(plan.warnings.contains { $0.item == "eci_01" && $0.message.contains("stock_plan_01") })
  }

  @Test("LTSE's OCF 1.0 export imports and reports what it could not map")
  func ltse() throws {
    let (workspace, company, plan) = try importPackage(OCFSamples.ltse)
    #expect(company.name == "Example, Inc.")
    let table = try workspace.ledger(for: company.id).replay(asOf: Self.day)
    #expect(table.stakeholders.count == 22)
    #expect(plan.unmapped["TX_PLAN_SECURITY_ACCEPTANCE"] == 3)
    #expect(plan.unmapped["TX_VESTING_EVENT"] == 2)
    #expect(plan.unmapped["STOCK_LEGEND_TEMPLATE"] == 3)
    // Five 409As without a class (OCF 1.0): each values the common class, with a warning.
    #expect(plan.unmapped["VALUATION"] == nil)
    #expect(plan.valuations.count == 5)
    #expect(plan.warnings.filter { $0.message.hasPrefix("no stock_class_id") }.count == 5)
    // One warrant names no class to buy; the other is kept.
    #expect(plan.unmapped["TX_WARRANT_ISSUANCE"] == 1)
    #expect(table.warrants.count == 1)
    // OCF 1.0's TX_PLAN_SECURITY_* are read as equity compensation: 26 grants.
    let grants = plan.events.filter { if case .grantOptions = $0.event { true } else { false } }
    #expect(grants.count == 26)
    // Nothing negative, ever.
    #expect(table.stock.values.allSatisfy { $0.quantity > .zero })
    #expect(table.options.values.allSatisfy { $0.outstanding >= .zero })
  }

  @Test("export of Acme imports again to the same positions, and validates against OCF 1.2.0")
  func acmeRoundTrip() throws {
    let (workspace, company, _) = try importPackage(OCFSamples.acme)
    let ledger = try workspace.ledger(for: company.id)
    let folder = try OCFSamples.temporaryFolder()
    var exporter = OCFExporter(ledger: ledger)
    _ = try exporter.write(to: folder.path)
    try OCFSchemaCheck.validate(folder)
    let (again, copy, plan) = try importPackage(folder.path)
    #expect(plan.unmapped.isEmpty)
    let before = try ledger.replay(asOf: Self.day)
    let after = try again.ledger(for: copy.id).replay(asOf: Self.day)
    #expect(positions(after) == positions(before))
    #expect(holdings(after) == holdings(before))
  }
}
