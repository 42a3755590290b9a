import CapstanModel

extension ConvertibleListing {
  /// A compute-SAFE's row in `safe list`: the amount is the purchase amount accrued by the
  /// date (draws so far, less those suspended by an SLA breach), the type `compute-SAFE`; it
  /// is outstanding until converted or cancelled, drawn or not.
  static func computeSAFERow(
    _ safe: ComputeSAFEIssuance, _ table: CapTable, status: (SecurityID) -> String
  ) -> Row {
    let position = table.computeSAFEs[safe.security]
    let accrued = position?.accrued ?? .zero
    return Row(
      security: safe.security.rawValue, stakeholder: safe.provider,
      holder: table.name(of: safe.provider), amount: accrued, cap: safe.valuationCap,
      discount: safe.discount, type: "compute-SAFE",
      status: position != nil && accrued == .zero ? "outstanding" : status(safe.security))
  }
}
