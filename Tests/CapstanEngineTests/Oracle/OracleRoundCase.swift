import CapstanEngine
import CapstanModel

/// Random rounds for the oracle property tests.
///
/// `agreed` draws what the engine and issue 13 already read the same way: pools (none, stated,
/// target), post- and pre-money SAFEs, notes on both day counts and both compoundings, MFN
/// elections, pre-money, post-money and stated 4-place prices, the including- and
/// excluding-conversions bases. Caps are at least 6 times their amount and there are at most 4
/// converting securities, so the conversions can never take the whole company.
enum OracleRoundCase {
  static let closing = CalendarDate(daysSinceEpoch: 20_500)

  /// The capitalization before the round: founders, sometimes option holders, a seed fund
  /// and an unissued pool.
  static func capitalization(_ rng: inout SplitMix64) -> PreRoundCapitalization {
    var holdings: [PreRoundCapitalization.Holding] = [
      .init("Founders", stock: Shares(rng.int(1_000_000...10_000_000)))
    ]
    if rng.chance(1, in: 2) {
      holdings.append(.init("Option holders", options: Shares(rng.int(1...2_000_000))))
    }
    if rng.chance(1, in: 2) {
      holdings.append(.init("Seed Fund", stock: Shares(rng.int(1...3_000_000))))
    }
    let pool = rng.chance(1, in: 2) ? rng.int(0...2_000_000) : 0
    return PreRoundCapitalization(holdings: holdings, unissuedPool: Shares(pool))
  }

  /// A SAFE or note of about `scale` dollars, numbered `index`.
  static func converter(_ index: Int, scale: Int64, _ rng: inout SplitMix64)
    -> (safe: SAFE?, note: ConvertibleNote?)
  {
    let amount = Ratio(rng.int(max(1, scale / 10)...scale))
    let cap: Ratio? = rng.chance(3, in: 4) ? amount * Ratio(rng.int(6...40)) : nil
    let discount: Ratio? = rng.chance(1, in: 2) ? Ratio(rng.int(0...30), 100) : nil
    let issued = closing.adding(days: -Int(rng.int(30...1_500)))
    switch rng.int(0...2) {
    case 0, 1:
      let safe = SAFE(
        id: SecurityID("SAFE-\(index)"), holder: .newInvestor("Holder \(index)"),
        kind: rng.chance(1, in: 2) ? .postMoney : .preMoney, purchaseAmount: amount,
        valuationCap: cap, discount: discount, issued: closing.adding(days: -2_000 + 10 * index))
      return (safe, nil)
    default:
      let note = ConvertibleNote(
        id: SecurityID("CN-\(index)"), holder: .newInvestor("Holder \(index)"), principal: amount,
        interestRate: Ratio(rng.int(0...12), 100),
        compounding: rng.chance(1, in: 2) ? .simple : .annual,
        dayCount: rng.chance(1, in: 2) ? .actual365 : .thirty360, issued: issued,
        valuationCap: cap, discount: discount,
        capBasis: CapitalizationBasis.allCases[Int(rng.int(0...2))])
      return (nil, note)
    }
  }

  /// A round both readings agree on (see the type's note).
  static func agreed(_ rng: inout SplitMix64) -> RoundInput {
    let capitalization = capitalization(&rng)
    let preMoney = rng.int(5_000_000...100_000_000)
    var safes: [SAFE] = []
    var notes: [ConvertibleNote] = []
    for index in 0..<Int(rng.int(0...4)) {
      let drawn = converter(index + 1, scale: preMoney / 10, &rng)
      if let safe = drawn.safe { safes.append(safe) }
      if let note = drawn.note { notes.append(note) }
    }
    // MFN: the first SAFE adopts the terms of the last one (signed later).
    if safes.count >= 2, rng.chance(1, in: 3), let last = safes.last {
      safes[0].mostFavoredNation = .adopting(last.id)
    }
    let investors = (0..<Int(rng.int(1...3))).map {
      Investor(
        .newInvestor("Investor \($0 + 1)"), amount: Ratio(rng.int(preMoney / 40...preMoney / 4)))
    }
    let newMoney = Ratio.sum(investors.map(\.amount))
    let valuation: Valuation
    switch rng.int(0...9) {
    case 0...6: valuation = .preMoney(Ratio(preMoney))
    case 7, 8: valuation = .postMoney(Ratio(preMoney) + newMoney)
    default: valuation = .pricePerShare(Ratio(rng.int(1_000...100_000), 10_000))
    }
    let pool: PoolTopUp
    switch rng.int(0...2) {
    case 0: pool = .none
    case 1: pool = .increase(Shares(rng.int(0...1_000_000)))
    default: pool = .target(Ratio(rng.int(5...20), 100))
    }
    return RoundInput(
      capitalization: capitalization, safes: safes, notes: notes, valuation: valuation,
      investors: investors, pool: pool,
      pricingBasis: rng.chance(2, in: 3) ? .includingConversions : .excludingConversions,
      closing: closing)
  }

  /// A down round on a cap table with a protected Series A (any protection kind), priced
  /// below its conversion price; no conversions, pool or pro rata.
  static func downRound(_ rng: inout SplitMix64) -> (RoundInput, OracleProtectedSeries) {
    let shares = rng.int(100_000...5_000_000)
    let originalIssuePrice = Ratio(rng.int(5_000...50_000), 10_000)
    // A conversion price already adjusted once, sometimes.
    let cp1 =
      rng.chance(1, in: 3)
      ? (originalIssuePrice * Ratio(rng.int(70...99), 100)).rounded(places: 4, .halfUp)
      : originalIssuePrice
    let protection = AntiDilution.allCases[Int(rng.int(0...Int64(AntiDilution.allCases.count - 1)))]
    let series = OracleProtectedSeries(
      holder: "Fund A", shares: shares, originalIssuePrice: originalIssuePrice, cp1: cp1,
      protection: protection)
    var holdings: [PreRoundCapitalization.Holding] = [
      .init("Founders", stock: Shares(rng.int(1_000_000...10_000_000))),
      .init("Fund A", stock: Shares(series.asConverted(at: cp1))),
    ]
    if rng.chance(1, in: 2) {
      holdings.append(.init("Option holders", options: Shares(rng.int(1...2_000_000))))
    }
    let price = (cp1 * Ratio(rng.int(20...99), 100)).rounded(places: 4, .halfUp)
    let input = RoundInput(
      capitalization: PreRoundCapitalization(holdings: holdings, unissuedPool: .zero),
      valuation: .pricePerShare(max(price, Ratio(1, 10_000))),
      investors: [Investor("Lead", amount: Ratio(rng.int(100_000...20_000_000)))],
      closing: closing)
    return (input, series)
  }
}
