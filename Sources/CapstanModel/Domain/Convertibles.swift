/// A SAFE (simple agreement for future equity) as issued: money now, shares at the next
/// priced round.
public struct SAFEIssuance: Sendable, Hashable, Codable {
  /// Post-money (the current YC form) or pre-money.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The YC post-money SAFE: the cap is divided over the Company Capitalization including
    /// every converting security.
    case postMoney = "post-money"
    /// The pre-money SAFE: the cap is divided over the pre-money capitalization excluding
    /// SAFEs and notes.
    case preMoney = "pre-money"
  }

  /// The SAFE's id (`SAFE-1`).
  public var security: SecurityID
  /// The investor.
  public var holder: Stakeholder.ID
  /// The purchase amount.
  public var purchaseAmount: Ratio
  /// Post- or pre-money.
  public var kind: Kind
  /// The valuation cap, if any.
  public var valuationCap: Ratio?
  /// The discount to the round price (0.2 for 20 %), if any.
  public var discount: Ratio?
  /// Whether the SAFE may adopt the better terms of a later SAFE.
  public var mostFavoredNation: Bool
  /// Whether a pro rata side letter comes with it.
  public var proRata: Bool
  /// Where its cash-out amount is paid at a liquidity event (on par with preferred by default).
  public var rank: ConvertibleRank
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  /// A SAFE.
  public init(
    security: SecurityID, holder: Stakeholder.ID, purchaseAmount: Ratio, kind: Kind = .postMoney,
    valuationCap: Ratio? = nil, discount: Ratio? = nil, mostFavoredNation: Bool = false,
    proRata: Bool = false, rank: ConvertibleRank = .withPreferred
  ) {
    self.security = security
    self.holder = holder
    self.purchaseAmount = purchaseAmount
    self.kind = kind
    self.valuationCap = valuationCap
    self.discount = discount
    self.mostFavoredNation = mostFavoredNation
    self.proRata = proRata
    self.rank = rank
  }
}

/// A convertible note as issued: a loan that accrues interest and converts at the next round.
public struct NoteIssuance: Sendable, Hashable, Codable {
  /// How interest compounds.
  public enum Compounding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Simple interest.
    case simple
    /// Compounded once a year.
    case annual
  }

  /// How days are counted.
  public enum DayCount: String, Sendable, Hashable, Codable, CaseIterable {
    /// Actual days over 365.
    case actual365 = "act/365"
    /// 30-day months over a 360-day year.
    case thirty360 = "30/360"
  }

  /// What the cap is divided by to give the cap price (the note states it).
  public enum CapBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// The round's pre-money fully diluted shares, conversions included (the usual reading).
    case preMoneyFullyDiluted = "pre-money-fully-diluted"
    /// The pre-money capitalization with the pool increase, without SAFEs and notes.
    case preMoneyCompanyCapitalization = "pre-money-company-capitalization"
    /// The capitalization with every conversion but not the pool increase (post-money style).
    case postMoneyCompanyCapitalization = "post-money-company-capitalization"
  }

  /// The note's id (`N-1`).
  public var security: SecurityID
  /// The lender.
  public var holder: Stakeholder.ID
  /// The principal.
  public var principal: Ratio
  /// The annual interest rate (0.08 for 8 %).
  public var rate: Ratio
  /// Simple or annual compounding.
  public var compounding: Compounding
  /// ACT/365 or 30/360.
  public var dayCount: DayCount
  /// The maturity date, if any.
  public var maturity: CalendarDate?
  /// The valuation cap, if any.
  public var valuationCap: Ratio?
  /// The discount to the round price, if any.
  public var discount: Ratio?
  /// What the cap is divided by.
  public var capBasis: CapBasis
  /// Where it is repaid at a liquidity event: on par with preferred by default, or as debt.
  public var rank: ConvertibleRank
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  /// A note.
  public init(
    security: SecurityID, holder: Stakeholder.ID, principal: Ratio, rate: Ratio,
    compounding: Compounding = .simple, dayCount: DayCount = .actual365,
    maturity: CalendarDate? = nil, valuationCap: Ratio? = nil, discount: Ratio? = nil,
    capBasis: CapBasis = .preMoneyFullyDiluted, rank: ConvertibleRank = .withPreferred
  ) {
    self.security = security
    self.holder = holder
    self.principal = principal
    self.rate = rate
    self.compounding = compounding
    self.dayCount = dayCount
    self.maturity = maturity
    self.valuationCap = valuationCap
    self.discount = discount
    self.capBasis = capBasis
    self.rank = rank
  }
}

/// A warrant: the right to buy shares of a class at a strike; counts in fully diluted.
public struct WarrantIssuance: Sendable, Hashable, Codable {
  /// The warrant's id (`W-1`).
  public var security: SecurityID
  /// The holder.
  public var holder: Stakeholder.ID
  /// The class the warrant is exercisable for.
  public var shareClass: ShareClass.ID
  /// Shares it buys.
  public var quantity: Shares
  /// The exercise price per share.
  public var strike: Ratio
  /// Last exercise date, if any.
  public var expires: CalendarDate?
  /// The id people know the security by (an OCF `custom_id`, a certificate number such as
  /// `CS-1`), when it is not `security`.
  public var customID: String? = nil

  /// A warrant.
  public init(
    security: SecurityID, holder: Stakeholder.ID, shareClass: ShareClass.ID, quantity: Shares,
    strike: Ratio, expires: CalendarDate? = nil
  ) {
    self.security = security
    self.holder = holder
    self.shareClass = shareClass
    self.quantity = quantity
    self.strike = strike
    self.expires = expires
  }
}

/// A SAFE or note converted into stock at a priced round (OCF TX_CONVERTIBLE_CONVERSION): the
/// convertible closes and its holder receives a new stock security.
public struct Conversion: Sendable, Hashable, Codable {
  /// The SAFE or note converted.
  public var security: SecurityID
  /// The stock security issued.
  public var resultingSecurity: SecurityID
  /// The class it converts into.
  public var shareClass: ShareClass.ID
  /// Shares issued.
  public var quantity: Shares
  /// The conversion price per share.
  public var pricePerShare: Ratio
  /// The id people know the stock issued by (its OCF `custom_id`), when it is not
  /// `resultingSecurity`.
  public var customID: String? = nil

  /// A conversion.
  public init(
    security: SecurityID, resultingSecurity: SecurityID, shareClass: ShareClass.ID,
    quantity: Shares,
    pricePerShare: Ratio
  ) {
    self.security = security
    self.resultingSecurity = resultingSecurity
    self.shareClass = shareClass
    self.quantity = quantity
    self.pricePerShare = pricePerShare
  }
}

/// A preferred class's new conversion price after an anti-dilution adjustment: its shares then
/// convert into (old conversion price ÷ new) times as many common shares as before.
public struct ConversionPriceChange: Sendable, Hashable, Codable {
  /// The protected class.
  public var shareClass: ShareClass.ID
  /// The new conversion price (CP2).
  public var newConversionPrice: Ratio

  /// A change.
  public init(shareClass: ShareClass.ID, newConversionPrice: Ratio) {
    self.shareClass = shareClass
    self.newConversionPrice = newConversionPrice
  }
}
