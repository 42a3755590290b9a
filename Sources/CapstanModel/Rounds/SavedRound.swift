/// A priced round's terms as a founder saved them, to show again or close later.
///
/// Plain values only (the engine turns them into its `RoundInput`), so the model and the store
/// need nothing of the engine.
public struct RoundTerms: Sendable, Hashable, Codable {
  /// How the price is set (the engine's `Valuation`).
  public enum Valuation: Sendable, Hashable, Codable {
    /// A pre-money valuation, divided over the pricing shares.
    case preMoney(Ratio)
    /// A post-money valuation; the pre-money is this minus the investors' amounts.
    case postMoney(Ratio)
    /// A stated price per share, used exactly as given.
    case pricePerShare(Ratio)
  }

  /// Which shares the pre-money valuation is divided over to give the price per share (the
  /// engine's `PricingBasis`).
  public enum PricingBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pre-money fully diluted shares including the pool increase and every SAFE's and note's
    /// conversion shares, so the new money is not diluted by them (NVCA and YC practice).
    case includingConversions = "including-conversions"
    /// Pre-money fully diluted shares including the pool increase but not the conversion
    /// shares: the SAFEs and notes then dilute the new investors too.
    case excludingConversions = "excluding-conversions"
    /// The "dollars invested" method: the price is the pre-money plus every SAFE's and note's
    /// converting amount, divided over the pre-money fully diluted shares including the pool
    /// increase and the conversion shares (Cooley, pricing methods). The founders' dilution
    /// falls between the other two methods.
    case dollarsInvested = "dollars-invested"
  }

  /// The option pool increase made in the round (the engine's `PoolTopUp`).
  ///
  /// The increase is counted in the pre-money fully diluted shares (the "option pool
  /// shuffle"): it dilutes the holders before the round, not the new investors.
  public enum Pool: Sendable, Hashable, Codable {
    /// No increase.
    case none
    /// A stated number of new pool shares.
    case increase(Shares)
    /// The smallest increase that makes the unissued pool at least this fraction of
    /// post-money fully diluted shares (0.12 for 12 %), solved together with the price.
    case target(Ratio)
  }

  /// How the price is set.
  public var valuation: Valuation
  /// Investors and amounts, in order.
  public var investors: [Investment]
  /// The pool top-up.
  public var pool: Pool
  /// Which shares the pre-money is divided over to give the price.
  public var pricingBasis: PricingBasis
  /// The new class's name and charter terms; its issue price is the round price.
  public var newClass: NewClassTerms
  /// What holders with a pro rata right take (nil or empty: nobody exercises one).
  public var proRata: [ProRataChoice]?
  /// MFN elections: the SAFE (key) adopts the cap and discount of a later SAFE (value).
  public var mfnAdoptions: [String: String]?
  /// Investors paying in compute tokens (nil or empty: none); see `tokenInvestments`.
  public var tokenConsideration: [TokenInvestment]?
  /// Whether pro rata purchases are added to the round (true) rather than carved out of the
  /// investors' shares, the lead's first (nil or false).
  public var proRataOnTop: Bool?
  /// What narrow-based anti-dilution counts as A in this round (nil: the protected series).
  public var narrowBase: NarrowBase?

  /// Terms.
  public init(
    valuation: Valuation, investors: [Investment], pool: Pool,
    pricingBasis: PricingBasis = .includingConversions,
    newClass: NewClassTerms
  ) {
    self.valuation = valuation
    self.investors = investors
    self.pool = pool
    self.pricingBasis = pricingBasis
    self.newClass = newClass
  }
}

/// A holder's pro rata election in a round.
public struct ProRataChoice: Sendable, Hashable, Codable {
  /// How much of its entitlement the holder takes.
  public enum Take: Sendable, Hashable, Codable {
    /// All of it.
    case full
    /// None.
    case declined
    /// This amount (at most the entitlement).
    case amount(Ratio)
  }

  /// The holder's name (for display; rounds saved before ids were kept name it only).
  public var holder: String
  /// The holder, a stakeholder of the ledger (nil in rounds saved by earlier versions: see
  /// `RoundTerms.resolvingNames(in:)`).
  public var stakeholder: Stakeholder.ID?
  /// What it takes.
  public var take: Take

  /// An election by a stakeholder (or, without an id, by a name still to resolve).
  public init(holder: String, stakeholder: Stakeholder.ID? = nil, take: Take) {
    self.holder = holder
    self.stakeholder = stakeholder
    self.take = take
  }
}

/// One investor's cheque.
public struct Investment: Sendable, Hashable, Codable {
  /// The investor's name (for display; a new investor is created under it at closing).
  public var investor: String
  /// The investor when it is already a stakeholder; nil for a new investor (and in rounds
  /// saved by earlier versions: see `RoundTerms.resolvingNames(in:)`).
  public var stakeholder: Stakeholder.ID?
  /// The amount.
  public var amount: Ratio

  /// An investment.
  public init(investor: String, stakeholder: Stakeholder.ID? = nil, amount: Ratio) {
    self.investor = investor
    self.stakeholder = stakeholder
    self.amount = amount
  }
}

/// The charter terms of the class a round creates.
public struct NewClassTerms: Sendable, Hashable, Codable {
  /// The class's name ("Series A").
  public var name: String
  /// Its liquidation preference.
  public var preference: LiquidationPreference
  /// Its anti-dilution protection.
  public var antiDilution: AntiDilution

  /// Terms.
  public init(
    name: String, preference: LiquidationPreference = LiquidationPreference(),
    antiDilution: AntiDilution = .broadBasedWeightedAverage
  ) {
    self.name = name
    self.preference = preference
    self.antiDilution = antiDilution
  }
}

/// A round saved under a name, with what the model gave when it was saved.
public struct SavedRound: Sendable, Hashable, Codable {
  /// The name, unique within the company.
  public var name: String
  /// The closing date the round was modelled for.
  public var closing: CalendarDate
  /// The terms.
  public var terms: RoundTerms
  /// The key numbers the model gave (price, pool increase, shares per investor and per converting
  /// security), to refuse a close when the ledger has changed them.
  public var outcome: [String: String]

  /// A saved round.
  public init(name: String, closing: CalendarDate, terms: RoundTerms, outcome: [String: String]) {
    self.name = name
    self.closing = closing
    self.terms = terms
    self.outcome = outcome
  }
}
