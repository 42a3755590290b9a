import CapstanEngine
import CapstanModel

extension TermSheetDeal {
  /// A compute-SAFE's fields (`{{#compute_safe}}`): the unit, commitment, agreed price, window,
  /// whether SLA breaches suspend accrual, and at the closing the units drawn, those drawn in a
  /// breach, the amount accrued and the undrawn commitment with its value at the agreed price.
  func computeSAFEFields(_ position: ComputeSAFEPosition, _ format: TermSheetFormat)
    -> TermSheetFields
  {
    let terms = position.issuance
    let units = { (value: Ratio) in ComputeSAFEPosition.units(value) }
    var fields = TermSheetFields()
    fields.set("unit", terms.unit.words)
    if case .tokens(let symbol) = terms.unit { fields.set("token", symbol) }
    fields.set("commitment", units(terms.commitment))
    fields.set("agreed_price", format.price(terms.agreedPrice))
    fields.set("committed_amount", format.money(terms.committedAmount))
    fields.set("window_start", format.date(terms.windowStart))
    fields.set("window_end", format.date(terms.windowEnd))
    fields["sla_suspension"] = .flag(terms.slaSuspension)
    fields.set("drawn", units(position.drawn))
    fields.set("suspended", units(position.suspendedUnits))
    fields["has_suspended"] = .flag(position.suspendedUnits > .zero)
    fields.set("accrued", format.money(position.accrued))
    fields.set("undrawn", units(position.undrawn))
    fields.set("undrawn_amount", format.money(position.undrawn * terms.agreedPrice))
    return fields
  }
}
