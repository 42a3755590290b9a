import CapstanEngine
import CapstanModel
import Testing

/// The model's pro forma equals the table after `round close`, holder by holder, on random
/// companies (founders, sometimes a protected Series Seed, post-money SAFEs) and random rounds
/// (up and down). Rounds that adjust a conversion price are checked separately: today's model
/// leaves the adjustment out of its pro forma (issue 13, item 6).
@Suite struct OracleRoundClosePropertyTests {
  /// A random company and round, modelled and closed; nil when the engine refuses the round.
  static func closedRound(_ seed: UInt64) throws -> (
    model: RoundResult, closed: OwnershipView, adjusted: Bool
  )? {
    var rng = SplitMix64(seed: seed)
    let seedPrice = Ratio(rng.int(5_000...30_000), 10_000)
    let protection = AntiDilution.allCases[Int(rng.int(0...3))]
    let founders = rng.int(1_000_000...10_000_000)
    let company = try OracleCompany(
      founders: Shares(founders),
      preferred: rng.chance(2, in: 3)
        ? (
          holder: "Seed Fund", className: "Series Seed",
          shares: Shares(rng.int(100_000...3_000_000)), price: seedPrice
        ) : nil,
      protection: protection,
      safes: (0..<Int(rng.int(0...2))).map { _ in
        let amount = rng.int(50_000...2_000_000)
        return (amount: Ratio(amount), cap: Ratio(amount * rng.int(6...40)))
      })
    // A price between a fifth of the Seed's and twice it: down rounds and up rounds.
    let price = (seedPrice * Ratio(rng.int(20...200), 100)).rounded(places: 4, .halfUp)
    let valuation: Valuation =
      rng.chance(1, in: 2)
      ? .pricePerShare(price) : .preMoney(price * Ratio(founders + rng.int(0...3_000_000)))
    let model: RoundResult
    do {
      model = try company.model(
        valuation: valuation,
        investors: [Investor("Lead", amount: Ratio(rng.int(500_000...20_000_000)))])
    } catch {
      return nil
    }
    let adjusted = try !model.antiDilution(on: company.table(), policy: .standard).isEmpty
    try company.close(model)
    let closed = OwnershipView(try company.table(), basis: .fullyDiluted, grouping: .holder)
    return (model, closed, adjusted)
  }

  /// What the model's pro forma and the closed table disagree on, or nil.
  static func differences(_ model: RoundResult, _ closed: OwnershipView) -> String? {
    var found: [String] = []
    if model.postMoneyFullyDiluted != closed.total {
      found.append("total \(model.postMoneyFullyDiluted.count) vs \(closed.total.count)")
    }
    for row in model.proForma.rows where row.kind == .holder {
      let after = closed.rows.first { $0.name == row.name }?.total ?? .zero
      if row.after != after { found.append("\(row.name) \(row.after.count) vs \(after.count)") }
    }
    return found.isEmpty ? nil : found.joined(separator: "; ")
  }

  @Test func modelEqualsClosedTable() {
    var compared = 0
    OracleRoundPropertyTests.run(standard: 30) { seed in
      do {
        guard let round = try Self.closedRound(seed), !round.adjusted else { return nil }
        compared += 1
        return Self.differences(round.model, round.closed)
      } catch {
        return "the ledger refused the round: \(error)"
      }
    }
  }

  @Test func modelEqualsClosedTableAfterAntiDilution() {
    do {
      OracleRoundPropertyTests.run(standard: 30) { seed in
        do {
          guard let round = try Self.closedRound(seed), round.adjusted else { return nil }
          return Self.differences(round.model, round.closed)
        } catch {
          return "the ledger refused the round: \(error)"
        }
      }
    }
  }

  /// Safe Preferred on random closed rounds (issue 13, item 2): the exit payouts of the closed
  /// table equal the oracle's with each SAFE in a sub-series whose preference per share is its
  /// conversion price (a SAFE converting at the round price joins the round's class).
  @Test func safesConvertIntoSubSeriesOnRandomRounds() {
    do {
      OracleRoundPropertyTests.run(standard: 20) { seed in
        var rng = SplitMix64(seed: seed)
        let founders = Shares(rng.int(1_000_000...10_000_000))
        let safes = (0..<Int(rng.int(1...2))).map { _ in
          let amount = rng.int(50_000...2_000_000)
          return (amount: Ratio(amount), cap: Ratio(amount * rng.int(6...40)))
        }
        do {
          let company = try OracleCompany(founders: founders, safes: safes)
          let model = try company.model(
            valuation: .preMoney(Ratio(rng.int(5_000_000...60_000_000))),
            investors: [Investor("Lead", amount: Ratio(rng.int(500_000...20_000_000)))])
          try company.close(model)
          var classes: [WaterfallClass] = [.common("Common", [ClassHolding("Founders", founders)])]
          var roundClass = model.investors.map { ClassHolding($0.name, $0.shares) }
          for conversion in model.conversions {
            let holding = ClassHolding(conversion.holder.name, conversion.shares)
            guard conversion.conversionPrice < model.price.rounded else {
              roundClass.append(holding)
              continue
            }
            classes.append(
              .preferred(
                "Sub-series \(conversion.id.rawValue)",
                PreferredTerms(originalIssuePrice: conversion.conversionPrice), [holding]))
          }
          classes.append(
            .preferred(
              "Series A", PreferredTerms(originalIssuePrice: model.price.rounded), roundClass))
          let oracle = OracleWaterfall(
            WaterfallCapitalization(classes: classes), includeOptions: false)
          let exit = Ratio(rng.int(0...60_000_000))
          guard let expected = oracle.payouts(exit) else { return "no stable oracle payout" }
          let paid = try company.exit(exit)
          for (shareClass, payout) in zip(classes, expected.classes) {
            let shares = shareClass.shares.ratio
            for holding in shareClass.holdings where !shares.isZero {
              let due = payout * holding.shares.ratio / shares
              let engine = paid.payout(named: holding.holderName)?.payout ?? .zero
              if engine != due {
                return "exit \(exit.decimalString(places: 2)): \(holding.holder) "
                  + "\(engine.decimalString(places: 2)) vs \(due.decimalString(places: 2))"
              }
            }
          }
          return nil
        } catch {
          return nil
        }
      }
    }
  }
}
