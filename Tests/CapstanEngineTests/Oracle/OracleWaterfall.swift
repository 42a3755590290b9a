import CapstanEngine
import CapstanModel

/// A second, deliberately plain liquidation waterfall, for checking the engine.
///
/// For each subset of the preferred classes and convertibles (at most 8, so 256 subsets) it
/// pays the exit with that subset converted to common: preferences by seniority tier, highest
/// first, pari passu within a tier pro rata to the amounts due; then the rest to common, to
/// participating classes (up to their caps) and to options in the money. It keeps the stable
/// subset (no class or convertible would receive strictly more by switching) with the fewest
/// conversions.
struct OracleWaterfall {
  /// Where a SAFE or note without a seniority of its own ranks.
  enum ConvertibleRank: Sendable {
    /// Just below the most junior preferred class (the engine's reading before issue 13).
    case belowPreferred
    /// With the most junior preferred tier (the YC liquidity clause, "on par with payments
    /// for other Safes and/or Preferred Stock").
    case withJuniorPreferred
  }

  struct Claim: Sendable {
    let name: String
    /// L: the amount paid before common.
    let preference: Ratio
    /// s: common shares on conversion.
    let asConverted: Ratio
    let participates: Bool
    /// The most it takes beyond its preference when participating (nil: no cap).
    let headroom: Ratio?
    let rank: Int
  }

  /// What each class, convertible and the options receive.
  struct Payouts: Sendable, Equatable {
    var commonPerShare: Ratio
    var classes: [Ratio]
    var convertibles: [Ratio]
    var options: Ratio
    var converted: [String]
  }

  let capitalization: WaterfallCapitalization
  /// Preferred classes in class order, then convertibles.
  let claims: [Claim]
  /// Options taking part: (count, strike).
  let options: [(count: Ratio, strike: Ratio)]
  /// Claim indices by seniority rank, most senior tier first.
  let tiers: [[Int]]
  /// Common shares outstanding in the common classes.
  let commonShares: Ratio

  init(
    _ capitalization: WaterfallCapitalization, includeOptions: Bool,
    convertibleRank: ConvertibleRank = .withJuniorPreferred
  ) {
    self.capitalization = capitalization
    var claims: [Claim] = []
    var juniorRank = Int.max
    for shareClass in capitalization.classes {
      guard let terms = shareClass.terms else { continue }
      let shares = shareClass.shares.ratio
      juniorRank = min(juniorRank, terms.seniority)
      var headroom: Ratio?
      if case .capped(let multiple) = terms.participation {
        headroom = (multiple - terms.preferenceMultiple) * terms.originalIssuePrice * shares
      }
      claims.append(
        Claim(
          name: shareClass.name,
          preference: terms.preferenceMultiple * terms.originalIssuePrice * shares,
          asConverted: Self.asConverted(shareClass, ratio: terms.conversionRatio),
          participates: terms.participation != .none, headroom: headroom,
          rank: terms.seniority))
    }
    if juniorRank == .max { juniorRank = 1 }
    for convertible in capitalization.convertibles {
      let defaultRank = convertibleRank == .belowPreferred ? juniorRank - 1 : juniorRank
      let rank: Int
      switch convertible.rank {
      case .withPreferred: rank = defaultRank
      case .seniority(let stated): rank = stated
      case .debt: rank = Int.max
      }
      // The oracle takes the conversion shares as given; a Liquidity Price solve is the
      // engine's (checked against the issue's worked example in WaterfallLiquidityTests).
      var asConverted = Ratio.zero
      if case .shares(let shares) = convertible.conversion { asConverted = shares.ratio }
      claims.append(
        Claim(
          name: convertible.name, preference: convertible.amount + convertible.interest,
          asConverted: asConverted, participates: false, headroom: nil, rank: rank))
    }
    self.claims = claims
    options =
      includeOptions
      ? capitalization.options.map { ($0.outstanding.ratio, $0.strike) } : []
    tiers = Set(claims.map(\.rank)).sorted(by: >).map { rank in
      claims.indices.filter { claims[$0].rank == rank }
    }
    commonShares = Ratio.sum(
      capitalization.classes.filter { $0.terms == nil }.map(\.shares.ratio))
  }

  /// A class's shares as converted, floored per holder (NVCA charter: the fraction is
  /// determined on the aggregate a holder converts).
  static func asConverted(_ shareClass: WaterfallClass, ratio: Ratio) -> Ratio {
    var held: [Stakeholder.ID: Ratio] = [:]
    for holding in shareClass.holdings {
      held[holding.holder, default: .zero] += holding.shares.ratio
    }
    return Ratio.sum(held.values.map { Ratio(($0 * ratio).floor) })
  }

  /// The equilibrium payouts of `distributable`, or nil when no subset is stable.
  ///
  /// Subsets are tried by number of conversions, fewest first (in mask order among equals);
  /// the first stable one is kept. Each subset's allocation is computed once, when first needed.
  func payouts(_ distributable: Ratio) -> Payouts? {
    let count = claims.count
    var memo: [Int: (claims: [Ratio], commonPerShare: Ratio)?] = [:]
    func allocation(_ mask: Int) -> (claims: [Ratio], commonPerShare: Ratio)? {
      if let known = memo[mask] { return known }
      let computed = allocate(distributable, converted: mask)
      memo[mask] = computed
      return computed
    }
    let masks = (0..<(1 << count)).sorted {
      ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1)
    }
    var best: Int?
    for mask in masks {
      guard let current = allocation(mask) else { continue }
      var stable = true
      for index in 0..<count where !claims[index].asConverted.isZero {
        guard let switched = allocation(mask ^ (1 << index)) else { continue }
        if switched.claims[index] > current.claims[index] {
          stable = false
          break
        }
      }
      if stable {
        best = mask
        break
      }
    }
    guard let mask = best, let chosen = allocation(mask) else { return nil }
    let c = chosen.commonPerShare
    var classes: [Ratio] = []
    var claimIndex = 0
    for shareClass in capitalization.classes {
      if shareClass.terms == nil {
        classes.append(shareClass.shares.ratio * c)
      } else {
        classes.append(chosen.claims[claimIndex])
        claimIndex += 1
      }
    }
    return Payouts(
      commonPerShare: c, classes: classes, convertibles: Array(chosen.claims[claimIndex...]),
      options: optionsPaid(c),
      converted: (0..<count).filter { mask & (1 << $0) != 0 }.map { claims[$0].name })
  }

  /// One subset's payouts: each claim's total and the common payout per share.
  func allocate(_ distributable: Ratio, converted mask: Int) -> (
    claims: [Ratio], commonPerShare: Ratio
  )? {
    func isConverted(_ index: Int) -> Bool { mask & (1 << index) != 0 }
    var paid = [Ratio](repeating: .zero, count: claims.count)
    var remaining = distributable
    for allInTier in tiers {
      let tier = allInTier.filter { !isConverted($0) }
      let due = Ratio.sum(tier.map { claims[$0].preference })
      guard due > .zero else { continue }
      let share = remaining >= due ? Ratio.one : remaining / due
      for index in tier { paid[index] = claims[index].preference * share }
      remaining -= min(remaining, due)
    }
    var common = commonShares
    for index in claims.indices where isConverted(index) { common += claims[index].asConverted }
    let participants = claims.indices.filter { !isConverted($0) && claims[$0].participates }
    // What the residual pays at common payout per share c (continuous, non-decreasing).
    func residualPaid(_ c: Ratio) -> Ratio {
      var total = common * c
      for index in participants {
        let full = claims[index].asConverted * c
        total += claims[index].headroom.map { min(full, $0) } ?? full
      }
      return total + optionsPaid(c)
    }
    var c = Ratio.zero
    if remaining > .zero {
      var knots: [Ratio] = options.map(\.strike).filter { $0 > .zero }
      for index in participants {
        if let headroom = claims[index].headroom, !claims[index].asConverted.isZero {
          knots.append(headroom / claims[index].asConverted)
        }
      }
      var lower = Ratio.zero
      var found = false
      for knot in Set(knots).sorted() where knot > lower {
        let atKnot = residualPaid(knot)
        if atKnot >= remaining {
          let atLower = residualPaid(lower)
          c = lower + (remaining - atLower) * (knot - lower) / (atKnot - atLower)
          found = true
          break
        }
        lower = knot
      }
      if !found {
        let slope = residualPaid(lower + .one) - residualPaid(lower)
        guard slope > .zero else { return nil }
        c = lower + (remaining - residualPaid(lower)) / slope
      }
    }
    for index in claims.indices {
      if isConverted(index) {
        paid[index] = claims[index].asConverted * c
      } else if claims[index].participates {
        let full = claims[index].asConverted * c
        paid[index] += claims[index].headroom.map { min(full, $0) } ?? full
      }
    }
    return (paid, c)
  }

  /// What the options receive net of strikes at common payout per share `c`.
  func optionsPaid(_ c: Ratio) -> Ratio {
    Ratio.sum(options.map { c > $0.strike ? $0.count * (c - $0.strike) : .zero })
  }

  /// Conversion shares of SAFEs outstanding at an exit, per the YC liquidity clause: the
  /// Liquidity Price is cap ÷ Liquidity Capitalization, which counts the SAFEs' own shares:
  /// S_i = a_i × (C + ΣS) ÷ K_i, so ΣS = C × Σk ÷ (1 − Σk) with k_i = a_i ÷ K_i; each floored.
  static func liquidityShares(amounts: [(amount: Ratio, cap: Ratio)], capitalization: Ratio)
    -> [Int64]
  {
    let k = Ratio.sum(amounts.map { $0.amount / $0.cap })
    let total = capitalization * k / (.one - k)
    return amounts.map { Int64(clamping: ($0.amount * (capitalization + total) / $0.cap).floor) }
  }
}
