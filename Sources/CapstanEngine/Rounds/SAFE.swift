import CapstanModel

/// A simple agreement for future equity that converts in the round.
public struct SAFE: Sendable, Hashable, Codable, Identifiable {
  /// Post-money or pre-money SAFE: the issuance's type (one vocabulary, declared in Model).
  public typealias Kind = SAFEIssuance.Kind

  /// The security's id (`SAFE-1`).
  public var id: SecurityID
  /// The holder: a stakeholder from a ledger, a named party in a hand-built scenario.
  public var holder: RoundParticipant
  /// Post-money or pre-money.
  public var kind: Kind
  /// The "Purchase Amount" paid for the SAFE.
  public var purchaseAmount: Ratio
  /// Cap and discount as written in the SAFE.
  public var terms: SAFETerms
  /// The MFN right, and the election if used.
  public var mostFavoredNation: MostFavoredNation
  /// Whether the holder has a pro rata right in the round (YC pro rata side letter).
  public var proRata: Bool
  /// The date the SAFE was signed, if known (an MFN election must name a later SAFE).
  public var issued: CalendarDate?

  /// A SAFE; post-money without cap, discount, MFN or pro rata unless stated.
  public init(
    id: SecurityID, holder: RoundParticipant, kind: Kind = .postMoney, purchaseAmount: Ratio,
    valuationCap: Ratio? = nil, discount: Ratio? = nil,
    mostFavoredNation: MostFavoredNation = .none, proRata: Bool = false,
    issued: CalendarDate? = nil
  ) {
    self.id = id
    self.holder = holder
    self.kind = kind
    self.purchaseAmount = purchaseAmount
    self.terms = SAFETerms(valuationCap: valuationCap, discount: discount)
    self.mostFavoredNation = mostFavoredNation
    self.proRata = proRata
    self.issued = issued
  }
}

extension SAFEIssuance.Kind {
  /// The capitalization the cap is divided by, per the kind's own document.
  public var capBasis: CapitalizationBasis {
    switch self {
    case .postMoney: .postMoneyCompanyCapitalization
    case .preMoney: .preMoneyCompanyCapitalization
    }
  }
}
