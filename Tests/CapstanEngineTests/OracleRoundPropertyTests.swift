import CapstanEngine
import CapstanModel
import Testing

/// The round engine against the oracle (`OracleRound`) on random rounds; each disagreement
/// is one recorded issue naming the case's seed (replay: docs/verification.md).
@Suite struct OracleRoundPropertyTests {
  /// What the engine's result and the oracle's outcome disagree on, or nil.
  static func differences(_ engine: RoundResult, _ oracle: OracleRoundOutcome) -> String? {
    var found: [String] = []
    if engine.price.rounded != oracle.price {
      found.append(
        "price \(engine.price.rounded.decimalString(places: 6)) vs "
          + oracle.price.decimalString(places: 6))
    }
    if engine.pool.increase.count != oracle.poolIncrease {
      found.append("pool increase \(engine.pool.increase.count) vs \(oracle.poolIncrease)")
    }
    for (mine, theirs) in zip(engine.conversions, oracle.conversions) {
      if mine.shares.count != theirs.shares || mine.conversionPrice != theirs.price {
        found.append(
          "\(mine.id.rawValue) \(mine.shares.count) at \(mine.conversionPrice.fractionString) vs "
            + "\(theirs.shares) at \(theirs.price.fractionString)")
      }
    }
    let engineInvestors = engine.investors.map(\.shares.count)
    if engineInvestors != oracle.investors.map(\.shares) {
      found.append("investors \(engineInvestors) vs \(oracle.investors.map(\.shares))")
    }
    if engine.postMoneyFullyDiluted.count != oracle.postMoneyFullyDiluted {
      found.append(
        "post-money fully diluted \(engine.postMoneyFullyDiluted.count) vs "
          + "\(oracle.postMoneyFullyDiluted)")
    }
    return found.isEmpty ? nil : found.joined(separator: "; ")
  }

  /// The engine's own totals agree: the pro forma's columns add to the round's fully diluted
  /// counts, and its fractions to exactly 1.
  static func totalsDisagree(_ engine: RoundResult, _ input: RoundInput) -> String? {
    let rows = engine.proForma.rows
    let after = rows.reduce(Int64(0)) { $0 + $1.after.count }
    let before = rows.reduce(Int64(0)) { $0 + $1.before.count }
    let fractions = Ratio.sum(rows.map(\.fractionAfter))
    guard after == engine.postMoneyFullyDiluted.count,
      Ratio(before) == input.capitalization.fullyDiluted, fractions == .one
    else {
      return "pro forma after \(after), before \(before), fractions \(fractions.fractionString); "
        + "post-money \(engine.postMoneyFullyDiluted.count)"
    }
    return nil
  }

  /// Runs `check` on each seed's case and records the first few failures with their seeds.
  static func run(standard: Int, _ check: (UInt64) -> String?) {
    var failures = 0
    for seed in OracleCases.seeds(standard: standard) {
      guard let failure = check(seed) else { continue }
      failures += 1
      if failures <= 5 { Issue.record("seed \(seed): \(failure)") }
    }
    if failures > 5 { Issue.record("\(failures) cases failed in all") }
  }

  @Test func engineRoundMatchesOracle() {
    var solved = 0
    var cases = 0
    Self.run(standard: 100) { seed in
      cases += 1
      var rng = SplitMix64(seed: seed)
      let input = OracleRoundCase.agreed(&rng)
      let oracle = OracleRound(input).outcome()
      let engine = try? PricedRound.model(input)
      switch (engine, oracle) {
      case (nil, nil):
        return nil
      case (let engine?, let oracle?):
        solved += 1
        if let different = Self.differences(engine, oracle) {
          return "\(different)\n  engine: \(engine.price.rounded.decimalString(places: 4))"
            + "\n  oracle: \(oracle)"
        }
        return Self.totalsDisagree(engine, input)
      case (nil, let oracle?):
        return "the engine threw; the oracle solved it: \(oracle)"
      case (.some, nil):
        return "the engine solved it; the oracle found no consistent solution"
      }
    }
    // The generator is meant to draw solvable rounds: a comparison of failures proves little.
    #expect(solved * 10 >= cases * 9, "only \(solved) of \(cases) random rounds were solved")
  }

  /// Down rounds with every protection kind: the engine's CP2 and as-converted shares
  /// (`ConversionPriceAdjustment` on the round's purchases) equal the oracle's.
  @Test func downRoundAntiDilutionMatchesOracle() {
    Self.run(standard: 100) { seed in
      var rng = SplitMix64(seed: seed)
      let (input, series) = OracleRoundCase.downRound(&rng)
      guard let oracle = OracleRound(input).outcome(protected: [series]) else {
        return "the oracle found no solution"
      }
      let engine: RoundResult
      let adjustment: ConversionPriceAdjustment
      do {
        engine = try PricedRound.model(input)
        let holdings = input.capitalization.holdings
        adjustment = try ConversionPriceAdjustment(
          protection: series.protection, originalIssuePrice: series.originalIssuePrice,
          cp1: series.cp1, shares: Shares(series.shares),
          issuance: DilutiveIssuance(
            newMoney: Ratio.sum(engine.investors.map(\.cost)),
            sharesIssued: engine.investors.reduce(Shares.zero) { $0 + $1.shares }),
          base: AntiDilutionBase(
            commonOutstanding: holdings.filter { $0.holder != "Fund A" }
              .reduce(Shares.zero) { $0 + $1.stock },
            preferredAsConverted: Shares(series.asConverted(at: series.cp1)),
            optionsOutstanding: holdings.reduce(Shares.zero) { $0 + $1.options }))
      } catch {
        return "the engine threw \(error)"
      }
      if let different = Self.differences(engine, oracle), !different.hasPrefix("post-money") {
        return different
      }
      let expected = oracle.adjustments.first
      let cp2 = expected?.cp2 ?? series.cp1
      let asConverted = expected?.asConverted ?? series.asConverted(at: series.cp1)
      guard adjustment.cp2 == cp2, adjustment.asConvertedShares.count == asConverted else {
        return "\(series.protection.rawValue): CP2 \(adjustment.cp2.decimalString(places: 4)) "
          + "→ \(adjustment.asConvertedShares.count) vs \(cp2.decimalString(places: 4)) → "
          + "\(asConverted)"
      }
      // The table after closing: the round's count plus the shares the adjustment adds.
      let closed =
        engine.postMoneyFullyDiluted.count + asConverted - series.asConverted(at: series.cp1)
      guard closed == oracle.postMoneyFullyDiluted else {
        return "closed table \(closed) vs \(oracle.postMoneyFullyDiluted)"
      }
      return nil
    }
  }
}
