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
