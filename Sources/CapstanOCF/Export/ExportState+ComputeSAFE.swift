import CapstanModel

extension ExportState {
  /// The line `skipped` lists for each compute-SAFE that converted: OCF has no object for the
  /// compute-SAFE, so its conversion is exported as the stock issued for it.
  static let computeSAFEConversionLine =
    "conversion of a compute-SAFE (exported as the stock issued to the provider; OCF has no "
    + "object for the compute-SAFE)"

  /// For a conversion of a compute-SAFE (which is not exported): the stock it issued to the
  /// provider, as a plain TX_STOCK_ISSUANCE, with the line listed in `skipped`; nil for any
  /// other conversion.
  mutating func computeSAFEConversion(
    _ e: Conversion, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]]? {
    let provider = ledger.transactions.lazy
      .compactMap { $0.event.payload(as: ComputeSAFEIssuance.self) }
      .first { $0.security == e.security }?.provider
    guard let provider else { return nil }
    skipped[Self.computeSAFEConversionLine, default: 0] += 1
    return issuance(
      id + "-result", date, security: e.resultingSecurity,
      Stock(
        holder: provider, shareClass: e.shareClass, quantity: e.quantity,
        price: e.pricePerShare, vesting: nil))
  }
}
