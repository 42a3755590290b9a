/// A valuation of one class's shares from a date on: a 409A appraisal, or another kind.
///
/// Dated reference data kept beside the ledger (append-only): it moves no shares, so replay
/// never reads it. The price is exact, as everywhere; the latest valuation effective on a date
/// is the one in force.
public struct ShareValuation: Sendable, Hashable, Codable {
  /// What kind of valuation (OCF `valuation_type`).
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An independent appraisal of fair market value under IRC section 409A (OCF `409A`).
    case section409A = "409a"
    /// Any other valuation (a board determination, a financing); OCF 1.2.0 has no type for it.
    case other

    /// How it is shown: `409A`, `other`.
    public var label: String { self == .section409A ? "409A" : rawValue }
  }

  /// The first day the valuation holds.
  public var effective: CalendarDate
  /// The class valued.
  public var shareClass: ShareClass.ID
  /// The value of one share, in the company's currency.
  public var pricePerShare: Ratio
  /// The kind.
  public var kind: Kind
  /// Who provided it (an appraiser), if recorded.
  public var provider: String?
  /// When the board approved it, if recorded.
  public var boardApproved: CalendarDate?

  /// A valuation.
  public init(
    effective: CalendarDate, shareClass: ShareClass.ID, pricePerShare: Ratio,
    kind: Kind = .section409A, provider: String? = nil, boardApproved: CalendarDate? = nil
  ) {
    self.effective = effective
    self.shareClass = shareClass
    self.pricePerShare = pricePerShare
    self.kind = kind
    self.provider = provider
    self.boardApproved = boardApproved
  }
}

extension Array where Element == ShareValuation {
  /// The valuation in force on `date` for a class and kind: the latest effective on or before
  /// it (of two on one day, the one recorded last).
  public func inForce(
    on date: CalendarDate, shareClass: ShareClass.ID, kind: ShareValuation.Kind = .section409A
  ) -> ShareValuation? {
    var found: ShareValuation?
    for valuation in self
    where valuation.shareClass == shareClass && valuation.kind == kind
      && valuation.effective <= date
    {
      if found.map({ $0.effective <= valuation.effective }) ?? true { found = valuation }
    }
    return found
  }
}
