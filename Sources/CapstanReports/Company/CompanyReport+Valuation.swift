import CapstanModel

extension CompanyReport {
  /// The 409A of common in force on the report's date (the latest effective on or before it,
  /// of the first common class that has one): its price, date and class; nothing without one,
  /// so reports of companies without valuations are unchanged.
  static func valuationFacts(_ valuations: [ShareValuation], table: CapTable) -> [ReportFact] {
    let common = table.classes.values.filter { $0.definition.kind == .common }
      .sorted(by: classOrder)
    for state in common {
      guard
        let valuation = valuations.inForce(
          on: table.asOf, shareClass: state.definition.id, kind: .section409A)
      else { continue }
      return [
        ReportFact(
          "409a_price", "409A price (\(state.definition.name))",
          .price(valuation.pricePerShare)),
        ReportFact("409a_date", "409A effective", .date(valuation.effective)),
      ]
    }
    return []
  }
}
