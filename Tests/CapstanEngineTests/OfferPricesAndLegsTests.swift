import CapstanEngine
import CapstanModel
import CapstanTestSupport
import Testing

/// Issue 18's gaps in offers: a token price that is not a market price says so, and a
/// compute-SAFE leg is priced, estimated at the better of its cap and discount, and drawn by the
/// runway in its window. Every figure worked by hand.
@Suite struct OfferPricesAndLegsTests {
  static let investment = TokenInvestment(
    investor: "ComputeCo", symbol: "h100h", tokens: TokenAmount(1_500_000), agreedPrice: Ratio(2))

  static func token(peg: Ratio?) -> ComputeToken {
    ComputeToken(
      symbol: "H100H", issuer: Stakeholder.ID("computeco"), unit: "H100-hour", peg: peg)
  }

  /// The price on 2026-06-01: a mark dated 2026-05-15 ($2.40) is the market price (a mark of
  /// 2026-06-02 is later, so not it); without marks on or before the date the peg ($2.50)
  /// stands in, and says so; without a peg the agreed price ($2.00); a token the workspace
  /// does not know is valued at the agreed price too, for that reason.
  @Test func theTokenPriceSaysWhereItComesFrom() {
    let closing = day("2026-06-01")
    let marks = [
      TokenPriceMark(symbol: "H100H", date: day("2026-05-15"), price: fraction(12, 5)),
      TokenPriceMark(symbol: "H100H", date: day("2026-06-02"), price: Ratio(3)),
    ]
    let market = TokenPriceNote.of(
      Self.investment, on: closing,
      in: TokenMarket(tokens: [Self.token(peg: fraction(5, 2))], prices: marks))
    #expect(market.source == .market(recorded: day("2026-05-15")))
    #expect(market.price == fraction(12, 5) && !market.isFallback)
    let peg = TokenPriceNote.of(
      Self.investment, on: closing,
      in: TokenMarket(tokens: [Self.token(peg: fraction(5, 2))], prices: [marks[1]]))
    #expect(peg.source == .peg && peg.price == fraction(5, 2) && peg.isFallback)
    #expect(peg.symbol == "H100H")
    #expect(peg.reason == "no market price recorded on or before 2026-06-01; valued at its peg")
    let agreed = TokenPriceNote.of(
      Self.investment, on: closing, in: TokenMarket(tokens: [Self.token(peg: nil)]))
    #expect(agreed.source == .agreedPrice && agreed.price == Ratio(2))
    let unknown = TokenPriceNote.of(Self.investment, on: closing, in: TokenMarket())
    #expect(unknown.source == .unknownToken && unknown.price == Ratio(2))
    #expect(unknown.source.key == "agreed-unknown-token")
  }

  static func offer(computeSAFEs: [Offer.ComputeSAFELeg] = [], tokens: Bool = true) -> Offer {
    var terms = RoundTerms(
      valuation: .preMoney(Ratio(23_000_000)),
      investors: [Investment(investor: "Lead", amount: Ratio(4_000_000))],
      pool: .target(Ratio(1, 10)), newClass: NewClassTerms(name: "Series A"))
    if tokens { terms.tokenInvestments = [Self.investment] }
    return Offer(
      name: "A", closing: day("2026-06-01"), terms: terms, computeSAFEs: computeSAFEs)
  }

  /// The projection and every runway it runs carry the note: with the peg standing in, the
  /// tokens are worth 1,500,000 × 2.50 = 3,750,000 at the closing.
  @Test func theProjectionCarriesTheNote() {
    let inputs = OfferComparison.Inputs(
      runway: RunwayInputs(
        cash: Ratio(1_200_000), monthlyCashBurn: Ratio(180_000),
        monthlyComputeUnits: Ratio(60_000), computeUnitPrice: fraction(5, 2)),
      drop: .zero, market: TokenMarket(tokens: [Self.token(peg: fraction(5, 2))]))
    let projection = OfferProjection(offer: Self.offer(), inputs: inputs)
    #expect(projection.priceNotes.map(\.source) == [.peg])
    #expect(projection.tokenValue == Ratio(3_750_000))
    #expect(projection.run(.sell, drop: Ratio(1, 2)).priceNotes == projection.priceNotes)
  }

  static let leg = Offer.ComputeSAFELeg(
    provider: "ComputeCo", commitment: Ratio(600_000), agreedPrice: fraction(5, 2),
    windowStart: day("2026-07-01"), windowEnd: day("2026-12-31"),
    valuationCap: Ratio(28_000_000), discount: Ratio(1, 5), slaSuspension: true)

  /// 600,000 GPU-hours at $2.50 = $1,500,000, on a round of 13,996,529 shares at $2.1434
  /// (docs/offers.md's offer B). As a post-money safe at the cap it owns r = 1.5 ÷ 28 = 3/56
  /// of the capitalization counted with its own shares, so the cap price is
  /// 28,000,000 × (53/56) ÷ 13,996,529 = 26,500,000 ÷ 13,996,529 ≈ $1.8933 (shares
  /// ⌊13,996,529 × 3/53⌋ = ⌊792,256.3⌋ = 792,256); the discount price is 2.1434 × 0.8 =
  /// $1.71472, lower, so the estimate is ⌊1,500,000 ÷ 1.71472⌋ = ⌊874,778.4⌋ = 874,778 at the
  /// discount. Without the discount: 792,256 at the cap. Neither cap nor discount: none.
  @Test func theEstimateTakesTheBetterOfCapAndDiscount() {
    let post = Ratio(13_996_529)
    let price = Ratio(21_434, 10_000)
    let both = ComputeSAFEEstimate(Self.leg, fullyDiluted: post, roundPrice: price)
    #expect(both.capPrice == Ratio(26_500_000, 13_996_529))
    #expect(both.discountPrice == Ratio(171_472, 100_000))
    #expect(both.shares == Shares(874_778) && both.basis == .discount)
    var capOnly = Self.leg
    capOnly.discount = nil
    let cap = ComputeSAFEEstimate(capOnly, fullyDiluted: post, roundPrice: price)
    #expect(cap.shares == Shares(792_256) && cap.basis == .cap)
    capOnly.valuationCap = nil
    let neither = ComputeSAFEEstimate(capOnly, fullyDiluted: post, roundPrice: price)
    #expect(neither.shares == nil && neither.basis == nil)
  }

  /// The runway draws the leg in its window: closing 2026-06-01, so month 0 is June and the
  /// window 2026-07-01..2026-12-31 is months 1 to 6. Cash $8,200,000 ($1.2M + the offer's
  /// $7M), burn 180,000, 60,000 GPU-hours a month at $2.50. Month 0 costs 330,000 (7,870,000
  /// left); months 1-6 draw 60,000 each (360,000 of the 600,000; the rest is never delivered)
  /// and cost only the burn, 6 × 180,000 = 1,080,000 (6,790,000 left); from month 7, 330,000
  /// a month: 20 months take 6,600,000, leaving 190,000 ⇒ runway 7 + 20 + 190/330 = 27 + 19/33
  /// = 910/33. Without the leg: 8,200,000 ÷ 330,000 = 24 + 280/330 ⇒ 820/33.
  @Test func theRunwayDrawsTheLegInItsWindow() {
    var offer = Self.offer(computeSAFEs: [Self.leg], tokens: false)
    offer.terms.investors = [Investment(investor: "Lead", amount: Ratio(7_000_000))]
    let inputs = OfferComparison.Inputs(
      runway: RunwayInputs(
        cash: Ratio(1_200_000), monthlyCashBurn: Ratio(180_000),
        monthlyComputeUnits: Ratio(60_000), computeUnitPrice: fraction(5, 2)),
      drop: .zero, market: TokenMarket())
    let projection = OfferProjection(offer: offer, inputs: inputs)
    let runway = projection.run(.redeem, drop: .zero)
    #expect(runway.runway == Ratio(910, 33))
    #expect(runway.months[0].unitsBoughtWithCash == Ratio(60_000))
    #expect(runway.months[1].unitsBoughtWithCash == .zero)
    #expect(runway.months[6].cashOut == Ratio(180_000))
    #expect(runway.months[7].cashStart == Ratio(6_790_000))
    #expect(runway.months[7].unitsBoughtWithCash == Ratio(60_000))
    #expect(projection.computeUnits == Ratio(600_000))
    offer.computeSAFEs = []
    #expect(
      OfferProjection(offer: offer, inputs: inputs).run(.redeem, drop: .zero).runway
        == Ratio(820, 33))
  }
}
