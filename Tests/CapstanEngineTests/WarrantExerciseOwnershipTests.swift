import CapstanEngine
import CapstanModel
import Testing

/// Ownership around a warrant exercise: Common, 1,000,000 authorized; Ada holds 90,000; Bank
/// holds a warrant (W-1) for 10,000 Common at $0.50 and exercises 4,000 on 2025-06-01.
@Suite("Ownership before and after a warrant exercise")
struct WarrantExerciseOwnershipTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  static func ledger() throws -> Ledger {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Warrant Co", currency: .usd, incorporated: day("2025-01-01"))
      let ada = try draft.addStakeholder(name: "Ada")
      let bank = try draft.addStakeholder(name: "Bank", kind: .institution)
      let common = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 1_000_000), to: company.id)
      try draft.append(
        [
          (
            day("2025-01-01"),
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 90_000,
                pricePerShare: Ratio(1, 10_000)))
          ),
          (
            day("2025-02-01"),
            .issueWarrant(
              WarrantIssuance(
                security: "W-1", holder: bank.id, shareClass: common.id, quantity: 10_000,
                strike: Ratio(1, 2)))
          ),
          (
            day("2025-06-01"),
            .exercise(Exercise(grant: "W-1", quantity: 4_000, resultingSecurity: "CS-2"))
          ),
        ], to: company.id)
      return company
    }
    return try workspace.ledger(for: company.id)
  }

  static func bank(_ view: OwnershipView) -> OwnershipRow? {
    view.rows.first { $0.name == "Bank" }
  }

  @Test("fully diluted: the total stays 100,000 and Bank's 10 % moves from warrant to stock")
  func fullyDilutedUnchanged() throws {
    let ledger = try Self.ledger()
    let before = OwnershipView(
      try ledger.replay(asOf: Self.day("2025-05-31")), basis: .fullyDiluted, grouping: .holder)
    let after = OwnershipView(
      try ledger.replay(asOf: Self.day("2025-06-01")), basis: .fullyDiluted, grouping: .holder)
    // 90,000 stock + 10,000 warrant, before and after.
    #expect(before.total == Shares(100_000))
    #expect(after.total == Shares(100_000))
    // Bank: 0 + 10,000 before; 4,000 stock + 6,000 warrant after; 10,000 ÷ 100,000 = 1/10.
    #expect(Self.bank(before)?.stock == .zero)
    #expect(Self.bank(before)?.options == Shares(10_000))
    #expect(Self.bank(after)?.stock == Shares(4_000))
    #expect(Self.bank(after)?.options == Shares(6_000))
    #expect(Self.bank(before)?.fraction == Ratio(1, 10))
    #expect(Self.bank(after)?.fraction == Ratio(1, 10))
  }

  @Test("outstanding: the 4,000 issued count, the 6,000 left do not (4,000 ÷ 94,000 = 2/47)")
  func outstandingGrows() throws {
    let ledger = try Self.ledger()
    let after = OwnershipView(try ledger.replay(), basis: .outstanding, grouping: .holder)
    // 90,000 + 4,000
    #expect(after.total == Shares(94_000))
    #expect(Self.bank(after)?.stock == Shares(4_000))
    #expect(Self.bank(after)?.fraction == Ratio(2, 47))
  }
}

/// The same company in a priced-round model and at an exit: the warrant counts before and
/// after its exercise, so neither total moves when 4,000 of it become stock.
@Suite("Round model and waterfall before and after a warrant exercise")
struct WarrantExerciseRoundAndExitTests {
  static func table(_ date: String) throws -> CapTable {
    try WarrantExerciseOwnershipTests.ledger().replay(asOf: WarrantExerciseOwnershipTests.day(date))
  }

  /// Fully diluted for a round: 90,000 + 10,000 (warrant) before; 94,000 + 6,000 after.
  @Test func preRoundFullyDilutedIsUnchanged() throws {
    let before = PreRoundCapitalization(try Self.table("2025-05-31"))
    let after = PreRoundCapitalization(try Self.table("2025-06-01"))
    #expect(before.fullyDiluted == Ratio(100_000))
    #expect(after.fullyDiluted == Ratio(100_000))
    let bank = after.holdings.first { $0.name == "Bank" }
    #expect(bank?.stock == Shares(4_000))
    #expect(bank?.options == Shares(6_000))
  }

  /// An exit of $1,000,000, warrants exercised in the money (common only, no preference).
  /// Before: c = (1,000,000 + 10,000 × 0.50) ÷ 100,000 = 10.05; Bank 10,000 × (10.05 − 0.50)
  /// = 95,500; Ada 90,000 × 10.05 = 904,500. After: c = (1,000,000 + 6,000 × 0.50) ÷ 100,000
  /// = 10.03; Bank 4,000 × 10.03 + 6,000 × 9.53 = 40,120 + 57,180 = 97,300; Ada 902,700.
  @Test func exitPaysTheWarrantBeforeAndTheStockAfter() throws {
    let exit = Ratio(1_000_000)
    let before = try Waterfall(WaterfallCapitalization(try Self.table("2025-05-31")))
      .distribution(at: exit)
    #expect(before.payout(named: "Bank")?.payout == Ratio(95_500))
    #expect(before.payout(named: "Ada")?.payout == Ratio(904_500))
    let after = try Waterfall(WaterfallCapitalization(try Self.table("2025-06-01")))
      .distribution(at: exit)
    #expect(after.payout(named: "Bank")?.payout == Ratio(97_300))
    #expect(after.payout(named: "Ada")?.payout == Ratio(902_700))
    #expect(after.options.map(\.kind) == [.warrant])
  }
}
