import CapstanModel

/// Every breakpoint of a waterfall, computed once, and exact evaluation of any exit value
/// from them.
///
/// Each claim converts once the common payout per share c passes its conversion threshold t
/// (see `Claim`), so walking c upward through the sorted thresholds, cap points and option
/// strikes gives the distributable proceeds D(c) as a piecewise-linear, non-decreasing line;
/// inverting it gives c, and every payout, for any exit value. Below the total preference,
/// the ranks fill in order of seniority. docs/waterfall.md derives it.
public struct PayoutSchedule: Sendable {
  /// The waterfall evaluated.
  public let waterfall: Waterfall
  /// The breakpoints by ascending exit value.
  public let breakpoints: [Breakpoint]

  /// c at each knot of the common line, ascending (the first is 0).
  let knotCommon: [Ratio]
  /// D at each knot (the first is the total preference).
  let knotDistributable: [Ratio]
  /// dD/dc just after each knot.
  let slopeAfter: [Ratio]

  init(_ waterfall: Waterfall) {
    self.waterfall = waterfall
    let claims = waterfall.claims
    var slope = waterfall.commonShares
    var changes: [(at: Ratio, change: Ratio, event: Breakpoint.Event)] = []
    for claim in claims where !claim.asConverted.isZero {
      switch claim.participation {
      case .none:
        if let t = claim.conversionThreshold {
          changes.append((t, claim.asConverted, .converts(claim.name)))
        }
      case .full:
        slope += claim.asConverted
      case .capped:
        slope += claim.asConverted
        if let u = claim.capThreshold {
          changes.append((u, -claim.asConverted, .capReached(claim.name)))
        }
        if let t = claim.conversionThreshold {
          changes.append((t, claim.asConverted, .converts(claim.name)))
        }
      }
    }
    for group in waterfall.optionGroups {
      let count = Shares(Int64(clamping: group.count.floor))
      changes.append(
        (group.strike, group.count, .optionsInTheMoney(strike: group.strike, count: count)))
    }
    // Stable: events at the same c keep claim order; a cap is reached before a conversion.
    let ordered = changes.enumerated().sorted {
      ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
    }.map(\.element)

    var knotCommon: [Ratio] = [.zero]
    var knotDistributable: [Ratio] = [waterfall.totalPreference]
    var knotEvents: [[Breakpoint.Event]] = [[]]
    var slopeAfter: [Ratio] = []
    var c = Ratio.zero
    var d = waterfall.totalPreference
    for change in ordered {
      if change.at > c {
        slopeAfter.append(slope)
        d += slope * (change.at - c)
        c = change.at
        knotCommon.append(c)
        knotDistributable.append(d)
        knotEvents.append([])
      }
      slope += change.change
      knotEvents[knotEvents.count - 1].append(change.event)
    }
    slopeAfter.append(slope)
    self.knotCommon = knotCommon
    self.knotDistributable = knotDistributable
    self.slopeAfter = slopeAfter

    // Breakpoints on the distributable line: proceeds begin, ranks fill, then the knots.
    var points: [(d: Ratio, c: Ratio, events: [Breakpoint.Event])] = [
      (.zero, .zero, [.proceedsBegin])
    ]
    var filled = Ratio.zero
    for rank in waterfall.ranks {
      filled += Ratio.sum(rank.map { claims[$0].preference })
      let names = rank.map { claims[$0].name }
      points.append(
        (filled, .zero, [.preferenceFilled(seniority: claims[rank[0]].seniority, names: names)]))
    }
    for index in knotCommon.indices {
      points.append((knotDistributable[index], knotCommon[index], knotEvents[index]))
    }
    var merged: [Breakpoint] = []
    let deductions = waterfall.deductions
    for point in points {
      if let last = merged.last, last.distributable == point.d {
        merged[merged.count - 1].events += point.events
        merged[merged.count - 1].commonPerShare = point.c
        continue
      }
      merged.append(
        Breakpoint(
          exitValue: deductions.exitValue(distributing: point.d), distributable: point.d,
          commonPerShare: point.c, events: point.events))
    }
    self.breakpoints = merged.filter { !$0.events.isEmpty }
  }

  /// c at distributable proceeds `d` at or above the total preference.
  func commonPerShare(distributable d: Ratio) -> Ratio {
    // The last knot at or below d.
    var low = 0
    var high = knotDistributable.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if knotDistributable[mid] <= d { low = mid } else { high = mid - 1 }
    }
    let slope = slopeAfter[low]
    guard slope > .zero else { return knotCommon[low] }
    return knotCommon[low] + (d - knotDistributable[low]) / slope
  }

  /// Every claim's payout at distributable proceeds `d`, from the breakpoints.
  func allocation(distributable d: Ratio) -> Allocation {
    let count = waterfall.claims.count
    guard d > waterfall.totalPreference else {
      return waterfall.allocate(d, converted: [Bool](repeating: false, count: count))
    }
    let c = commonPerShare(distributable: d)
    let claims = waterfall.claims
    return Allocation(
      claims: claims.map { $0.payout(commonPerShare: c) }, commonPerShare: c,
      converted: claims.map { $0.converts(at: c) })
  }

  /// What each class, convertible and the options receive at `exitValue`.
  public func classPayouts(at exitValue: Ratio) throws(WaterfallError) -> ClassPayouts {
    guard !exitValue.isNegative else { throw .negativeExitValue(exitValue) }
    let exit = ExitProceeds(exitValue, deductions: waterfall.deductions)
    return ClassPayouts(
      waterfall, exit: exit, allocation: allocation(distributable: exit.distributable))
  }

  /// `classPayouts(at:)` for many exit values (a sweep), in their order, with the same exact
  /// results.
  ///
  /// Many values are evaluated on the payouts' linear pieces between breakpoints (see
  /// docs/waterfall.md); ascending values are fastest.
  public func sweep(_ exitValues: [Ratio]) throws(WaterfallError) -> [ClassPayouts] {
    if let negative = exitValues.first(where: \.isNegative) {
      throw .negativeExitValue(negative)
    }
    if exitValues.count >= 4 * (breakpoints.count + 1) {
      return try PayoutSweep(self).payouts(exitValues)
    }
    var result: [ClassPayouts] = []
    result.reserveCapacity(exitValues.count)
    for exitValue in exitValues { result.append(try classPayouts(at: exitValue)) }
    return result
  }

  /// The class payouts at distributable proceeds `d` (reported at the smallest exit value
  /// distributing `d`).
  func payouts(distributable d: Ratio) -> ClassPayouts {
    let deductions = waterfall.deductions
    let exit = ExitProceeds(deductions.exitValue(distributing: d), deductions: deductions)
    return ClassPayouts(waterfall, exit: exit, allocation: allocation(distributable: d))
  }

  /// The full distribution of one exit, holders included, from the breakpoints.
  public func distribution(at exitValue: Ratio) throws(WaterfallError) -> WaterfallDistribution {
    guard !exitValue.isNegative else { throw .negativeExitValue(exitValue) }
    let exit = ExitProceeds(exitValue, deductions: waterfall.deductions)
    return WaterfallDistribution(
      waterfall, exit: exit, allocation: allocation(distributable: exit.distributable))
  }

  /// The payout curve of a class or convertible, by name.
  public func curve(forClass name: String) throws(WaterfallError) -> PayoutCurve {
    if let classIndex = waterfall.capitalization.classes.firstIndex(where: { $0.name == name }) {
      let shares = waterfall.classShares[classIndex]
      if let claim = waterfall.claimOfClass[classIndex] {
        return curve { $0.claims[claim] }
      }
      return curve { $0.commonPerShare * shares }
    }
    guard let claim = waterfall.claims.firstIndex(where: { $0.name == name }) else {
      throw .unknown(name)
    }
    return curve { $0.claims[claim] }
  }

  /// The payout curve of one holder, by stakeholder id: the sum over its shares, options and
  /// convertibles.
  public func curve(forHolder holder: Stakeholder.ID) throws(WaterfallError) -> PayoutCurve {
    let positions = HolderPositions(waterfall, holder: holder)
    guard !positions.isEmpty else { throw .unknown(holder.rawValue) }
    return curve { positions.payout($0) }
  }

  /// A curve through the breakpoints of the payout `payout` reads from an allocation.
  func curve(_ payout: (Allocation) -> Ratio) -> PayoutCurve {
    var points: [PayoutCurve.Point] = []
    if let first = breakpoints.first, first.exitValue > .zero {
      points.append(.init(exitValue: .zero, payout: .zero))
    }
    for breakpoint in breakpoints {
      let value = payout(allocation(distributable: breakpoint.distributable))
      points.append(.init(exitValue: breakpoint.exitValue, payout: value))
    }
    let lastD = breakpoints.last?.distributable ?? .zero
    let beyond = payout(allocation(distributable: lastD + .one))
    let atLast = payout(allocation(distributable: lastD))
    return PayoutCurve(points: points, finalSlope: (beyond - atLast) * waterfall.deductions.slope)
  }
}
