import CapstanEngine
import CapstanModel
import Testing

/// SAFEs and notes outstanding at an exit: the YC liquidity-event clause (Cash-Out Amount or
/// Conversion Amount at the Liquidity Price) and its ranking clause, with the issue's example.
@Suite struct WaterfallLiquidityTests {
  static let founders = WaterfallClass.common("Common", [ClassHolding("Founders", 9_000_000)])
  /// Series Seed: 1,000,000 shares at $2.00, 1x non-participating.
  static let seed = WaterfallClass.preferred(
    "Series Seed", PreferredTerms(originalIssuePrice: Ratio(2)), [ClassHolding("Seed", 1_000_000)])

  /// A $1,000,000 SAFE at a $10,000,000 cap, post-money unless stated.
  static func safe(
    _ kind: LiquidityCapitalization = .postMoney, rank: ConvertibleRank = .withPreferred
  ) -> OutstandingConvertible {
    OutstandingConvertible(
      "SAFE-1", holder: "Angel", amount: Ratio(1_000_000),
      conversion: .liquidityPrice(cap: Ratio(10_000_000), kind), rank: rank)
  }

  /// The issue's "Safe outstanding at exit": founders 9,000,000 common, the Seed, the safe.
  static let example = WaterfallCapitalization(classes: [founders, seed], convertibles: [safe()])

  /// Liquidity Capitalization = 10,000,000 + S with S = $1M ÷ ($10M ÷ LC): S = LC ÷ 10, so
  /// LC = 10,000,000 ÷ (1 − 1/10) = 100,000,000/9 = 11,111,111.1…, Liquidity Price
  /// $10M ÷ LC = $0.90 exactly, S = ⌊1,000,000 ÷ 0.9⌋ = ⌊1,111,111.1…⌋ = 1,111,111.
  @Test func liquidityPriceCountsTheSafesOwnShares() throws {
    let waterfall = try compiled(Self.example)
    let liquidity = try #require(waterfall.liquidity.first)
    #expect(liquidity.capitalization == Ratio(100_000_000, 9))
    #expect(liquidity.price == Ratio(9, 10))
    #expect(liquidity.shares == 1_111_111)
  }

  /// $2,500,000 is below the preferences ($2,000,000 Seed + $1,000,000 cash-out): on par, pro
  /// rata to the full amounts due: Seed 2.5M × 2/3 = 1,666,666.67, safe 2.5M × 1/3 =
  /// 833,333.33, founders 0.
  @Test func belowThePreferencesTheSafeIsPaidOnParWithTheSeed() throws {
    let waterfall = try compiled(Self.example)
    let exit = Ratio(2_500_000)
    #expect(try payout(waterfall, "Seed", at: exit) == Ratio(5_000_000, 3))
    #expect(try payout(waterfall, "Angel", at: exit) == Ratio(2_500_000, 3))
    #expect(try payout(waterfall, "Founders", at: exit) == .zero)
    let cents = try waterfall.distribution(at: exit).holders
    #expect(cents.first { $0.holder == "Seed" }?.cents == 166_666_667)
    #expect(cents.first { $0.holder == "Angel" }?.cents == 83_333_333)
  }

  /// $100,000,000: the Seed converts (c > $2) and so does the safe (c > 1,000,000 ÷ 1,111,111):
  /// common per share = 100M ÷ (9,000,000 + 1,000,000 + 1,111,111) = 100M ÷ 11,111,111;
  /// safe 1,111,111 × c = 9,999,999.1000…, Seed 1,000,000 × c = 9,000,000.0900…, founders
  /// 9,000,000 × c = 81,000,000.81…; in cents $9,999,999.10, $9,000,000.09, $81,000,000.81.
  @Test func atOneHundredMillionEverythingConverts() throws {
    let waterfall = try compiled(Self.example)
    let exit = Ratio(100_000_000)
    let c = Ratio(100_000_000, 11_111_111)
    #expect(try payout(waterfall, "Angel", at: exit) == c * Ratio(1_111_111))
    #expect(try payout(waterfall, "Seed", at: exit) == c * Ratio(1_000_000))
    #expect(try payout(waterfall, "Founders", at: exit) == c * Ratio(9_000_000))
    let holders = try waterfall.distribution(at: exit).holders
    let cents = Dictionary(uniqueKeysWithValues: holders.map { ($0.holder, $0.cents) })
    #expect(cents == ["Angel": 999_999_910, "Seed": 900_000_009, "Founders": 8_100_000_081])
  }

  /// Without the Seed: LC = 9,000,000 + S, S = LC ÷ 10, so LC = 10,000,000 and S = 1,000,000;
  /// at $100M c = $10 and the safe receives exactly $10,000,000 (10 % of the company, as a
  /// post-money cap promises). The old reading (S = 1M × 9,000,000 ÷ 10M = 900,000) paid
  /// 100M × 900,000 ÷ 9,900,000 = $9,090,909.09.
  @Test func withoutTheSeedThePostMoneySafeGetsItsTenPercent() throws {
    let waterfall = try compiled(
      WaterfallCapitalization(
        classes: [Self.founders], convertibles: [Self.safe()]))
    #expect(waterfall.liquidity.first?.shares == 1_000_000)
    #expect(try payout(waterfall, "Angel", at: Ratio(100_000_000)) == Ratio(10_000_000))
    #expect(try payout(waterfall, "Founders", at: Ratio(100_000_000)) == Ratio(90_000_000))
  }

  /// A pre-money safe's Liquidity Capitalization leaves out safes and notes: LC = 9,000,000,
  /// price $10M ÷ 9M = $1.1111…, shares ⌊1M × 9M ÷ 10M⌋ = 900,000; at $100M it receives
  /// 100M × 900,000 ÷ 9,900,000 = 100,000,000/11 = $9,090,909.09 (its document's figure).
  @Test func preMoneySafeLeavesTheConvertiblesOut() throws {
    let waterfall = try compiled(
      WaterfallCapitalization(
        classes: [Self.founders], convertibles: [Self.safe(.preMoney)]))
    #expect(waterfall.liquidity.first?.capitalization == Ratio(9_000_000))
    #expect(waterfall.liquidity.first?.shares == 900_000)
    #expect(try payout(waterfall, "Angel", at: Ratio(100_000_000)) == Ratio(100_000_000, 11))
  }

  /// Options count in the Liquidity Capitalization when the waterfall counts them: founders
  /// 9,000,000 and 1,000,000 options at $1.00 exercised: LC = 10,000,000 + S, S = 1,111,111
  /// (as with the Seed). Excluded: LC = 9,000,000 + S, S = 1,000,000. Vested only (400,000):
  /// LC = 9,400,000 + S, S = LC ÷ 10, LC = 94,000,000/9, S = ⌊1,044,444.4…⌋ = 1,044,444.
  @Test(arguments: [
    (OptionTreatment.exercisedWhenInTheMoney, Shares(1_111_111)), (.exclude, 1_000_000),
    (.vested(asOf: CalendarDate(daysSinceEpoch: 20_000)), 1_044_444),
  ])
  func optionsCountAsTheWaterfallCountsThem(_ treatment: OptionTreatment, shares: Shares) throws {
    let capitalization = WaterfallCapitalization(
      classes: [Self.founders],
      options: [OptionHolding("Staff", 1_000_000, strike: .one, vesting: .vested(400_000))],
      convertibles: [Self.safe()])
    let waterfall = try compiled(capitalization, options: treatment)
    #expect(waterfall.liquidity.first?.shares == shares)
  }

  /// Two safes: the post-money one counts the other's shares too. Safe A $1M at a $10M cap
  /// (post-money), Safe B $500,000 at a $5M cap (pre-money), founders 9,000,000. B: 500,000 ×
  /// 9,000,000 ÷ 5M = 900,000 shares. A: LC = 9,000,000 + 900,000 + LC ÷ 10, LC = 11,000,000,
  /// shares 1,100,000.
  @Test func postMoneyCountsEveryConvertingSecurity() throws {
    let other = OutstandingConvertible(
      "SAFE-2", holder: "Bea", amount: Ratio(500_000),
      conversion: .liquidityPrice(cap: Ratio(5_000_000), .preMoney))
    let waterfall = try compiled(
      WaterfallCapitalization(
        classes: [Self.founders], convertibles: [Self.safe(), other]))
    #expect(waterfall.liquidity.map(\.shares) == [1_100_000, 900_000])
    #expect(waterfall.liquidity.first?.capitalization == Ratio(11_000_000))
  }

  /// A note's cash-out amount is principal plus interest, and so is what converts: $1,000,000
  /// with $80,000 interest at a $10M post-money cap over 9,000,000 founders: S = 1.08M × LC ÷
  /// 10M, LC = 9,000,000 ÷ (1 − 0.108) = 10,089,686.09…, S = ⌊1,089,686.09…⌋ = 1,089,686.
  @Test func noteConvertsPrincipalAndInterest() throws {
    let note = OutstandingConvertible(
      "N-1", holder: "Bank", kind: .note, amount: Ratio(1_000_000), interest: Ratio(80_000),
      conversion: .liquidityPrice(cap: Ratio(10_000_000), .postMoney))
    let waterfall = try compiled(
      WaterfallCapitalization(
        classes: [Self.founders], convertibles: [note]))
    #expect(waterfall.liquidity.first?.shares == 1_089_686)
    // Below its conversion point it takes 1,080,000 first.
    #expect(try payout(waterfall, "Bank", at: Ratio(2_000_000)) == Ratio(1_080_000))
  }

  /// Series A (rank 1) 1,000,000 at $1.00 and Series B (rank 2) 1,000,000 at $2.00 before a
  /// $1M safe; exit $2,500,000, below the $4,000,000 of preferences.
  /// - on par (default, the junior tier): B $2,000,000, then $500,000 for A and the safe pro
  ///   rata 1M : 1M, $250,000 each;
  /// - seniority 2: B and the safe share $2.5M pro rata 2M : 1M, $1,666,666.67 and $833,333.33;
  /// - as debt: the safe $1,000,000 first, B $1,500,000, A nothing.
  @Test(arguments: [
    (ConvertibleRank.withPreferred, Ratio(250_000), Ratio(2_000_000), Ratio(250_000)),
    (.seniority(2), Ratio(2_500_000, 3), Ratio(5_000_000, 3), .zero),
    (.debt, Ratio(1_000_000), Ratio(1_500_000), .zero),
  ])
  func rank(_ rank: ConvertibleRank, safe: Ratio, seriesB: Ratio, seriesA: Ratio) throws {
    let capitalization = WaterfallCapitalization(
      classes: [
        Self.founders,
        .preferred(
          "Series A", PreferredTerms(originalIssuePrice: .one, seniority: 1),
          [ClassHolding("Fund A", 1_000_000)]),
        .preferred(
          "Series B", PreferredTerms(originalIssuePrice: Ratio(2), seniority: 2),
          [ClassHolding("Fund B", 1_000_000)]),
      ], convertibles: [Self.safe(rank: rank)])
    let waterfall = try compiled(capitalization)
    let exit = Ratio(2_500_000)
    #expect(try payout(waterfall, "Angel", at: exit) == safe)
    #expect(try payout(waterfall, "Fund B", at: exit) == seriesB)
    #expect(try payout(waterfall, "Fund A", at: exit) == seriesA)
  }

  /// Caps that buy the whole company have no Liquidity Price: $1M at a $1M cap (k = 1).
  @Test func capsThatBuyTheWholeCompanyAreRefused() {
    let safe = OutstandingConvertible(
      "SAFE-1", holder: "Angel", amount: Ratio(1_000_000),
      conversion: .liquidityPrice(cap: Ratio(1_000_000), .postMoney))
    #expect(throws: WaterfallError.capsExceedCapitalization(["SAFE-1"])) {
      try Waterfall(WaterfallCapitalization(classes: [Self.founders], convertibles: [safe]))
    }
    let zero = OutstandingConvertible(
      "SAFE-1", holder: "Angel", amount: Ratio(1_000_000),
      conversion: .liquidityPrice(cap: .zero, .postMoney))
    #expect(throws: WaterfallError.nonPositiveValuationCap(convertible: "SAFE-1", .zero)) {
      try Waterfall(WaterfallCapitalization(classes: [Self.founders], convertibles: [zero]))
    }
  }

  /// The breakpoints: the preferences fill together at $3,000,000 (one rank), the safe converts
  /// at c = 1,000,000 ÷ 1,111,111 (D = 3,000,000 + 9,000,000 × c), the Seed at c = $2.
  @Test func breakpointsOfTheExample() throws {
    let schedule = try compiled(Self.example).schedule
    let c = Ratio(1_000_000, 1_111_111)
    #expect(
      schedule.breakpoints.map(\.exitValue)
        == [
          .zero, Ratio(3_000_000), Ratio(3_000_000) + Ratio(9_000_000) * c,
          Ratio(3_000_000) + Ratio(9_000_000) * c + Ratio(10_111_111) * (Ratio(2) - c),
        ])
    #expect(
      schedule.breakpoints[1].events
        == [.preferenceFilled(seniority: 1, names: ["Series Seed", "SAFE-1"])])
  }

  /// From a ledger: two stakeholders named alike (an import can bring them) are told apart the
  /// same way for stock and for a SAFE. Ada holds 9,000,000 common and Bank a $1M post-money
  /// SAFE at a $10M cap, both renamed "Alex": "Alex (ada)" and "Alex (bank)"; at $100M the
  /// SAFE receives $10,000,000 (S = 1,000,000 of LC = 10,000,000, as above).
  @Test func convertibleHoldersAreNamedAsStockHoldersAre() throws {
    let workspace = InMemoryWorkspace()
    let day = { (text: String) in CalendarDate(iso: text) ?? .today() }
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Alike Co", currency: .usd, incorporated: day("2024-01-01"))
      let ada = try draft.addStakeholder(name: "Ada")
      let bank = try draft.addStakeholder(name: "Bank", kind: .institution)
      let common = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 10_000_000), to: company.id)
      try draft.append(
        [
          (
            day("2024-01-01"),
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: ada.id, shareClass: common.id, quantity: 9_000_000,
                pricePerShare: Ratio(1, 10_000)))
          ),
          (
            day("2024-06-01"),
            .issueSAFE(
              SAFEIssuance(
                security: "SAFE-1", holder: bank.id, purchaseAmount: Ratio(1_000_000),
                valuationCap: Ratio(10_000_000)))
          ),
        ], to: company.id)
      return company
    }
    var ledger = try workspace.ledger(for: company.id)
    for id in ledger.stakeholders.keys { ledger.stakeholders[id]?.name = "Alex" }
    let table = try ledger.replay(asOf: day("2025-01-01"))
    let capitalization = WaterfallCapitalization(
      table, convertibles: try OutstandingConvertible.outstanding(in: table, on: table.asOf))
    let waterfall = try compiled(capitalization)
    let holders = try waterfall.distribution(at: Ratio(100_000_000)).holders
    #expect(holders.map(\.holderName) == ["Alex (ada)", "Alex (bank)"])
    #expect(holders.map(\.holder) == ["ada", "bank"])
    #expect(holders.last?.payout == Ratio(10_000_000))
  }
}
