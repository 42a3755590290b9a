import CapstanEngine
import CapstanModel
import Testing

/// A saved round modelled, checked and closed on a ledger, keyed by stakeholder id.
///
/// The ledger: Founders (id `f`) 9,000,000 common, Provider (id `p`) 1,000,000 common; no
/// pool, no preferred. Fully diluted 10,000,000. The round: a stated $1.00 a share, Lead (a
/// new investor) $1,000,000 and Provider (a stakeholder) $500,000, so Lead buys 1,000,000
/// shares and Provider 500,000; post-money fully diluted 11,500,000.
@Suite struct SavedRoundModelTests {
  static let start = CalendarDate(daysSinceEpoch: 19_000)
  static let closing = CalendarDate(daysSinceEpoch: 19_100)

  static func ledger() -> Ledger {
    let issued: [(Stakeholder.ID, Int64)] = [("f", 9_000_000), ("p", 1_000_000)]
    return Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: start),
      stakeholders: [
        Stakeholder(id: "f", name: "Founders"), Stakeholder(id: "p", name: "Provider"),
      ],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      transactions: issued.enumerated().map { index, holding in
        Transaction(
          sequence: index + 1, date: start,
          event: .issueStock(
            StockIssuance(
              security: SecurityID("CS-\(index + 1)"), holder: holding.0, shareClass: "common",
              quantity: Shares(holding.1), pricePerShare: Ratio(1, 1_000))))
      })
  }

  static func terms() -> RoundTerms {
    RoundTerms(
      valuation: .pricePerShare(.one),
      investors: [
        Investment(investor: "Lead", amount: Ratio(1_000_000)),
        Investment(investor: "Provider", stakeholder: "p", amount: Ratio(500_000)),
      ],
      pool: .none, newClass: NewClassTerms(name: "Series A"))
  }

  static func saved(_ outcome: [String: String]? = nil) throws -> SavedRound {
    let model = try terms().model(on: ledger(), closing: closing)
    return SavedRound(
      name: "Series A", closing: closing, terms: terms(),
      outcome: outcome ?? model.keyNumbers.stored)
  }

  /// $1,000,000 ÷ $1.00 = 1,000,000 shares for Lead, $500,000 ÷ $1.00 = 500,000 for Provider;
  /// no pool increase. Each is keyed by what it is: Lead as a new investor, Provider by id.
  @Test func keyNumbersAreKeyedByIdOrNewInvestor() throws {
    let numbers = try Self.terms().model(on: Self.ledger(), closing: Self.closing).keyNumbers
    #expect(numbers[.investorShares(.newInvestor("Lead"))] == "1000000")
    #expect(numbers[.investorShares(.stakeholder("p"))] == "500000")
    #expect(numbers[.poolIncrease] == "0")
    #expect(numbers.stored["shares of Provider"] == "500000")
    // The stored labels type back to the same keys against the terms.
    let typed = RoundKeyNumbers(saved: numbers.stored, terms: Self.terms())
    #expect(typed[.investorShares(.stakeholder("p"))] == "500000")
    #expect(typed.drift(to: numbers).isEmpty)
  }

  /// Saved with Lead at 999,999 shares: the ledger now gives 1,000,000, one drift, typed.
  @Test func closingRefusesTheNumbersThatDrifted() throws {
    var outcome = try Self.saved().outcome
    outcome["shares of Lead"] = "999999"
    let round = try Self.saved(outcome)
    #expect(throws: RoundDriftError.self) { try round.closing(on: Self.ledger()) }
    let drift = round.drift(in: try round.model(on: Self.ledger()))
    #expect(drift.map(\.key) == [.investorShares(.newInvestor("Lead"))])
    #expect(drift.map(\.description) == ["shares of Lead: 999999 → 1000000"])
  }

  /// Undrifted, the closing buys 1,000,000 for Lead (new) and 500,000 for `p` (by id) at $1.
  @Test func closingWritesThePurchasesById() throws {
    let order = try Self.saved().closing(on: Self.ledger())
    #expect(order.purchases.map(\.investor.key) == [.newInvestor("Lead"), .stakeholder("p")])
    #expect(order.purchases.map(\.shares) == [Shares(1_000_000), Shares(500_000)])
    #expect(order.price == .one)
  }

  /// As if closed: 10,000,000 + 1,500,000 = 11,500,000 fully diluted; Provider 1,500,000.
  @Test func proFormaClosesOnACopy() throws {
    let ledger = Self.ledger()
    let table = try ledger.proForma(closing: try Self.saved(), asOf: Self.start)
    let view = OwnershipView(table, basis: .fullyDiluted, grouping: .holder)
    #expect(view.total == Shares(11_500_000))
    #expect(view.rows.first { $0.holder == "p" }?.total == Shares(1_500_000))
    // The ledger itself is unchanged: 10,000,000.
    let before = OwnershipView(
      try ledger.replay(asOf: Self.closing), basis: .fullyDiluted, grouping: .holder)
    #expect(before.total == Shares(10_000_000))
  }

  /// No preferred class: the new round ranks 1; after closing Series A at seniority 1, 2.
  @Test func nextSeniorityIsAboveTheMostSenior() throws {
    let ledger = Self.ledger()
    #expect(ledger.nextSeniority == 1)
    var draft = WorkspaceDraft(
      companies: [ledger.company], stakeholders: Array(ledger.stakeholders.values),
      load: { _ in ledger })
    var terms = Self.terms()
    terms.newClass.preference = LiquidationPreference(seniority: 1)
    let model = try terms.model(on: ledger, closing: Self.closing)
    try draft.closeRound(
      model.closing(terms: terms, company: ledger.company), company: ledger.company.id)
    #expect(try draft.ledger(for: ledger.company.id).nextSeniority == 2)
  }
}

/// Financing compared on a cap table, the provider keyed by stakeholder id.
///
/// The same ledger (fully diluted 10,000,000; Provider `p` 1,000,000). A token offer of
/// 1,000,000 tokens at $1.00 agreed for 10 %: new shares = 0.1 × 10,000,000 ÷ 0.9 =
/// 10,000,000 / 9. The provider then holds (1,000,000 + 10,000,000/9) ÷ (10,000,000 +
/// 10,000,000/9) = 19,000,000 ÷ 100,000,000 = 19 %; with no provider, only the new shares:
/// 10 %. The token's peg is $2.00 and it has no market price, so it is valued at the peg:
/// 1,000,000 × $2.00 = $2,000,000; at a given $3.00, $3,000,000.
@Suite struct FinancingComparisonTableTests {
  static let token = ComputeToken(symbol: "H", issuer: "p", unit: "GPU-hour", peg: Ratio(2))
  static let offer = FinancingComparison.Offer.tokens(
    tokens: TokenAmount(1_000_000), agreedPrice: .one, stake: .percent(Ratio(1, 10)))
  static let runway = RunwayInputs(
    cash: .zero, monthlyCashBurn: .zero, monthlyComputeUnits: .zero, computeUnitPrice: .zero)

  static func compare(provider: Stakeholder.ID?, marketPrice: Ratio? = nil) throws
    -> FinancingComparison.Outcome
  {
    let table = try SavedRoundModelTests.ledger().replay(asOf: SavedRoundModelTests.closing)
    let outcomes = try FinancingComparison.compare(
      need: Ratio(1_000_000), offers: [offer], on: table, token: token,
      market: TokenMarket(tokens: [token]), marketPrice: marketPrice, provider: provider,
      runway: runway, drop: Ratio(1, 2))
    return try #require(outcomes.first)
  }

  @Test func theProviderIsFoundById() throws {
    #expect(try Self.compare(provider: "p").providerFullyDiluted == Ratio(19, 100))
    #expect(try Self.compare(provider: nil).providerFullyDiluted == Ratio(1, 10))
  }

  @Test func theTokenIsValuedAtThePegUnlessAPriceIsGiven() throws {
    #expect(try Self.compare(provider: "p").valueToday == Ratio(2_000_000))
    #expect(try Self.compare(provider: "p", marketPrice: Ratio(3)).valueToday == Ratio(3_000_000))
  }
}

/// The issuer's view across companies, the issuer found by its stakeholder id.
///
/// Company `co` (the ledger above): Provider `p`, the token's issuer, holds 1,000,000 of
/// 10,000,000 fully diluted, so 1,000,000 ÷ 10,000,000 = 10 %; it granted no tokens. Company
/// `other`: only a stakeholder also named "Provider" but with another id (`q`) holds
/// 500,000: the issuer holds nothing there, so the company is left out.
@Suite struct IssuerExposuresTests {
  @Test func companiesAreJoinedOnTheIssuersId() throws {
    let start = SavedRoundModelTests.start
    let other = Ledger(
      company: Company(id: "other", name: "Other", currency: .usd, incorporated: start),
      stakeholders: [Stakeholder(id: "q", name: "Provider")],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 1_000_000)],
      transactions: [
        Transaction(
          sequence: 1, date: start,
          event: .issueStock(
            StockIssuance(
              security: "CS-1", holder: "q", shareClass: "common", quantity: Shares(500_000),
              pricePerShare: Ratio(1, 1_000))))
      ])
    let token = ComputeToken(symbol: "H", issuer: "p", unit: "GPU-hour", peg: Ratio(2))
    let exposures = try IssuerExposures(
      token: token, ledgers: [SavedRoundModelTests.ledger(), other],
      market: TokenMarket(tokens: [token]), asOf: SavedRoundModelTests.closing)
    #expect(exposures.rows.map(\.company.id) == ["co"])
    #expect(exposures.rows.first?.exposure.shares == Shares(1_000_000))
    #expect(exposures.rows.first?.exposure.fullyDiluted == Ratio(1, 10))
    #expect(exposures.marketPrice == nil)
  }
}
