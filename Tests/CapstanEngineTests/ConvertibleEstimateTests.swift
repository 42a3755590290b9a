import CapstanEngine
import CapstanModel
import Testing

/// Convertibles estimated at their caps (YC safe: shares = amount ÷ (cap ÷ capitalization)).
@Suite struct ConvertibleEstimateTests {
  /// Founder 10,000,000 Common (B = 10,000,000, no pool). A pre-money SAFE of $1,000,000 at a
  /// $5M cap: price 5,000,000 ÷ 10,000,000 = 0.50, shares 2,000,000. A post-money SAFE of
  /// $1,000,000 at $10M: f = 1/10, capitalization 10,000,000 ÷ 9/10 = 11,111,111.1, price
  /// 0.90, shares ⌊1,111,111.1⌋ = 1,111,111. A note of $100,000 at 10 % simple, act/365, from
  /// 2025-01-01 to 2026-01-01 (365 days): interest $10,000, converting $110,000 at 10M ÷ 10M =
  /// 1.00: 110,000 shares. Together 3,221,111.
  func ledger() throws -> Ledger {
    let company = Company(
      id: "c", name: "Est Co", currency: .usd, incorporated: try date("2024-01-01"))
    let founder = Stakeholder(id: "f", name: "Founder")
    let angel = Stakeholder(id: "a", name: "Angel")
    return Ledger(
      company: company, stakeholders: [founder, angel],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      transactions: [
        Transaction(
          sequence: 1, date: try date("2024-01-01"),
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: "f", shareClass: "common", quantity: 10_000_000,
              pricePerShare: ratio(1, 10_000)))),
        Transaction(
          sequence: 2, date: try date("2025-01-01"),
          event: .issueSAFE(
            SAFEIssuance(
              security: "SAFE-1", holder: "a", purchaseAmount: Ratio(1_000_000), kind: .preMoney,
              valuationCap: Ratio(5_000_000)))),
        Transaction(
          sequence: 3, date: try date("2025-01-01"),
          event: .issueSAFE(
            SAFEIssuance(
              security: "SAFE-2", holder: "a", purchaseAmount: Ratio(1_000_000),
              valuationCap: Ratio(10_000_000), discount: ratio(1, 5)))),
        Transaction(
          sequence: 4, date: try date("2025-01-01"),
          event: .issueNote(
            NoteIssuance(
              security: "NOTE-1", holder: "a", principal: Ratio(100_000), rate: ratio(1, 10),
              valuationCap: Ratio(10_000_000)))),
      ])
  }

  @Test func atTheCaps() throws {
    let day = try date("2026-01-01")
    let estimate = try ConvertibleEstimate(try ledger().replay(asOf: day), on: day)
    #expect(estimate.base == 10_000_000)
    #expect(estimate.lines.map(\.shares) == [110_000, 2_000_000, 1_111_111])
    #expect(estimate.lines.map(\.security) == ["NOTE-1", "SAFE-1", "SAFE-2"])
    #expect(estimate.lines[0].convertingAmount == Ratio(110_000))
    #expect(estimate.lines[2].price == ratio(9, 10))
    #expect(estimate.totalShares == 3_221_111)
  }

  /// At a round price of $0.60: SAFE-1 min(0.50, 0.60) = 0.50 → 2,000,000; SAFE-2 min(0.90,
  /// 0.60 × 0.8 = 0.48) = 0.48 → ⌊2,083,333.3⌋ = 2,083,333; the note min(1.00, 0.60) →
  /// ⌊183,333.3⌋ = 183,333.
  @Test func atARoundPrice() throws {
    let day = try date("2026-01-01")
    let estimate = try ConvertibleEstimate(
      try ledger().replay(asOf: day), on: day, roundPrice: ratio(3, 5))
    #expect(estimate.lines.map(\.shares) == [183_333, 2_000_000, 2_083_333])
  }
}
