import CapstanModel
import Foundation

/// Compute-token transactions in `transactions`: the typed columns a reader of the table needs
/// (grant id, provider, tokens, price, expiry, clawback event), and the whole event as JSON in
/// `extra`, which is what is read back.
extension TransactionRecord {
  mutating func setTokenEvent(_ event: LedgerEvent) {
    switch event {
    case .grantCompute(let grant):
      self[.security] = grant.security.rawValue
      self[.holder] = grant.provider.rawValue
      self[.quantity] = grant.tokens.count
      self[.price] = grant.agreedPrice.storedText
      self[.expires] = grant.expires?.iso
      self[.resultingSecurity] = grant.equity?.security.rawValue
      self[.reason] = grant.clawbackOn
    case .redeemTokens(let use):
      self[.security] = use.grant.rawValue
      self[.quantity] = use.tokens.count
    case .sellTokens(let sale):
      self[.security] = sale.grant.rawValue
      self[.quantity] = sale.tokens.count
      self[.price] = sale.price.storedText
    case .clawbackTokens(let clawback):
      self[.security] = clawback.grant.rawValue
      self[.quantity] = clawback.tokens.count
      self[.reason] = clawback.event
    default:
      return
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if let data = try? encoder.encode(event) {
      self[.extra] = String(decoding: data, as: UTF8.self)
    }
  }
}

extension LedgerEvent {
  /// A compute-token event from its row's JSON.
  init(tokenRow row: StoredRow, extraColumn: Int) throws(StoreError) {
    let text = try row.text(extraColumn)
    do {
      self = try JSONDecoder().decode(LedgerEvent.self, from: Data(text.utf8))
    } catch {
      throw row.failure("has a token event that cannot be read: \(text)")
    }
  }
}
