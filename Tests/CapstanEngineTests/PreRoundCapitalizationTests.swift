import CapstanEngine
import CapstanModel
import Testing

@Suite struct PreRoundCapitalizationTests {
  /// Ada holds 8,000,000 Common; Seed Fund 1,000,001 Seed Preferred issued at $1.00 and
  /// convertible at $0.80 (ratio 1.25: ⌊1,250,001.25⌋ = 1,250,001 as converted); Bo holds
  /// 600,000 options from a 1,000,000-share plan, leaving 400,000 unissued.
  static func ledger() throws -> Ledger {
    let start = try date("2024-01-01")
    let common = ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)
    let seed = ShareClass(
      id: "seed", name: "Seed Preferred", kind: .preferred, initialAuthorized: 5_000_000,
      originalIssuePrice: .one, conversionPrice: try exact("0.8"))
    let plan = StockPlan(
      id: "plan", name: "2024 Plan", shareClass: "common", initialReserve: 1_000_000,
      adopted: start)
    return Ledger(
      company: Company(id: "acme", name: "Acme", currency: .usd, incorporated: start),
      stakeholders: [
        Stakeholder(id: "ada", name: "Ada"), Stakeholder(id: "bo", name: "Bo"),
        Stakeholder(id: "seed-fund", name: "Seed Fund", kind: .institution),
      ],
      classes: [common, seed], plans: [plan],
      transactions: [
        Transaction(
          sequence: 1, date: start,
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: "ada", shareClass: "common", quantity: 8_000_000,
              pricePerShare: try exact("0.0001")))),
        Transaction(
          sequence: 2, date: try date("2024-06-01"),
          event: .issueStock(
            StockIssuance(
              security: "PS-1", holder: "seed-fund", shareClass: "seed", quantity: 1_000_001,
              pricePerShare: .one))),
        Transaction(
          sequence: 3, date: try date("2024-07-01"),
          event: .grantOptions(
            OptionGrant(
              security: "OP-1", holder: "bo", plan: "plan", quantity: 600_000,
              strike: try exact("0.10")))),
      ])
  }

  @Test func fromACapTableSnapshot() throws {
    let table = try Self.ledger().replay(asOf: try date("2025-01-01"))
    let capitalization = PreRoundCapitalization(table, proRataHolders: ["seed-fund"])
    func held(
      _ name: String, _ id: Stakeholder.ID, stock: Shares = .zero, options: Shares = .zero,
      proRata: Bool = false
    ) -> PreRoundCapitalization.Holding {
      PreRoundCapitalization.Holding(
        .stakeholder(id, name: name), stock: stock, options: options, proRataRight: proRata)
    }
    // Keyed by stakeholder id; the names are for display.
    #expect(
      capitalization.holdings == [
        held("Ada", "ada", stock: 8_000_000),
        held("Seed Fund", "seed-fund", stock: 1_250_001, proRata: true),
        held("Bo", "bo", options: 600_000),
      ])
    #expect(capitalization.unissuedPool == 400_000)
    #expect(capitalization.fullyDiluted == Ratio(10_250_001))
  }

  /// The snapshot feeds a round: $20,500,002 over 10,250,001 shares is $2.00 exactly.
  @Test func snapshotFeedsARound() throws {
    let table = try Self.ledger().replay(asOf: try date("2025-01-01"))
    let input = RoundInput(
      capitalization: PreRoundCapitalization(table, proRataHolders: ["seed-fund"]),
      valuation: .preMoney(Ratio(20_500_002)),
      investors: [Investor("Lead", amount: Ratio(5_000_000))],
      proRata: [.init(.stakeholder("seed-fund", name: "Seed Fund"), take: .full)],
      closing: try date("2025-01-01"))
    let result = try PricedRound.model(input)
    #expect(result.price.rounded == Ratio(2))
    // The round sells ⌊5,000,000 ÷ 2⌋ = 2,500,000 shares. Seed Fund's right: 1,250,001 ÷
    // (10,250,001 − 400,000 pool) of them, ⌊317,259.10⌋ = 317,259, carved out of the Lead's:
    // 2,500,000 − 317,259 = 2,182,741.
    #expect(result.proRata.first?.shares == 317_259)
    #expect(result.investors.map(\.shares) == [2_182_741])
    #expect(
      result.proForma.rows.map(\.name) == ["Ada", "Seed Fund", "Bo", "Lead", "Unissued pool"])
  }
}
