import CapstanEngine
import CapstanModel
import Testing

/// The round examples of issue 13, each derived by hand with exact fractions (round price
/// half-up to 4 decimals, conversion prices exact, shares floored per holder).
@Suite struct DealMathExampleTests {
  /// Safe Preferred. Founders 8,000,000; post-money SAFE $1,000,000 at a $10,000,000 cap;
  /// $3,000,000 at $30,000,000 pre-money.
  /// CC = 8,000,000 + S with S = 1,000,000 × CC ÷ 10,000,000, so CC = 8,000,000 ÷ 0.9 =
  /// 80,000,000/9; price = 30,000,000 ÷ CC = $3.3750 exactly; cap price 10,000,000 ÷ CC =
  /// $1.125; the SAFE ⌊888,888.9⌋ = 888,888, the lead ⌊3,000,000 ÷ 3.375⌋ = 888,888; post-money
  /// 8,000,000 + 888,888 + 888,888 = 9,777,776; 888,888 ÷ 9,777,776 = 9.0909 % each.
  static func safePreferred() throws -> RoundInput {
    RoundInput(
      capitalization: capitalization(founders: 8_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(10_000_000))
      ],
      valuation: .preMoney(Ratio(30_000_000)),
      investors: [Investor("Lead", amount: Ratio(3_000_000))], closing: try date("2026-03-01"))
  }

  @Test func safePreferredRound() throws {
    let result = try PricedRound.model(try Self.safePreferred())
    #expect(result.price.rounded == (try exact("3.375")))
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.conversionPrice == (try exact("1.125")))
    #expect(safe.shares == 888_888)
    #expect(result.investors.map(\.shares) == [888_888])
    #expect(result.postMoneyFullyDiluted == 9_777_776)
    #expect(result.proForma.row("Angel")?.fractionAfter == ratio(888_888, 9_777_776))
    #expect(
      (ratio(888_888, 9_777_776) * Ratio(100)).decimalString(places: 4) == "9.0909")
  }

  /// The SAFE converts below the round price, so it gets its own sub-series, priced at its
  /// conversion price; with the company setting `roundClass` it joins the round class.
  @Test func safePreferredSubSeries() throws {
    let result = try PricedRound.model(try Self.safePreferred())
    #expect(result.conversionSeries(className: "Series A", policy: .subSeries) == ["Series A-1"])
    let closing = result.closing(newClass: NewClassTerms(name: "Series A"))
    #expect(closing.conversions.map(\.subSeries) == ["Series A-1"])
    #expect(closing.conversions.map(\.price) == [try exact("1.125")])
    #expect(closing.price == (try exact("3.375")))
    let roundClass = result.closing(
      newClass: NewClassTerms(name: "Series A"), conversionSeries: .roundClass)
    #expect(roundClass.conversions.map(\.subSeries) == [nil])
  }

  /// Two SAFEs: one capped (converts below the round price: `Series A-1`), one without cap or
  /// discount (converts at the round price: joins `Series A`), a capped note (`Series A-2`).
  /// Only the order and the price decide the names, so no share counts are needed here.
  @Test func onlyInstrumentsBelowTheRoundPriceGetASubSeries() throws {
    var input = try Self.safePreferred()
    input.safes.append(SAFE(id: "SAFE-2", holder: "Friend", purchaseAmount: Ratio(100_000)))
    input.notes = [
      ConvertibleNote(
        id: "N-1", holder: "Bank", principal: Ratio(200_000), interestRate: .zero,
        issued: try date("2026-01-01"), valuationCap: Ratio(12_000_000),
        capBasis: .preMoneyFullyDiluted)
    ]
    let result = try PricedRound.model(input)
    #expect(result.conversions.map(\.binding) == [.cap, .roundPrice, .cap])
    #expect(
      result.conversionSeries(className: "Series A", policy: .subSeries)
        == ["Series A-1", "Series A", "Series A-2"])
  }

  /// Pricing bases. Founders 4,000,000; a pre-money SAFE of $1,000,000 at a 25 % discount, no
  /// cap; $3,000,000 at $12,000,000 pre-money.
  /// including-conversions: p = 12,000,000 ÷ (4,000,000 + 1,000,000 ÷ 0.75p), so 4,000,000 p =
  ///   12,000,000 − 1,333,333.33, p = 2.666667 → $2.6667; discount price 0.75 × 2.6667 =
  ///   2.000025; SAFE ⌊499,993.75⌋ = 499,993; lead ⌊1,124,985.9⌋; post 5,624,978.
  /// excluding-conversions: p = 12,000,000 ÷ 4,000,000 = $3.0000; SAFE at 2.25: 444,444; lead
  ///   1,000,000; post 5,444,444.
  /// dollars-invested: p = 13,000,000 ÷ (4,000,000 + 1,000,000 ÷ 0.75p), 4,000,000 p =
  ///   11,666,666.67, p = 2.916667 → $2.9167; SAFE at 2.187525: ⌊457,137.6⌋ = 457,137; lead
  ///   ⌊1,028,559.7⌋ = 1,028,559; post 5,485,696. Founders keep 4,000,000 ÷ 5,485,696 =
  ///   72.92 %, between 71.11 % (including) and 73.47 % (excluding).
  @Test(arguments: [
    (PricingBasis.includingConversions, "2.6667", "2.000025", 499_993, 1_124_985, 5_624_978),
    (.excludingConversions, "3", "2.25", 444_444, 1_000_000, 5_444_444),
    (.dollarsInvested, "2.9167", "2.187525", 457_137, 1_028_559, 5_485_696),
  ])
  func pricingBases(
    _ basis: PricingBasis, _ price: String, _ conversionPrice: String, _ safeShares: Int64,
    _ leadShares: Int64, _ post: Int64
  ) throws {
    let result = try PricedRound.model(
      RoundInput(
        capitalization: capitalization(founders: 4_000_000),
        safes: [
          SAFE(
            id: "SAFE-1", holder: "Angel", kind: .preMoney, purchaseAmount: Ratio(1_000_000),
            discount: ratio(1, 4))
        ],
        valuation: .preMoney(Ratio(12_000_000)),
        investors: [Investor("Lead", amount: Ratio(3_000_000))], pricingBasis: basis,
        closing: try date("2026-03-01")))
    #expect(result.price.rounded == (try exact(price)))
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.conversionPrice == (try exact(conversionPrice)))
    #expect(safe.shares == Shares(safeShares))
    #expect(result.investors.map(\.shares) == [Shares(leadShares)])
    #expect(result.postMoneyFullyDiluted == Shares(post))
  }

  /// Pro rata side letter. Founders 9,000,000; post-money SAFE $1,500,000 at a $15,000,000 cap
  /// with a side letter; $6,000,000 at $27,000,000 pre-money; pool increase 500,000.
  /// CC = 9,000,000 + S (no pool increase), S = 0.1 CC: CC = 10,000,000, S = 1,000,000 at
  /// $1.50. Price 27,000,000 ÷ (9,000,000 + 500,000 + 1,000,000) = 2.571428 → $2.5714. The
  /// round sells ⌊6,000,000 ÷ 2.5714⌋ = 2,333,359; the fraction is 1,000,000 ÷ (9,000,000 + 0
  /// pool + 1,000,000) = 10 %: ⌊233,335.9⌋ = 233,335 shares, 233,335 × 2.5714 = $599,997.619;
  /// the lead keeps 2,333,359 − 233,335 = 2,100,024; post 9,000,000 + 500,000 + 1,000,000 +
  /// 2,333,359 = 12,833,359.
  @Test func proRataSideLetter() throws {
    let result = try PricedRound.model(
      RoundInput(
        capitalization: capitalization(founders: 9_000_000),
        safes: [
          SAFE(
            id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(1_500_000),
            valuationCap: Ratio(15_000_000), proRata: true)
        ],
        valuation: .preMoney(Ratio(27_000_000)),
        investors: [Investor("Lead", amount: Ratio(6_000_000))], pool: .increase(500_000),
        proRata: [.init("Angel", take: .full)], closing: try date("2026-03-01")))
    #expect(result.price.rounded == (try exact("2.5714")))
    let safe = try conversion(result, "SAFE-1")
    #expect(safe.conversionPrice == (try exact("1.5")))
    #expect(safe.shares == 1_000_000)
    let angel = try #require(result.proRata.first)
    #expect(angel.fraction == ratio(1, 10))
    #expect(angel.shares == 233_335)
    #expect(angel.taken == (try exact("599997.619")))
    #expect(result.investors.map(\.shares) == [2_100_024])
    #expect(result.postMoneyFullyDiluted == 12_833_359)
  }

  /// Anti-dilution with a pro rata purchase. Founders 2,000,000; Fund A 1,000,000 Series A at
  /// $2.00 (an investors' rights pro rata right); Series B at a stated $1.00 raising
  /// $1,000,000. Fund A's fraction 1,000,000 ÷ (3,000,000 − 0 pool) = 1/3 of the 1,000,000
  /// shares sold: 333,333; the lead 666,667. C counts both: 1,000,000 shares for $1,000,000;
  /// A = 3,000,000, B = 1,000,000 ÷ 2.00 = 500,000: CP2 = 2.00 × 3,500,000 ÷ 4,000,000 =
  /// $1.75; 1,000,000 × 2 ÷ 1.75 = ⌊1,142,857.1⌋ = 1,142,857.
  @Test func antiDilutionCountsProRataPurchases() throws {
    let result = try PricedRound.model(
      RoundInput(
        capitalization: PreRoundCapitalization(
          holdings: [
            .init("Founders", stock: 2_000_000),
            .init("Fund A", stock: 1_000_000, proRataRight: true),
          ], unissuedPool: .zero),
        valuation: .pricePerShare(.one),
        investors: [Investor("Lead", amount: Ratio(1_000_000))],
        proRata: [.init("Fund A", take: .full)], closing: try date("2026-03-01")))
    #expect(result.proRata.first?.shares == 333_333)
    #expect(result.investors.map(\.shares) == [666_667])
    let issued =
      result.investors.reduce(Shares.zero) { $0 + $1.shares }
      + result.proRata.reduce(Shares.zero) { $0 + $1.shares }
    let money =
      result.investors.reduce(Ratio.zero) { $0 + $1.cost }
      + result.proRata.reduce(Ratio.zero) { $0 + $1.taken }
    #expect(issued == 1_000_000)
    #expect(money == Ratio(1_000_000))
    let adjustment = try ConversionPriceAdjustment(
      protection: .broadBasedWeightedAverage, originalIssuePrice: Ratio(2), cp1: Ratio(2),
      shares: 1_000_000, issuance: DilutiveIssuance(newMoney: money, sharesIssued: issued),
      base: AntiDilutionBase(
        commonOutstanding: 2_000_000, preferredAsConverted: 1_000_000, optionsOutstanding: 0))
    #expect(adjustment.cp2 == ratio(7, 4))
    #expect(adjustment.asConvertedShares == 1_142_857)
  }

  /// A stated price is used exactly as given, not rounded to 4 decimals: $1.23456 buys
  /// ⌊1,000,000 ÷ 1.23456⌋ = ⌊810,005.18⌋ = 810,005 shares.
  @Test func statedPriceIsExact() throws {
    let result = try PricedRound.model(
      RoundInput(
        capitalization: capitalization(founders: 1_000_000),
        valuation: .pricePerShare(try exact("1.23456")),
        investors: [Investor("Lead", amount: Ratio(1_000_000))], closing: try date("2026-03-01")))
    #expect(result.price.rounded == (try exact("1.23456")))
    #expect(result.investors.map(\.shares) == [810_005])
  }
}
