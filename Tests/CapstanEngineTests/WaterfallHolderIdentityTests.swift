import CapstanEngine
import CapstanModel
import Testing

/// The waterfall joins holders on stakeholder ids: two stakeholders whose names are equal
/// ignoring case and spaces ("Ada Ventures" and "ada  ventures") are two holders, paid
/// separately and shown by their own names.
///
/// The ledger: Founders 800,000 common; "ada  ventures" 200,000 common; "Ada Ventures"
/// 1,000,000 Series A preferred at $1.00 (1x non-participating, one common share each).
@Suite struct WaterfallHolderIdentityTests {
  struct Company {
    var table: CapTable
    var founders: Stakeholder.ID
    var fund: Stakeholder.ID
    var angel: Stakeholder.ID
  }

  static func company() throws -> Company {
    let workspace = InMemoryWorkspace()
    let day = { (text: String) in CalendarDate(iso: text) ?? .today() }
    var ids: [Stakeholder.ID] = []
    let company = try workspace.write { draft -> CapstanModel.Company in
      let company = try draft.addCompany(
        name: "Alike Co", currency: .usd, incorporated: day("2024-01-01"))
      let founders = try draft.addStakeholder(name: "Founders")
      let fund = try draft.addStakeholder(name: "Ada Ventures", kind: .institution)
      let angel = try draft.addStakeholder(name: "ada  ventures")
      ids = [founders.id, fund.id, angel.id]
      let common = try draft.addClass(
        ShareClass(id: "common", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      let seriesA = try draft.addClass(
        ShareClass(
          id: "a", name: "Series A", kind: .preferred, initialAuthorized: 10_000_000,
          originalIssuePrice: .one, conversionPrice: .one), to: company.id)
      func issue(
        _ security: SecurityID, _ holder: Stakeholder.ID, _ shareClass: ShareClass,
        _ quantity: Shares, at price: Ratio
      ) -> (CalendarDate, LedgerEvent) {
        (
          day("2024-02-01"),
          .issueStock(
            StockIssuance(
              security: security, holder: holder, shareClass: shareClass.id, quantity: quantity,
              pricePerShare: price))
        )
      }
      try draft.append(
        [
          issue("CS-1", founders.id, common, 800_000, at: Ratio(1, 10_000)),
          issue("CS-2", angel.id, common, 200_000, at: Ratio(1, 10)),
          issue("PA-1", fund.id, seriesA, 1_000_000, at: .one),
        ], to: company.id)
      return company
    }
    let table = try workspace.ledger(for: company.id).replay(asOf: day("2025-01-01"))
    return Company(table: table, founders: ids[0], fund: ids[1], angel: ids[2])
  }

  /// $1,500,000: converting would give c = 1,500,000 ÷ 2,000,000 = $0.75 < $1.00, so Series A
  /// takes its $1,000,000 preference; the $500,000 left goes to the 1,000,000 common shares at
  /// $0.50: Founders $400,000, "ada  ventures" $100,000, "Ada Ventures" $1,000,000 (joined by
  /// name the fund would have been paid $1,100,000).
  @Test func alikeNamesArePaidSeparatelyBelowConversion() throws {
    let company = try Self.company()
    let waterfall = try Waterfall(WaterfallCapitalization(company.table), options: .exclude)
    let distribution = try waterfall.distribution(at: Ratio(1_500_000))
    #expect(distribution.payout(of: company.fund)?.payout == Ratio(1_000_000))
    #expect(distribution.payout(of: company.angel)?.payout == Ratio(100_000))
    #expect(distribution.payout(of: company.founders)?.payout == Ratio(400_000))
    #expect(distribution.holders.count == 3)
    #expect(distribution.payout(of: company.fund)?.holderName == "Ada Ventures")
    #expect(distribution.payout(of: company.angel)?.holderName == "ada  ventures")
    let curve = try waterfall.schedule.curve(forHolder: company.angel)
    #expect(curve.payout(at: Ratio(1_500_000)) == Ratio(100_000))
  }

  /// $4,000,000: converting gives c = 4,000,000 ÷ 2,000,000 = $2.00 > $1.00, so Series A
  /// converts: "Ada Ventures" 1,000,000 × $2 = $2,000,000, "ada  ventures" 200,000 × $2 =
  /// $400,000, Founders 800,000 × $2 = $1,600,000.
  @Test func alikeNamesArePaidSeparatelyAfterConversion() throws {
    let company = try Self.company()
    let waterfall = try Waterfall(WaterfallCapitalization(company.table), options: .exclude)
    let distribution = try waterfall.distribution(at: Ratio(4_000_000))
    #expect(distribution.classes.converted == ["Series A"])
    #expect(distribution.payout(of: company.fund)?.payout == Ratio(2_000_000))
    #expect(distribution.payout(of: company.angel)?.payout == Ratio(400_000))
    #expect(distribution.payout(of: company.founders)?.payout == Ratio(1_600_000))
  }

  /// A holder the capitalization does not hold has no curve; the error names its id.
  @Test func unknownHolderIsNamedById() throws {
    let company = try Self.company()
    let waterfall = try Waterfall(WaterfallCapitalization(company.table), options: .exclude)
    #expect(throws: WaterfallError.unknown("nobody")) {
      try waterfall.schedule.curve(forHolder: "nobody")
    }
  }

  /// A hand-built capitalization keys each holder by its name: "Fund" in two classes is one
  /// holder, "fund" another. At $300 with 100 common (Fund 50, fund 50) and Series A 100 at
  /// $1 (Fund): converting gives c = 300 ÷ 200 = $1.50 > $1, so Fund 50 × 1.5 + 100 × 1.5 =
  /// $225, fund 50 × 1.5 = $75.
  @Test func handBuiltHoldersAreKeyedByName() throws {
    let capitalization = WaterfallCapitalization(classes: [
      .common("Common", [ClassHolding("Fund", 50), ClassHolding("fund", 50)]),
      .preferred("Series A", PreferredTerms(originalIssuePrice: .one), [ClassHolding("Fund", 100)]),
    ])
    let distribution = try Waterfall(capitalization).distribution(at: Ratio(300))
    #expect(distribution.holders.map(\.holder) == ["Fund", "fund"])
    #expect(distribution.payout(of: "Fund")?.payout == Ratio(225))
    #expect(distribution.payout(of: "fund")?.payout == Ratio(75))
  }
}
