import CapstanEngine
import CapstanModel
import PropertyBased
import Testing

/// A random but valid round: caps at least twice the SAFE amount and a pre-money at least
/// four times it (so the conversions cannot swallow the company), new money at most the
/// pre-money and a pool target of at most 25 % (so the target can be reached). Sometimes the
/// founders or the SAFE holder take their full pro rata share.
struct RandomRound: Sendable, CustomStringConvertible {
  let founders: Int64
  let options: Int64
  let pool: Int64
  let preMoney: Int64
  let investments: [Int64]
  let safe: SAFE?
  let proRataHolder: String?

  var description: String {
    let safeText =
      safe.map {
        "\($0.kind.rawValue) SAFE \($0.purchaseAmount.fractionString) cap "
          + "\($0.terms.valuationCap?.fractionString ?? "none") discount "
          + "\($0.terms.discount?.fractionString ?? "none")"
      } ?? "no SAFE"
    return "founders \(founders), options \(options), pool \(pool), pre-money \(preMoney), "
      + "investments \(investments), \(safeText), pro rata \(proRataHolder ?? "none")"
  }

  func input(_ valuation: Valuation? = nil, pool topUp: PoolTopUp = .none) -> RoundInput {
    RoundInput(
      capitalization: PreRoundCapitalization(
        holdings: [
          .init("Founders", stock: Shares(founders), proRataRight: true),
          .init("Option holders", options: Shares(options)),
        ],
        unissuedPool: Shares(pool)),
      safes: safe.map { [$0] } ?? [], valuation: valuation ?? .preMoney(Ratio(preMoney)),
      investors: investments.enumerated().map {
        Investor(.newInvestor("Investor \($0)"), amount: Ratio($1))
      },
      pool: topUp,
      proRata: proRataHolder.map { [ProRataElection(.newInvestor($0), take: .full)] } ?? [],
      closing: CalendarDate(daysSinceEpoch: 20_500))
  }

  static let generator = zip(
    Gen.int64(in: 1_000...5_000_000), Gen.int64(in: 0...1_000_000),
    Gen.int64(in: 0...1_000_000), Gen.int64(in: 100_000...100_000_000),
    Gen.int64(in: 1...100).array(of: 1...3), Gen.int64(in: 0...2),
    Gen.int64(in: 1...25), Gen.int64(in: 2...40), Gen.int64(in: 0...30), Gen.int64(in: 0...2)
  ).map {
    founders, options, pool, preMoney, shares, safeKind, safeShare, capMultiple, discount,
    proRata in
    // Investments are shares (in hundredths) of the pre-money: at most 100 % in all.
    let total = shares.reduce(0, +)
    let investments = shares.map { max(1, preMoney * $0 / max(total, 100)) }
    // The SAFE's amount is at most a quarter of the pre-money; its cap 2x to 40x its amount.
    let amount = max(1, preMoney * safeShare / 100)
    let safe: SAFE? =
      safeKind == 0
      ? nil
      : SAFE(
        id: "SAFE-1", holder: "Angel", kind: safeKind == 1 ? .postMoney : .preMoney,
        purchaseAmount: Ratio(amount), valuationCap: Ratio(amount * capMultiple),
        discount: discount == 0 ? nil : Ratio(discount, 100), proRata: true)
    let holder: String? =
      switch proRata {
      case 1: "Founders"
      case 2 where safe != nil: "Angel"
      default: nil
      }
    return RandomRound(
      founders: founders, options: options, pool: pool, preMoney: preMoney,
      investments: investments, safe: safe, proRataHolder: holder)
  }
}

/// The round's result, or nil after recording the error as an issue.
///
/// `propertyCheck` swallows errors thrown by its body (it runs it under `try?`), so property
/// bodies must not throw: a thrown error would pass silently.
func modelled(_ input: RoundInput, _ context: CustomStringConvertible) -> RoundResult? {
  do {
    return try PricedRound.model(input)
  } catch {
    Issue.record("\(error) for \(context)")
    return nil
  }
}

@Suite struct PricedRoundPropertyTests {
  /// Exactly, price × post-money fully diluted = pre-money + new money. After rounding, they
  /// differ by at most the price rounding over the pricing shares plus one share's price per
  /// buyer (each buyer's fraction of a share is dropped).
  @Test func postMoneyValuationIsPriceTimesShares() async {
    await propertyCheck(count: 100, input: RandomRound.generator) { round in
      guard let result = modelled(round.input(), round) else { return }
      let exact = result.exactSolution
      if round.proRataHolder == nil {
        // (Pro rata amounts are measured on whole shares in the result, fractional here.)
        #expect(exact.price * exact.postMoneyFullyDiluted == result.postMoneyValuation)
      }

      let price = result.price
      let gap = (result.postMoneyValuation - result.impliedPostMoneyValuation).magnitude
      let bound =
        (price.exact - price.rounded).magnitude * result.pricingShares.ratio
        + price.rounded * Ratio(result.investors.count + result.proRata.count)
      #expect(gap <= bound, "\(round)")
    }
  }

  /// With a stated price and one investor, nothing is rounded but the investor's shares: the
  /// post-money valuation is the price times post-money fully diluted shares, within one
  /// share's price.
  @Test func statedPriceIsWithinOneSharesPrice() async {
    await propertyCheck(
      count: 100, input: RandomRound.generator, Gen.int64(in: 1...500_000)
    ) { round, tenThousandths in
      let price = Ratio(tenThousandths, 10_000)
      var input = round.input(.pricePerShare(price))
      input.investors = [input.investors[0]]
      input.proRata = []
      guard let result = modelled(input, round) else { return }
      let gap = result.postMoneyValuation - result.impliedPostMoneyValuation
      #expect(!gap.isNegative && gap < price, "\(round), price \(price)")
    }
  }

  /// The pool increase is the smallest whole number of shares that meets the target in the
  /// exact solution: it meets it, one share fewer does not, nor does any smaller increase tried.
  @Test func poolTargetIsMetWithTheSmallestWholeIncrease() async {
    await propertyCheck(count: 60, input: RandomRound.generator, Gen.int64(in: 1...25)) {
      round, percent in
      let target = Ratio(percent, 100)
      guard let result = modelled(round.input(pool: .target(target)), round) else {
        return
      }
      let increase = result.pool.increase
      #expect(result.exactSolution.unissuedPoolFraction >= target, "\(round)")
      #expect(result.pool.target?.exactFraction == result.exactSolution.unissuedPoolFraction)
      guard increase > .zero else { return }
      for fewer in Set([increase.count - 1, increase.count / 2, increase.count / 4, 0]) {
        guard let smaller = modelled(round.input(pool: .increase(Shares(fewer))), round) else {
          return
        }
        #expect(smaller.exactSolution.unissuedPoolFraction < target, "\(round), \(fewer)")
      }
      #expect(result.pool.target?.exactFractionWithOneFewer.map { $0 < target } == true)
    }
  }

  /// Every pro forma column adds up: shares to the totals, fractions to exactly 1.
  @Test func proFormaAddsUp() async {
    await propertyCheck(count: 100, input: RandomRound.generator, Gen.int64(in: 0...25)) {
      round, percent in
      let input = round.input(pool: .target(Ratio(percent, 100)))
      guard let result = modelled(input, round) else { return }
      let rows = result.proForma.rows
      #expect(rows.reduce(Shares.zero) { $0 + $1.after } == result.postMoneyFullyDiluted)
      #expect(rows.reduce(Shares.zero) { $0 + $1.before } == result.proForma.totalBefore)
      #expect(Ratio.sum(rows.map(\.fractionAfter)) == .one)
      #expect(Ratio.sum(rows.map(\.fractionBefore)) == .one)
    }
  }
}
