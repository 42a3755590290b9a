import CapstanModel

extension RoundModel {
  /// A note for each compute-SAFE outstanding at the closing: what converts (the purchase
  /// amount accrued by the closing, as a post-money SAFE of that amount) and what does not
  /// (the undrawn commitment; draws suspended by an SLA breach added nothing).
  public var computeSAFENotes: [String] {
    let currency = table.company.currency
    func money(_ value: Ratio) -> String { Money(value, currency).formatted }
    return table.computeSAFEs.values.sorted { $0.issuance.security < $1.issuance.security }
      .compactMap { position -> String? in
        let terms = position.issuance
        let id = terms.security
        let accrued = position.accrued
        guard accrued == .zero || table.convertibles[id] != nil else { return nil }
        let unit = terms.unit.words
        let undrawn =
          "the undrawn \(ComputeSAFEPosition.units(position.undrawn)) \(unit) "
          + "(\(money(position.undrawn * terms.agreedPrice)) at the agreed price) do not convert"
        guard accrued > .zero else {
          return "\(id) (\(table.name(of: terms.provider))): nothing accrued by the closing, so "
            + "it does not convert in this round; \(undrawn)"
        }
        let suspended = position.suspendedUnits
        return "\(id) (\(table.name(of: terms.provider))): converts as a post-money SAFE of "
          + "\(money(accrued)) accrued by the closing (\(ComputeSAFEPosition.units(position.drawn)) "
          + "\(unit) drawn"
          + (suspended > .zero
            ? ", \(ComputeSAFEPosition.units(suspended)) of them in SLA breaches, not accrued" : "")
          + "); \(undrawn)"
      }
  }
}
