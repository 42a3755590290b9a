import CapstanModel

/// How the round's price is set: the saved terms' type (one vocabulary, declared in Model).
public typealias Valuation = RoundTerms.Valuation

/// Which shares the pre-money valuation is divided over to give the price per share: the saved
/// terms' type (one vocabulary, declared in Model).
public typealias PricingBasis = RoundTerms.PricingBasis

/// An investor of new money and the amount it invests.
public struct Investor: Sendable, Hashable, Codable {
  /// The investor: a stakeholder (joined with its holdings in the pro forma table by id) or a
  /// new investor.
  public var investor: RoundParticipant
  /// The amount invested.
  public var amount: Ratio

  /// An investor.
  public init(_ investor: RoundParticipant, amount: Ratio) {
    self.investor = investor
    self.amount = amount
  }

  /// The investor's display name.
  public var name: String { investor.name }
}

/// Everything a priced round needs: the capitalization before it and the deal's terms.
public struct RoundInput: Sendable, Hashable, Codable {
  /// The capitalization just before the round.
  public var capitalization: PreRoundCapitalization
  /// SAFEs converting in the round.
  public var safes: [SAFE]
  /// Convertible notes converting in the round.
  public var notes: [ConvertibleNote]
  /// Pre-money, post-money or price per share.
  public var valuation: Valuation
  /// The new investors (at least one).
  public var investors: [Investor]
  /// The pool increase: none, a number of shares, or a post-money target.
  public var pool: PoolTopUp
  /// The shares the pre-money is divided over.
  public var pricingBasis: PricingBasis
  /// What each holder with a pro rata right takes (holders not listed take nothing).
  public var proRata: [ProRataElection]
  /// Whether pro rata purchases are added to the round (true) or carved out of the
  /// investors' shares, the lead's first (false, the default).
  public var proRataOnTop: Bool = false
  /// The closing date (notes accrue interest to it).
  public var closing: CalendarDate
  /// How prices, interest and share counts are rounded.
  public var rounding: RoundingPolicy

  /// A round; conversions, pool and pro rata default to none.
  public init(
    capitalization: PreRoundCapitalization, safes: [SAFE] = [], notes: [ConvertibleNote] = [],
    valuation: Valuation, investors: [Investor], pool: PoolTopUp = .none,
    pricingBasis: PricingBasis = .includingConversions, proRata: [ProRataElection] = [],
    closing: CalendarDate, rounding: RoundingPolicy = .standard
  ) {
    self.capitalization = capitalization
    self.safes = safes
    self.notes = notes
    self.valuation = valuation
    self.investors = investors
    self.pool = pool
    self.pricingBasis = pricingBasis
    self.proRata = proRata
    self.closing = closing
    self.rounding = rounding
  }
}
