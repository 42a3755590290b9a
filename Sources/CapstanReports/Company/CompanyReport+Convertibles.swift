import CapstanEngine
import CapstanModel

extension CompanyReport {
  /// The holder group (and class column) of the SAFEs' and notes' estimated shares.
  static let convertiblesGroup = "SAFEs and notes (estimated)"

  /// The note under a section whose percentages count convertibles at their estimate.
  static let estimateNote =
    "SAFEs and notes outstanding count as the shares they would convert into, estimated at "
    + "their caps as capstan table --basis fully-diluted-with-convertibles does: an estimate "
    + "(the round that converts them sets the real numbers). FD % includes them."

  /// Whether the ledger issued a SAFE or a note on or before `date` (the ownership history
  /// then has a group for their estimates).
  static func hasConvertibles(_ ledger: Ledger, asOf date: CalendarDate) -> Bool {
    ledger.effectiveTransactions.contains { transaction in
      guard transaction.date <= date else { return false }
      return transaction.event.kind == .safe || transaction.event.kind == .note
    }
  }
}
