import CapstanEngine
import CapstanModel
import Testing

@testable import CapstanReports

/// The command views of CapstanReports/Views on a small company, numbers worked by hand:
/// Ada 6,000 and Grace 3,000 Common; a plan of 1,000 with 400 options granted to Linus. Fully
/// diluted: stock 9,000 + options 400 + pool 600 = 10,000; Ada 6,000 / 10,000 = 3/5 = 60.00 %.
@Suite struct RenderedViewTests {
  static func date(_ text: String) -> CalendarDate {
    CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
  }

  /// The company's ledger; with `voidGrace`, Grace's issue (transaction 2) is voided.
  static func ledger(voidGrace: Bool = false) throws -> Ledger {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in
      let company = try draft.addCompany(
        name: "Acme", currency: .usd, incorporated: date("2025-01-01"))
      for name in ["Ada", "Grace", "Linus"] { _ = try draft.addStakeholder(name: name) }
      let common = try draft.addClass(
        ShareClass(id: "new", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      _ = try draft.addPlan(
        StockPlan(
          id: "new", name: "Plan", shareClass: common.id, initialReserve: 1_000,
          adopted: date("2025-01-01"), cancellationBehavior: .returnToPool),
        to: company.id)
      for (holder, quantity) in [("Ada", 6_000), ("Grace", 3_000)] {
        _ = try draft.issueStock(
          to: holder, quantity: Shares(Int64(quantity)), className: "Common",
          pricePerShare: Ratio(1, 1_000), date: date("2025-01-02"), vesting: nil,
          company: company.id)
      }
      _ = try draft.grantOptions(
        to: "Linus", quantity: 400, planName: "Plan", strike: Ratio(1, 10),
        date: date("2025-02-01"), vesting: nil, expires: nil, company: company.id)
      return company.id
    }
    if voidGrace {
      try workspace.write { draft in
        _ = try draft.void([2], reason: "twice", date: date("2025-03-01"), company: company)
      }
    }
    return try workspace.ledger(for: company)
  }

  @Test func theOwnershipTableTotalsAndPercentages() throws {
    let ledger = try Self.ledger()
    let table = try ledger.replay(asOf: Self.date("2025-06-30"))
    let ownership = OwnershipView(table, basis: .fullyDiluted, grouping: .holder)
    #expect(ownership.stockTotal == 9_000)
    #expect(ownership.optionsTotal == 400)
    #expect(ownership.availableTotal == 600)
    let view = OwnershipTableView(
      ownership, estimate: nil, currency: .usd, laterEntries: nil)
    let footer = try #require(view.text().split(separator: "\n").last)
    #expect(
      footer.split(separator: " ", omittingEmptySubsequences: true)
        == ["Total", "9,000", "400", "600", "10,000", "100.00%"])
    #expect(view.csv().contains("\nAda,holder,6000,0,0,6000,3/5,60.00\n"))
    #expect(view.json().render().contains("\"later_entries\": null"))
  }

  @Test func theLedgerListingCountsTheVoidedEntriesItLeavesOut() throws {
    let ledger = try Self.ledger(voidGrace: true)
    let entries = LedgerListing.entries(of: ledger)
    // Four entries (two issues, a grant, the void); Grace's issue is voided.
    let shown = LedgerListingView(company: "Acme", entries: entries, includeVoided: false)
    #expect(shown.entries.map(\.sequence) == [1, 3, 4])
    #expect(shown.hiddenVoided == 1)
    #expect(shown.text().hasSuffix("1 voided transaction not shown; use --include-voided.\n"))
    let all = LedgerListingView(company: "Acme", entries: entries, includeVoided: true)
    #expect(all.hiddenVoided == 0)
    #expect(all.csv().contains(",4,\n"))
  }
}
