import CapstanModel

extension CompanyCapitalization {
  /// Fully diluted shares from a capitalization's three totals: stock as converted, options and
  /// warrants outstanding, and the unissued pool (SAFEs and notes not counted).
  ///
  /// The only place Capstan adds these up: `fullyDiluted` of a ledger snapshot and of a
  /// hand-built `PreRoundCapitalization` (scenarios, what-ifs) both call it.
  public static func fullyDiluted(
    stockAsConverted: Ratio, rightsOutstanding: Ratio, poolAvailable: Ratio
  ) -> Ratio {
    stockAsConverted + rightsOutstanding + poolAvailable
  }
}
