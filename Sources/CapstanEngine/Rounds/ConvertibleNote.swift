import CapstanModel

/// A convertible promissory note that converts, principal plus accrued interest, in the round.
public struct ConvertibleNote: Sendable, Hashable, Codable, Identifiable {
  /// The security's id (`CN-1`).
  public var id: SecurityID
  /// The holder: a stakeholder from a ledger, a named party in a hand-built scenario.
  public var holder: RoundParticipant
  /// The principal lent.
  public var principal: Ratio
  /// The annual interest rate: 0.08 for 8 %.
  public var interestRate: Ratio
  /// Simple or annually compounded.
  public var compounding: InterestCompounding
  /// ACT/365 or 30/360.
  public var dayCount: DayCount
  /// The issue date, from which interest accrues.
  public var issued: CalendarDate
  /// The maturity date, if any (interest keeps accruing after it until conversion).
  public var maturity: CalendarDate?
  /// The valuation cap, if any.
  public var valuationCap: Ratio?
  /// The discount off the round price, if any: 0.2 for 20 %.
  public var discount: Ratio?
  /// What the cap is divided by, as the note states it.
  public var capBasis: CapitalizationBasis

  /// A note; simple interest on ACT/365 unless stated.
  public init(
    id: SecurityID, holder: RoundParticipant, principal: Ratio, interestRate: Ratio,
    compounding: InterestCompounding = .simple, dayCount: DayCount = .actual365,
    issued: CalendarDate, maturity: CalendarDate? = nil, valuationCap: Ratio? = nil,
    discount: Ratio? = nil, capBasis: CapitalizationBasis
  ) {
    self.id = id
    self.holder = holder
    self.principal = principal
    self.interestRate = interestRate
    self.compounding = compounding
    self.dayCount = dayCount
    self.issued = issued
    self.maturity = maturity
    self.valuationCap = valuationCap
    self.discount = discount
    self.capBasis = capBasis
  }

  /// Interest accrued from issue to `date`, exact and rounded per `rounding`.
  ///
  /// Simple: I = P × r × t, with t the day-count year fraction. Annual compounding:
  /// A = P × (1 + r)^n × (1 + r × s), with n whole years (anniversaries of issue for ACT/365,
  /// 360-day years for 30/360) and s the remaining part year; I = A − P. Interest is rounded
  /// half-up to `rounding.interestPlaces` (cents) before conversion, per DESIGN.md.
  public func accrual(to date: CalendarDate, rounding: RoundingPolicy) throws(RoundError)
    -> NoteAccrual
  {
    guard date >= issued else {
      throw .closingBeforeIssue(security: id, issued: issued, closing: date)
    }
    guard !interestRate.isNegative else {
      throw .negativeInterestRate(security: id, rate: interestRate)
    }
    let days = dayCount.days(from: issued, to: date)
    let exact: Ratio
    switch compounding {
    case .simple:
      exact = principal * interestRate * dayCount.yearFraction(from: issued, to: date)
    case .annual:
      let years: Int
      let stub: Ratio
      switch dayCount {
      case .actual365:
        years = issued.wholeMonths(until: date) / 12
        let anniversary = issued.adding(months: 12 * years)
        stub = dayCount.yearFraction(from: anniversary, to: date)
      case .thirty360:
        years = days / 360
        stub = Ratio(Int64(days % 360), 360)
      }
      var amount = principal
      for _ in 0..<years { amount *= .one + interestRate }
      amount *= .one + interestRate * stub
      exact = amount - principal
    }
    let interest = exact.rounded(places: rounding.interestPlaces, .halfUp)
    return NoteAccrual(
      principal: principal, exactInterest: exact, interest: interest, days: days,
      pastMaturity: maturity.map { date > $0 } ?? false)
  }
}

/// A note's interest to the closing date and the amount that converts.
public struct NoteAccrual: Sendable, Hashable {
  /// The principal.
  public var principal: Ratio
  /// The interest before rounding.
  public var exactInterest: Ratio
  /// The interest rounded to cents (per the policy), as it converts.
  public var interest: Ratio
  /// Days counted under the note's day-count convention.
  public var days: Int
  /// Whether the round closes after the note's maturity date.
  public var pastMaturity: Bool

  /// Principal plus rounded interest: what converts.
  public var convertingAmount: Ratio { principal + interest }
}
