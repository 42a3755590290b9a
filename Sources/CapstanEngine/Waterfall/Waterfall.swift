import CapstanModel

/// A liquidation waterfall compiled from a capitalization: pays preferences by seniority, lets
/// each preferred class convert when that pays it strictly more, and shares the rest as common.
///
/// Two evaluations give the same exact payouts: `distribution(at:)` finds the conversion
/// choices by iterating on one exit value; `schedule` computes every breakpoint once and
/// evaluates any exit value (or many) from them. docs/waterfall.md explains both.
public struct Waterfall: Sendable {
  /// The capitalization as given.
  public let capitalization: WaterfallCapitalization
  /// How options and warrants take part.
  public let optionTreatment: OptionTreatment
  /// Expenses and carve-out taken from every exit value.
  public let deductions: ExitDeductions
  /// Each outstanding convertible's Liquidity Capitalization, Liquidity Price and conversion
  /// shares, in the capitalization's order.
  public let liquidity: [LiquidityConversion]

  /// Preferred classes (in class order), then convertibles.
  let claims: [Claim]
  /// For each class, its claim index (nil for common).
  let claimOfClass: [Int?]
  /// Common shares of every common class together.
  let commonShares: Ratio
  /// Shares outstanding of each class.
  let classShares: [Ratio]
  /// Options taking part, by strike (ascending), with their counts.
  let optionGroups: [OptionGroup]
  /// Running totals over `optionGroups`: counts, and counts × strikes, of the first k groups.
  let optionPrefix: [(count: Ratio, strikes: Ratio)]
  /// Claim indices by seniority rank, most senior first.
  let ranks: [[Int]]
  /// The sum of every claim's preference.
  let totalPreference: Ratio

  struct OptionGroup: Sendable {
    let strike: Ratio
    let count: Ratio
  }

  /// Compiles `capitalization` for exits with the given option treatment and deductions.
  public init(
    _ capitalization: WaterfallCapitalization,
    options: OptionTreatment = .exercisedWhenInTheMoney, deductions: ExitDeductions = .none
  ) throws(WaterfallError) {
    try deductions.validate()
    self.capitalization = capitalization
    self.optionTreatment = options
    self.deductions = deductions

    var names = Set<String>()
    var claims: [Claim] = []
    var claimOfClass: [Int?] = []
    var common = Ratio.zero
    var classShares: [Ratio] = []
    let preferredRanks = capitalization.classes.compactMap { $0.terms?.seniority }
    for shareClass in capitalization.classes {
      guard names.insert(shareClass.name).inserted else {
        throw .duplicateName(shareClass.name)
      }
      var shares = Ratio.zero
      for holding in shareClass.holdings {
        guard holding.shares >= .zero else {
          throw .negativeShares(holder: holding.holderName, security: shareClass.name)
        }
        shares += holding.shares.ratio
      }
      classShares.append(shares)
      guard let terms = shareClass.terms else {
        common += shares
        claimOfClass.append(nil)
        continue
      }
      claimOfClass.append(claims.count)
      // As converted per holder, as `CompanyCapitalization` counts it.
      let asConverted = shareClass.asConverted(ratio: terms.conversionRatio, shares: shares)
      claims.append(
        try Waterfall.claim(shareClass.name, terms, shares: shares, asConverted: asConverted))
    }
    var byStrike: [Ratio: Ratio] = [:]
    var optionsCounted = Ratio.zero
    for holding in capitalization.options {
      guard holding.outstanding >= .zero else {
        throw .negativeShares(holder: holding.holderName, security: "\(holding.kind.rawValue)s")
      }
      guard !holding.strike.isNegative else {
        throw .negativeAmount(what: "strike of \(holding.holderName)'s options", holding.strike)
      }
      let count = options.count(of: holding)
      optionsCounted += count.ratio
      if count > .zero { byStrike[holding.strike, default: .zero] += count.ratio }
    }

    for convertible in capitalization.convertibles {
      guard names.insert(convertible.name).inserted else {
        throw .duplicateName(convertible.name)
      }
      if case .shares(let shares) = convertible.conversion, shares < .zero {
        throw .negativeShares(holder: convertible.holderName, security: convertible.name)
      }
      guard !convertible.amount.isNegative else {
        throw .negativeAmount(what: "amount of \(convertible.name)", convertible.amount)
      }
      guard !convertible.interest.isNegative else {
        throw .negativeAmount(what: "interest of \(convertible.name)", convertible.interest)
      }
    }
    // YC post-money safe, "Liquidity Capitalization": the capital stock as converted to
    // common, the options outstanding (those the treatment counts), the converting securities;
    // never the unissued pool.
    let stock = common + Ratio.sum(claims.map(\.asConverted))
    let liquidity = try LiquidityConversion.solve(
      capitalization.convertibles, base: stock + optionsCounted)
    let ranks = try Waterfall.ranks(
      of: capitalization.convertibles.map(\.rank), preferred: preferredRanks)
    for (index, convertible) in capitalization.convertibles.enumerated() {
      claims.append(
        Claim(
          name: convertible.name, preference: convertible.cashOutAmount,
          asConverted: liquidity[index].shares.ratio, participation: .none,
          seniority: ranks[index]))
    }
    self.liquidity = liquidity

    self.claims = claims
    self.claimOfClass = claimOfClass
    self.commonShares = common
    self.classShares = classShares
    self.optionGroups = byStrike.sorted { $0.key < $1.key }.map {
      OptionGroup(strike: $0.key, count: $0.value)
    }
    var prefix: [(count: Ratio, strikes: Ratio)] = [(.zero, .zero)]
    for group in optionGroups {
      let last = prefix[prefix.count - 1]
      prefix.append((last.count + group.count, last.strikes + group.count * group.strike))
    }
    self.optionPrefix = prefix
    let grouped = Dictionary(grouping: claims.indices) { claims[$0].seniority }
    self.ranks = grouped.keys.sorted(by: >).compactMap { grouped[$0] }
    self.totalPreference = Ratio.sum(claims.map(\.preference))

    let absorbing =
      common + Ratio.sum(optionGroups.map(\.count)) + Ratio.sum(claims.map(\.asConverted))
    guard absorbing > .zero else { throw .noResidualClaimant }
  }

  /// The seniority rank of each convertible on the preferred classes' scale.
  ///
  /// YC post-money safe 1(d): the cash-out amount is junior to debt, on par with other safes
  /// and preferred stock, senior to common. With preferred classes in several tiers, "on par"
  /// is read as the most junior tier (paid after every tier the charter puts above it); a
  /// stated rank is used as given; debt ranks one above every other claim.
  static func ranks(of ranks: [ConvertibleRank], preferred: [Int]) throws(WaterfallError)
    -> [Int]
  {
    let withPreferred = preferred.min() ?? 1
    let equity = ranks.map { rank -> Int? in
      switch rank {
      case .withPreferred: withPreferred
      case .seniority(let seniority): seniority
      case .debt: nil
      }
    }
    let highest = (preferred + equity.compactMap { $0 } + [withPreferred]).max() ?? withPreferred
    let debt = highest.addingReportingOverflow(1)
    if ranks.contains(.debt), debt.overflow {
      throw .overflow("a rank for debt above seniority \(highest)")
    }
    return equity.map { $0 ?? debt.partialValue }
  }

  static func claim(
    _ name: String, _ terms: PreferredTerms, shares: Ratio, asConverted: Ratio
  ) throws(WaterfallError) -> Claim {
    guard !terms.originalIssuePrice.isNegative else {
      throw .negativeAmount(what: "original issue price of \(name)", terms.originalIssuePrice)
    }
    guard !terms.preferenceMultiple.isNegative else {
      throw .negativeAmount(what: "preference multiple of \(name)", terms.preferenceMultiple)
    }
    guard terms.conversionRatio > .zero else {
      throw .nonPositiveConversionRatio(class: name, terms.conversionRatio)
    }
    // NVCA model charter: the Liquidation Amount is the Original Issue Price times the
    // multiple, per share; as-converted shares are floored per holder (no fractional shares
    // issue; the fraction is determined on all the shares a holder converts).
    let preference = terms.preferenceMultiple * terms.originalIssuePrice * shares
    let participation: Claim.Participation
    switch terms.participation {
    case .none: participation = .none
    case .full: participation = .full
    case .capped(let cap):
      guard cap >= terms.preferenceMultiple else {
        throw .capBelowPreference(class: name, cap: cap, preference: terms.preferenceMultiple)
      }
      participation = .capped(
        headroom: (cap - terms.preferenceMultiple) * terms.originalIssuePrice
          * shares)
    }
    return Claim(
      name: name, preference: preference, asConverted: asConverted,
      participation: participation, seniority: terms.seniority, convertible: terms.convertible)
  }

  /// The stock the waterfall counts as converted: the common classes' shares and each
  /// preferred class's shares as converted (per holder, `CompanyCapitalization.asConverted`).
  public var stockAsConverted: Ratio {
    commonShares + Ratio.sum(claimOfClass.compactMap { $0 }.map { claims[$0].asConverted })
  }

  /// Every breakpoint, and the exact evaluation of any exit value from them.
  public var schedule: PayoutSchedule { PayoutSchedule(self) }

  /// The exact distribution of one exit, found directly (see docs/waterfall.md).
  ///
  /// Starts with no class converting; while some class would receive strictly more by
  /// converting, converts the one with the lowest conversion threshold (common payout per
  /// share at which converting starts to pay), then recomputes. Each step is one waterfall,
  /// so this costs O(n²) waterfalls for n classes; `schedule` is faster for many exits.
  public func distribution(at exitValue: Ratio) throws(WaterfallError) -> WaterfallDistribution {
    guard !exitValue.isNegative else { throw .negativeExitValue(exitValue) }
    let exit = ExitProceeds(exitValue, deductions: deductions)
    return WaterfallDistribution(self, exit: exit, allocation: equilibrium(exit.distributable))
  }

  /// The conversion equilibrium at distributable proceeds `d`, by iteration.
  func equilibrium(_ d: Ratio) -> Allocation {
    var converted = [Bool](repeating: false, count: claims.count)
    var current = allocate(d, converted: converted)
    while true {
      var best: Int?
      for index in claims.indices where !converted[index] {
        guard let threshold = claims[index].conversionThreshold else { continue }
        var trial = converted
        trial[index] = true
        let alternative = allocate(d, converted: trial)
        guard alternative.claims[index] > current.claims[index] else { continue }
        if let chosen = best, let other = claims[chosen].conversionThreshold,
          other <= threshold
        {
          continue
        }
        best = index
      }
      guard let chosen = best else { return current }
      converted[chosen] = true
      current = allocate(d, converted: converted)
    }
  }

  /// One waterfall with fixed conversion choices: preferences by rank, then the residual
  /// shared at one common payout per share.
  func allocate(_ d: Ratio, converted: [Bool]) -> Allocation {
    var paid = [Ratio](repeating: .zero, count: claims.count)
    var remaining = d
    for rank in ranks {
      let members = rank.filter { !converted[$0] }
      let due = Ratio.sum(members.map { claims[$0].preference })
      if remaining >= due {
        for index in members { paid[index] = claims[index].preference }
        remaining -= due
      } else {
        // Pari passu: pro rata to the preference amounts of the rank.
        for index in members { paid[index] = claims[index].preference * remaining / due }
        remaining = .zero
      }
    }
    let c = commonPerShare(residual: remaining, converted: converted)
    for index in claims.indices {
      if converted[index] {
        paid[index] = claims[index].asConverted * c
      } else {
        paid[index] += claims[index].participating(commonPerShare: c)
      }
    }
    return Allocation(claims: paid, commonPerShare: c, converted: converted)
  }

  /// The common payout per share c that shares out `residual`: the c at which common, the
  /// converted and participating classes and the options in the money take exactly it.
  func commonPerShare(residual: Ratio, converted: [Bool]) -> Ratio {
    guard residual > .zero else { return .zero }
    var slope = commonShares
    var kinks: [(at: Ratio, change: Ratio)] = []
    for index in claims.indices {
      let claim = claims[index]
      if converted[index] {
        slope += claim.asConverted
        continue
      }
      switch claim.participation {
      case .none: break
      case .full: slope += claim.asConverted
      case .capped:
        guard let u = claim.capThreshold else { break }
        slope += claim.asConverted
        kinks.append((u, -claim.asConverted))
      }
    }
    for group in optionGroups { kinks.append((group.strike, group.count)) }
    kinks.sort { $0.at < $1.at }
    var c = Ratio.zero
    var taken = Ratio.zero
    for kink in kinks {
      let reach = taken + slope * (kink.at - c)
      if reach >= residual, slope > .zero {
        return c + (residual - taken) / slope
      }
      taken = reach
      c = kink.at
      slope += kink.change
    }
    // Past the last kink; with no slope left the residual is not absorbed (c stays put and a
    // class gains by converting).
    return slope > .zero ? c + (residual - taken) / slope : c
  }
}

extension Waterfall {
  /// What the options in the money at c receive net of strikes: Σ count × (c − strike) over
  /// strikes below c, from running totals (one binary search, two products).
  func optionsPayout(commonPerShare c: Ratio) -> Ratio {
    var low = 0
    var high = optionGroups.count
    while low < high {
      let mid = (low + high) / 2
      if optionGroups[mid].strike < c { low = mid + 1 } else { high = mid }
    }
    let totals = optionPrefix[low]
    return low == 0 ? .zero : totals.count * c - totals.strikes
  }
}

/// Payouts of every claim at one exit, and the common payout per share.
struct Allocation: Sendable {
  /// Each claim's payout.
  var claims: [Ratio]
  /// c: what one common share receives.
  var commonPerShare: Ratio
  /// Whether each claim converted.
  var converted: [Bool]
}
