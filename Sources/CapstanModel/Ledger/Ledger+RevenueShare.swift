/// The revenue shares a ledger records: obligations the company owes, read from the ledger as
/// corrected (a voided one is left out); they change no number of the ownership table.
extension Ledger {
  /// A revenue share and the day it was granted.
  public struct RevenueShare: Sendable, Hashable {
    /// The grant's date.
    public var granted: CalendarDate
    /// The terms.
    public var terms: RevenueShareIssuance
  }

  /// The revenue shares granted on or before `date` (every one when nil), in recording order.
  public func revenueShares(asOf date: CalendarDate? = nil) -> [RevenueShare] {
    effectiveTransactions.compactMap { transaction in
      guard date.map({ transaction.date <= $0 }) ?? true,
        let terms = transaction.event.payload(as: RevenueShareIssuance.self)
      else { return nil }
      return RevenueShare(granted: transaction.date, terms: terms)
    }
  }
}
