import CapstanModel

/// Compute-SAFE transactions: the typed columns a reader of the table needs (the security, the
/// provider, the agreed price) and the whole event as JSON in `extra`, which is what is read
/// back (as the token events are stored; no column fits the window, unit or units drawn).
extension ComputeSAFEIssuance: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = security.rawValue
    record[.holder] = provider.rawValue
    record[.price] = agreedPrice.storedText
  }
}

extension ComputeSAFEDraw: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = security.rawValue
  }
}

extension ComputeSAFEBreach: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = security.rawValue
    record[.expires] = through?.iso
  }
}

extension StoredEventTable {
  /// The compute-SAFE events' stored forms, in this file.
  static let computeSAFEEvents: [Entry] = [
    .init(ComputeSAFEIssuance.self),
    .init(ComputeSAFEDraw.self),
    .init(ComputeSAFEBreach.self),
  ]
}
