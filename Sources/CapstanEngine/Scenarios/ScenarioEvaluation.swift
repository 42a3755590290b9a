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
    _ = try capitalization.checkedFullyDilutedShares()
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
        capitalization = try capitalization.adding(stock: shares, to: .newInvestor(holder))
        steps.append(
          .issue(
            holder: holder, shares: shares, date: date,
            fullyDilutedAfter: try capitalization.checkedFullyDilutedShares()))
      case .round(let round):
        let input = RoundInput(
          capitalization: capitalization, safes: pendingSAFEs, notes: pendingNotes,
          valuation: round.valuation, investors: round.allInvestors, pool: round.pool,
          pricingBasis: round.pricingBasis, proRata: round.proRata, closing: round.date,
          rounding: rounding)
        let result = try PricedRound.model(input)
        steps.append(.round(name: round.name, result: result))
        capitalization = try capitalization.after(result)
        pendingSAFEs = []
        pendingNotes = []
      }
    }
    return ScenarioOutcome(steps: steps, final: capitalization)
  }
}

extension PreRoundCapitalization {
  /// Fully diluted shares as a count: stock, options and the unissued pool.
  ///
  /// Clamped at `Int64.max` (use `checkedFullyDilutedShares()` where a total past it must be
  /// refused; scenario evaluation does).
  public var fullyDilutedShares: Shares {
    (try? checkedFullyDilutedShares()) ?? Shares(.max)
  }

  /// Fully diluted shares as a count, or `RoundError.overflow` when the total passes `Int64`
  /// (holdings each inside the share limit can still add up past it).
  public func checkedFullyDilutedShares() throws(RoundError) -> Shares {
    guard let total = fullyDiluted.floorInt64 else {
      throw .overflow("the fully diluted shares of the scenario (past 9,223,372,036,854,775,807)")
    }
    return Shares(total)
  }

  /// The same capitalization with `stock` more shares for `holder` (a new holding if needed),
  /// or `RoundError.overflow` when the holding would pass `Int64`. Holdings join on the
  /// holder's key, not its name.
  public func adding(stock: Shares, to holder: RoundParticipant) throws(RoundError)
    -> PreRoundCapitalization
  {
    var copy = self
    if let index = copy.holdings.firstIndex(where: { $0.holder.key == holder.key }) {
      do {
        copy.holdings[index].stock = try copy.holdings[index].stock.adding(stock)
      } catch {
        throw .overflow("\(holder)'s stock after the step (past 9,223,372,036,854,775,807)")
      }
    } else {
      copy.holdings.append(Holding(holder, stock: stock))
    }
    return copy
  }

  /// The capitalization after a round: conversion, new-money and pro rata shares become
  /// stock of their holders, and the pool grows by its increase (checked, like `adding`).
  public func after(_ result: RoundResult) throws(RoundError) -> PreRoundCapitalization {
    var copy = self
    for row in result.proForma.rows where row.kind == .holder {
      guard let holder = row.holder else { continue }
      let added: Shares
      do {
        added = try row.conversion.adding(row.newMoney).adding(row.proRata)
      } catch {
        throw .overflow("the shares \(row.name) receives in the round")
      }
      if added > .zero { copy = try copy.adding(stock: added, to: holder) }
    }
    do {
      copy.unissuedPool = try copy.unissuedPool.adding(result.pool.increase)
    } catch {
      throw .overflow("the unissued pool after the round")
    }
    return copy
  }
}
