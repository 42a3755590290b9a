import CapstanModel

/// Everything a liquidation waterfall pays: share classes with their holders, options and
/// warrants, and SAFEs or notes still outstanding at the exit.
///
/// Build it by hand (tests, what-if models) or from a ledger snapshot with
/// `init(_:convertibles:)`. Holders are keyed by stakeholder id (`holder`), their names only
/// shown (`holderName`); one holder may appear in many classes and hold options too, and is
/// paid the sum. A hand-built capitalization has no ledger: each holder's name is its id.
public struct WaterfallCapitalization: Sendable, Hashable {
  /// Share classes, common and preferred, in the order results list them.
  public var classes: [WaterfallClass]
  /// Options and warrants outstanding.
  public var options: [OptionHolding]
  /// SAFEs and convertible notes outstanding at the exit.
  public var convertibles: [OutstandingConvertible]
  /// Warrants outstanding that this waterfall does not pay (on a preferred class): an exit
  /// that shows them must say so.
  public var leftOutWarrants: [LeftOutWarrant] = []

  /// A capitalization from classes, options and convertibles.
  public init(
    classes: [WaterfallClass], options: [OptionHolding] = [],
    convertibles: [OutstandingConvertible] = []
  ) {
    self.classes = classes
    self.options = options
    self.convertibles = convertibles
  }
}

/// A warrant the waterfall leaves out: one on a preferred class, whose exercise would buy
/// shares carrying a preference (the waterfall treats options and warrants as common).
public struct LeftOutWarrant: Sendable, Hashable {
  /// The warrant.
  public var security: SecurityID
  /// Its holder.
  public var holder: Stakeholder.ID
  /// The holder's name, for display only.
  public var holderName: String
  /// The class its exercise buys.
  public var className: String
  /// Shares it can still buy.
  public var shares: Shares
  /// The exercise price per share.
  public var strike: Ratio

  /// A warrant of `holder` on `className`, left out of the waterfall.
  public init(
    security: SecurityID, holder: Stakeholder.ID, holderName: String, className: String,
    shares: Shares, strike: Ratio
  ) {
    self.security = security
    self.holder = holder
    self.holderName = holderName
    self.className = className
    self.shares = shares
    self.strike = strike
  }
}

/// One holder's shares of one class.
public struct ClassHolding: Sendable, Hashable {
  /// The stakeholder holding the shares: what the waterfall joins holdings on.
  public var holder: Stakeholder.ID
  /// The holder's name, for display only.
  public var holderName: String
  /// Shares of the class held.
  public var shares: Shares

  /// `shares` held by stakeholder `holder`, shown as `name`.
  public init(holder: Stakeholder.ID, name: String, _ shares: Shares) {
    self.holder = holder
    self.holderName = name
    self.shares = shares
  }

  /// `shares` held by a party of a hand-built capitalization, whose id is its name.
  public init(_ name: String, _ shares: Shares) {
    self.init(holder: Stakeholder.ID(name), name: name, shares)
  }
}

/// A share class as the waterfall sees it: its terms and who holds it.
public struct WaterfallClass: Sendable, Hashable {
  /// The class name, unique in the capitalization ("Series A Preferred").
  public var name: String
  /// The preferred terms, or nil for common stock.
  public var terms: PreferredTerms?
  /// Who holds the class, in the order results list them.
  public var holdings: [ClassHolding]

  /// A class with optional preferred terms.
  public init(name: String, terms: PreferredTerms?, holdings: [ClassHolding]) {
    self.name = name
    self.terms = terms
    self.holdings = holdings
  }

  /// A common class.
  public static func common(_ name: String, _ holdings: [ClassHolding]) -> WaterfallClass {
    WaterfallClass(name: name, terms: nil, holdings: holdings)
  }

  /// A preferred class.
  public static func preferred(
    _ name: String, _ terms: PreferredTerms, _ holdings: [ClassHolding]
  ) -> WaterfallClass {
    WaterfallClass(name: name, terms: terms, holdings: holdings)
  }

  /// Shares of the class outstanding: the sum of the holdings (traps past `Int64`).
  public var shares: Shares { holdings.reduce(Shares.zero) { $0 + $1.shares } }

  /// Shares held by each holder (a holder listed twice counts once, with the sum, shown by the
  /// name of its first holding), in order of first appearance: what a holder converts together.
  public var sharesByHolder: [(holder: Stakeholder.ID, holderName: String, shares: Ratio)] {
    var order: [(Stakeholder.ID, String)] = []
    var held: [Stakeholder.ID: Ratio] = [:]
    for holding in holdings {
      if let current = held[holding.holder] {
        held[holding.holder] = current + holding.shares.ratio
      } else {
        order.append((holding.holder, holding.holderName))
        held[holding.holder] = holding.shares.ratio
      }
    }
    return order.map { ($0.0, $0.1, held[$0.0] ?? .zero) }
  }

  /// The class's `shares` (the sum of its holdings) as converted at `ratio`: each holder's
  /// shares summed, then `CompanyCapitalization.asConverted`, added up over the holders.
  ///
  /// A whole-number ratio leaves no fraction to drop, so the per-holder counts add up to
  /// `shares × ratio` and no holder is looked up; otherwise each holder's shares are summed
  /// in 64-bit integers (exactly, as `sharesByHolder` counts them, when a sum would overflow).
  func asConverted(ratio: Ratio, shares: Ratio) -> Ratio {
    if ratio.isInteger { return shares * ratio }
    var index: [Stakeholder.ID: Int] = [:]
    index.reserveCapacity(holdings.count)
    var held: [Int64] = []
    held.reserveCapacity(holdings.count)
    for holding in holdings {
      guard let at = index[holding.holder] else {
        index[holding.holder] = held.count
        held.append(holding.shares.count)
        continue
      }
      let (sum, overflow) = held[at].addingReportingOverflow(holding.shares.count)
      if overflow { return exactAsConverted(ratio: ratio) }
      held[at] = sum
    }
    var total = Int128(0)
    for count in held {
      let converted = ratio.productFloor(count: count)
      // A clamped count is computed again exactly.
      if converted == .min || converted == .max { return exactAsConverted(ratio: ratio) }
      total += Int128(converted)
    }
    return Int64(exactly: total).map { Ratio($0) } ?? exactAsConverted(ratio: ratio)
  }

  /// `asConverted(ratio:shares:)` in exact rationals throughout.
  func exactAsConverted(ratio: Ratio) -> Ratio {
    Ratio.sum(sharesByHolder.map { CompanyCapitalization.asConverted($0.shares, ratio: ratio) })
  }
}

/// The economic terms of a preferred class that a liquidation reads.
public struct PreferredTerms: Sendable, Hashable {
  /// The original issue price per share.
  public var originalIssuePrice: Ratio
  /// The preference multiple: the preference is multiple × original issue price per share.
  public var preferenceMultiple: Ratio
  /// None, full, or capped at a multiple of the original issue price (total per share).
  public var participation: Participation
  /// Seniority: a higher rank is paid first; equal ranks are pari passu.
  public var seniority: Int
  /// Common shares per share on conversion now (after splits and anti-dilution).
  public var conversionRatio: Ratio
  /// Whether the class may convert at all (false: it has no conversion right, so it takes its
  /// preference and participation and never converts).
  public var convertible: Bool

  /// Terms; 1x non-participating, rank 1, converting one for one unless stated.
  public init(
    originalIssuePrice: Ratio, preferenceMultiple: Ratio = .one,
    participation: Participation = .none, seniority: Int = 1, conversionRatio: Ratio = .one,
    convertible: Bool = true
  ) {
    self.originalIssuePrice = originalIssuePrice
    self.preferenceMultiple = preferenceMultiple
    self.participation = participation
    self.seniority = seniority
    self.conversionRatio = conversionRatio
    self.convertible = convertible
  }
}

/// Options or warrants held by one holder at one strike.
public struct OptionHolding: Sendable, Hashable {
  /// An option from an equity plan or a warrant.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A plan option.
    case option
    /// A warrant.
    case warrant
  }

  /// How many of the outstanding options have vested.
  public enum Vesting: Sendable, Hashable {
    /// All outstanding options are vested.
    case fullyVested
    /// A vested count given directly (what a hand-built model knows).
    case vested(Shares)
    /// A schedule over the grant, less what was exercised (as `OptionPosition` counts it).
    case schedule(VestingSchedule, granted: Shares, exercised: Shares)
  }

  /// The stakeholder holding the options: what the waterfall joins holdings on.
  public var holder: Stakeholder.ID
  /// The holder's name, for display only.
  public var holderName: String
  /// Option or warrant.
  public var kind: Kind
  /// Outstanding: granted, not exercised, not cancelled.
  public var outstanding: Shares
  /// Exercise price per share.
  public var strike: Ratio
  /// What has vested.
  public var vesting: Vesting

  /// Options (or warrants) of stakeholder `holder`, shown as `name`, outstanding at a strike;
  /// fully vested unless stated.
  public init(
    holder: Stakeholder.ID, name: String, _ outstanding: Shares, strike: Ratio,
    kind: Kind = .option, vesting: Vesting = .fullyVested
  ) {
    self.holder = holder
    self.holderName = name
    self.kind = kind
    self.outstanding = outstanding
    self.strike = strike
    self.vesting = vesting
  }

  /// Options (or warrants) of a party of a hand-built capitalization, whose id is its name.
  public init(
    _ name: String, _ outstanding: Shares, strike: Ratio, kind: Kind = .option,
    vesting: Vesting = .fullyVested
  ) {
    self.init(
      holder: Stakeholder.ID(name), name: name, outstanding, strike: strike, kind: kind,
      vesting: vesting)
  }

  /// Outstanding options vested on `date`, never more than are outstanding.
  public func vested(asOf date: CalendarDate) -> Shares {
    switch vesting {
    case .fullyVested: outstanding
    case .vested(let count): max(.zero, min(count, outstanding))
    case .schedule(let schedule, let granted, let exercised):
      max(.zero, min(outstanding, schedule.vested(of: granted, asOf: date) - exercised))
    }
  }
}
