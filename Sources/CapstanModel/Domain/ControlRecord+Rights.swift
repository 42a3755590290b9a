/// A right over a company that an investor or supplier holds outside the cap table, of one of
/// the kinds the FTC's 6(b) study of AI partnerships singled out (besides equity): exclusivity,
/// spend commitments, information rights, consultation and consent rights, observer seats,
/// revenue shares.
public struct ControlRight: Sendable, Hashable, Codable {
  /// What kind of right.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The holder is the company's exclusive supplier (or partner) of something.
    case exclusivity
    /// The company commits to spend an amount with the holder over a period.
    case spendCommitment = "spend-commitment"
    /// The holder receives the company's information (financials, roadmaps, inspection).
    case informationRights = "information-rights"
    /// The company must consult the holder before a decision.
    case consultation
    /// The company needs the holder's consent for a decision.
    case consent
    /// The holder has a non-voting seat at the board's meetings.
    case observerSeat = "observer-seat"
    /// The holder receives a share of the company's revenue.
    case revenueShare = "revenue-share"
  }

  /// The holder.
  public var holder: Stakeholder.ID
  /// The kind.
  public var kind: Kind
  /// What the right covers, in the agreement's words ("exclusive compute supplier"); names the
  /// right when it ends.
  public var name: String
  /// The committed amount (spend commitments).
  public var amount: Ratio?
  /// The committed period (`12 months`, `2027`), as the agreement states it.
  public var period: String?
  /// The first day the right no longer holds, when the agreement fixes one.
  public var ends: CalendarDate?

  /// A right.
  public init(
    holder: Stakeholder.ID, kind: Kind, name: String, amount: Ratio? = nil,
    period: String? = nil, ends: CalendarDate? = nil
  ) {
    self.holder = holder
    self.kind = kind
    self.name = name
    self.amount = amount
    self.period = period
    self.ends = ends
  }

  /// Whether the right is held on `date` (before its end, if any).
  public func isHeld(on date: CalendarDate) -> Bool { ends.map { date < $0 } ?? true }
}
