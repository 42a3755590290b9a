import CapstanModel

/// What a scenario's steps produced, in order.
public struct ScenarioOutcome: Sendable {
  /// One step's result.
  public enum Step: Sendable {
    /// A priced round and its result.
    case round(name: String, result: RoundResult)
    /// A plain issuance, with the fully diluted total after it.
    case issue(holder: String, shares: Shares, date: CalendarDate, fullyDilutedAfter: Shares)
    /// An exit: evaluated on the ledger the steps before it write (see `ScenarioApplier`).
    case exit(ScenarioExit, index: Int)
  }

  /// The steps.
  public var steps: [Step]
  /// The capitalization after the last step.
  public var final: PreRoundCapitalization
}

extension Scenario {
  /// Runs the events in order; each round sees the capitalization the steps before it left.
  ///
  /// SAFEs and notes convert in the first priced round; after it their holders hold the
  /// conversion shares, the new investors their shares, and the pool its increase.
  public func evaluate() throws(RoundError) -> ScenarioOutcome {
    var capitalization = PreRoundCapitalization(holdings: holdings, unissuedPool: pool)
    var pendingSAFEs = safes
    var pendingNotes = notes
    var steps: [ScenarioOutcome.Step] = []
    for (position, event) in events.enumerated() {
      switch event {
      case .exit(let exit):
        // The events before the exit (vesting events make no step of their own).
        steps.append(.exit(exit, index: position))
      case .vesting:
        continue
      case .issue(let holder, let shares, let date):
        capitalization = capitalization.adding(stock: shares, to: holder)
        steps.append(
          .issue(
            holder: holder, shares: shares, date: date,
            fullyDilutedAfter: capitalization.fullyDilutedShares))
      case .round(let round):
        let input = RoundInput(
          capitalization: capitalization, safes: pendingSAFEs, notes: pendingNotes,
          valuation: round.valuation, investors: round.allInvestors, pool: round.pool,
          pricingBasis: round.pricingBasis, proRata: round.proRata, closing: round.date,
          rounding: rounding)
        let result = try PricedRound.model(input)
        steps.append(.round(name: round.name, result: result))
        capitalization = capitalization.after(result)
        pendingSAFEs = []
        pendingNotes = []
      }
    }
    return ScenarioOutcome(steps: steps, final: capitalization)
  }
}

extension PreRoundCapitalization {
  /// Fully diluted shares as a count: stock, options and the unissued pool.
  public var fullyDilutedShares: Shares {
    holdings.reduce(unissuedPool) { $0 + $1.stock + $1.options }
  }

  /// The same capitalization with `stock` more shares for `holder` (a new holding if needed).
  public func adding(stock: Shares, to holder: String) -> PreRoundCapitalization {
    var copy = self
    if let index = copy.holdings.firstIndex(where: { $0.holder == holder }) {
      copy.holdings[index].stock += stock
    } else {
      copy.holdings.append(Holding(holder, stock: stock))
    }
    return copy
  }

  /// The capitalization after a round: conversion, new-money and pro rata shares become
  /// stock of their holders, and the pool grows by its increase.
  public func after(_ result: RoundResult) -> PreRoundCapitalization {
    var copy = self
    for row in result.proForma.rows where row.kind == .holder {
      let added = row.conversion + row.newMoney + row.proRata
      if added > .zero { copy = copy.adding(stock: added, to: row.name) }
    }
    copy.unissuedPool += result.pool.increase
    return copy
  }
}
