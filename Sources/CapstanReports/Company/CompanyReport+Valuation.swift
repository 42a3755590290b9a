import CapstanModel

extension CompanyReport {
  /// The 409A of common in force on the report's date (the latest effective on or before it,
  /// of the first common class that has one): its price, date and class; nothing without one,
  /// so reports of companies without valuations are unchanged. A 409A dated before a split of
  /// its class is used split-adjusted, and one before a split or more than 12 months old is
  /// flagged (`409a_note`).
  static func valuationFacts(_ valuations: [ShareValuation], table: CapTable, ledger: Ledger)
    -> [ReportFact]
  {
    let common = table.classes.values.filter { $0.definition.kind == .common }
      .sorted(by: classOrder)
    for state in common {
      guard
        let valuation = valuations.inForce(
          on: table.asOf, shareClass: state.definition.id, kind: .section409A)
      else { continue }
      var facts = [
        ReportFact(
          "409a_price", "409A price (\(state.definition.name))",
          .price(valuation.splitAdjustedPrice(in: ledger, through: table.asOf))),
        ReportFact("409a_date", "409A effective", .date(valuation.effective)),
      ]
      let flags = valuation.flags(in: ledger, on: table.asOf, currency: ledger.company.currency)
      if !flags.isEmpty {
        facts.append(ReportFact("409a_note", "409A note", .text(flags.joined(separator: "; "))))
      }
      return facts
    }
    return []
  }
}
