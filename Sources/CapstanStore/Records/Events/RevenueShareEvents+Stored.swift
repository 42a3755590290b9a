import CapstanModel

/// A revenue share: the typed columns a reader of the table needs (the id, the provider, the
/// credits in `price`, the term's end in `expires`) and the whole event as JSON in `extra`,
/// which is what is read back (as the token events are stored; no column fits the percentage
/// or the cap multiple).
extension RevenueShareIssuance: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = security.rawValue
    record[.holder] = provider.rawValue
    record[.price] = credits.storedText
    record[.expires] = expires?.iso
  }
}

extension StoredEventTable {
  /// The revenue-share events' stored forms, in this file.
  static let revenueShareEvents: [Entry] = [
    .init(RevenueShareIssuance.self)
  ]
}
