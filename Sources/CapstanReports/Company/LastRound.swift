import CapstanModel

/// The price of a company's last priced round on a date: the latest issuance of preferred stock
/// (a round's closing issues the new class at the round price).
public struct LastRound: Sendable, Hashable {
  /// The class issued.
  public var className: String
  /// The class id.
  public var shareClass: ShareClass.ID
  /// The closing date.
  public var date: CalendarDate
  /// The price per share of that class.
  public var price: Ratio
  /// The price per common-equivalent share: price ÷ the class's conversion ratio on the date.
  public var pricePerCommon: Ratio

  /// The last round on or before the table's date, or nil when no preferred was ever issued.
  public init?(ledger: Ledger, table: CapTable) {
    var found: (StockIssuance, CalendarDate)?
    let preferred = Set(ledger.classes.filter { $0.kind == .preferred }.map(\.id))
    for transaction in ledger.transactions where transaction.date <= table.asOf {
      guard case .issueStock(let issuance) = transaction.event,
        preferred.contains(issuance.shareClass), !issuance.pricePerShare.isZero
      else { continue }
      if let current = found, current.1 > transaction.date { continue }
      found = (issuance, transaction.date)
    }
    guard let (issuance, date) = found else { return nil }
    shareClass = issuance.shareClass
    className = table.classes[issuance.shareClass]?.definition.name ?? issuance.shareClass.rawValue
    self.date = date
    price = issuance.pricePerShare
    let ratio = table.classes[issuance.shareClass]?.conversionRatio ?? .one
    pricePerCommon = ratio.isZero ? price : price / ratio
  }
}
