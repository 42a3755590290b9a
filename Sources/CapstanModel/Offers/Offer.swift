/// A financing offer the company has received and not yet accepted: the terms of the priced
/// round it would be (cash investors, token investors with their unlock, release and clawback
/// terms, pool top-up), plus cloud-credit and revenue-share legs that buy no shares.
///
/// Offers are workspace objects, not ledger facts: nothing in them changes the cap table until
/// `capstan round save --from-offer` and `capstan round close` turn one into the ledger. They
/// are not exported to Capstan XML or Open Cap Format (docs/offers.md).
public struct Offer: Sendable, Hashable, Codable {
  /// The name, unique (case-insensitively) among the company's current offers.
  public var name: String
  /// The closing date the offer is modelled for (notes accrue to it, unlocks start from it).
  public var closing: CalendarDate
  /// The priced round the offer is: valuation, cash and token investors, pool, class terms.
  public var terms: RoundTerms
  /// Cloud credits offered beside the round (no shares).
  public var credits: [CreditLeg]
  /// Compute credits repaid out of revenue (no shares).
  public var revenueShares: [RevenueShareLeg]
  /// Compute-SAFEs offered beside the round (no shares in this round: they convert at the
  /// next priced round).
  public var computeSAFEs: [ComputeSAFELeg]

  /// An offer.
  public init(
    name: String, closing: CalendarDate, terms: RoundTerms, credits: [CreditLeg] = [],
    revenueShares: [RevenueShareLeg] = [], computeSAFEs: [ComputeSAFELeg] = []
  ) {
    self.name = name
    self.closing = closing
    self.terms = terms
    self.credits = credits
    self.revenueShares = revenueShares
    self.computeSAFEs = computeSAFEs
  }

  private enum CodingKeys: String, CodingKey {
    case name, closing, terms, credits, revenueShares, computeSAFEs
  }

  /// Decodes an offer; one stored before compute-SAFE legs existed has none.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    closing = try container.decode(CalendarDate.self, forKey: .closing)
    terms = try container.decode(RoundTerms.self, forKey: .terms)
    credits = try container.decode([CreditLeg].self, forKey: .credits)
    revenueShares = try container.decode([RevenueShareLeg].self, forKey: .revenueShares)
    computeSAFEs =
      try container.decodeIfPresent([ComputeSAFELeg].self, forKey: .computeSAFEs) ?? []
  }

  /// Cloud credits: compute paid for by the provider, lost when unused by the expiry.
  public struct CreditLeg: Sendable, Hashable, Codable {
    /// The credits' cash value.
    public var amount: Ratio
    /// Months after the closing the credits expire.
    public var expiresMonths: Int
    /// Who grants them (a name; need not be a stakeholder).
    public var provider: String

    /// A credit leg.
    public init(amount: Ratio, expiresMonths: Int, provider: String) {
      self.amount = amount
      self.expiresMonths = expiresMonths
      self.provider = provider
    }
  }

  /// Compute credits now, repaid as a percentage of revenue until a multiple of the credits is
  /// paid back.
  public struct RevenueShareLeg: Sendable, Hashable, Codable {
    /// Who grants the credits.
    public var provider: String
    /// The credits' cash value, delivered at the closing.
    public var credits: Ratio
    /// The fraction of each month's revenue paid (0.05 for 5 %).
    public var percentage: Ratio
    /// Payments stop when they reach this multiple of the credits (1.5 for 1.5x).
    public var capMultiple: Ratio

    /// A revenue-share leg.
    public init(provider: String, credits: Ratio, percentage: Ratio, capMultiple: Ratio) {
      self.provider = provider
      self.credits = credits
      self.percentage = percentage
      self.capMultiple = capMultiple
    }

    /// What the company repays in all: credits × cap multiple.
    public var cap: Ratio { credits * capMultiple }
  }
}

/// One change to a company's offers, as the store keeps it (append-only): an offer added, or
/// the current offer of a name removed (a tombstone; the name is then free again).
public enum OfferChange: Sendable, Hashable, Codable {
  /// An offer added.
  case added(Offer)
  /// The offer of this name removed.
  case removed(name: String)

  /// The current offers after `changes`, in the order they were added.
  public static func current(_ changes: [OfferChange]) -> [Offer] {
    var offers: [Offer] = []
    for change in changes {
      switch change {
      case .added(let offer):
        offers.removeAll { $0.name.lowercased() == offer.name.lowercased() }
        offers.append(offer)
      case .removed(let name):
        offers.removeAll { $0.name.lowercased() == name.lowercased() }
      }
    }
    return offers
  }

  /// The name the change is about.
  public var name: String {
    switch self {
    case .added(let offer): offer.name
    case .removed(let name): name
    }
  }
}
