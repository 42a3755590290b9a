import CapstanModel
import Foundation

/// Compute-token transactions in `transactions`: the typed columns a reader of the table needs
/// (grant id, provider, tokens, price, expiry, clawback event), and the whole event as JSON in
/// `extra`, which is what is read back.
protocol StoredTokenEvent: StoredEventCodec {
  /// Sets the typed columns (the JSON in `extra` is set by `write`).
  func writeColumns(to record: inout TransactionRecord)
}

extension StoredTokenEvent {
  func write(to record: inout TransactionRecord, memo: inout StoredTextMemo) throws {
    writeColumns(to: &record)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    record[.extra] = String(decoding: try encoder.encode(ledgerEvent), as: UTF8.self)
  }

  static func read(_ row: StoredRow, memo: inout TransactionMemo) throws(StoreError) -> Self {
    let text = try row.text(.extra)
    let event: LedgerEvent
    do {
      event = try JSONDecoder().decode(LedgerEvent.self, from: Data(text.utf8))
    } catch {
      throw row.failure("has a token event that cannot be read: \(text)")
    }
    guard let payload = event.payload(as: Self.self) else {
      throw row.failure("has kind \(kind) but holds a \(event.kind) event: \(text)")
    }
    return payload
  }
}

extension ComputeGrant: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = security.rawValue
    record[.holder] = provider.rawValue
    record[.quantity] = tokens.count
    record[.price] = agreedPrice.storedText
    record[.expires] = expires?.iso
    record[.resultingSecurity] = equity?.security.rawValue
    record[.reason] = clawbackOn
  }
}

extension TokenRedemption: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = grant.rawValue
    record[.quantity] = tokens.count
  }
}

extension TokenSale: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = grant.rawValue
    record[.quantity] = tokens.count
    record[.price] = price.storedText
  }
}

extension TokenClawback: StoredTokenEvent {
  func writeColumns(to record: inout TransactionRecord) {
    record[.security] = grant.rawValue
    record[.quantity] = tokens.count
    record[.reason] = event
  }
}

extension StoredEventTable {
  /// The stored forms of the token events, in this file.
  static let tokenEvents: [Entry] = [
    .init(ComputeGrant.self),
    .init(TokenRedemption.self),
    .init(TokenSale.self),
    .init(TokenClawback.self),
  ]
}
