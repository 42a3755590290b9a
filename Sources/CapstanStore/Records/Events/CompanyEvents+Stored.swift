import CapstanModel

/// A company note: its text in `reason`.
extension CompanyNote: StoredEventCodec {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    record[.reason] = text
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    CompanyNote(text: try row.text(.reason))
  }
}

extension StoredEventTable {
  /// The stored forms of the company events, in this file.
  static let companyEvents: [Entry] = [
    .init(CompanyNote.self)
  ]
}
