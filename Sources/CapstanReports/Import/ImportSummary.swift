import CapstanInterchange
import CapstanModel

/// What `capstan import` prints for a Capstan XML or OCF import: the counts of what it holds.
public enum ImportSummary {
  /// What an import holds: its reference data and its transactions.
  public static func counts(_ image: CompanyImage) -> String {
    counts(image, tally: image.tally)
  }

  /// What an import holds: `image`'s reference data and `tally`'s transactions.
  public static func counts(_ image: CompanyImage, tally: TransactionTally) -> String {
    let kinds = tally.description
    return
      "\(image.stakeholders.count) stakeholders, \(image.classes.count) classes, "
      + "\(image.plans.count) plans, "
      + (image.tokens.isEmpty
        ? "" : "\(image.tokens.count) tokens with \(image.tokenPrices.count) prices, ")
      + (image.valuations.isEmpty
        ? ""
        : "\(image.valuations.count) valuation\(image.valuations.count == 1 ? "" : "s"), ")
      + "\(tally.total) transactions"
      + (kinds.isEmpty ? "" : " (\(kinds))")
  }

  /// The line of a dry run.
  public static func dryRun(_ image: CompanyImage, file: String) -> String {
    dryRun(counts: counts(image), company: image.company, file: file)
  }

  /// The line of a dry run, from `counts(_:)`.
  public static func dryRun(counts: String, company: Company, file: String) -> String {
    "Dry run of \(file): would create company \(company.name) with \(counts); nothing written\n"
  }

  /// The line of an import.
  public static func imported(_ image: CompanyImage, company: Company, file: String)
    -> String
  {
    imported(counts: counts(image), company: company, file: file)
  }

  /// The same, from `counts(_:)` taken before the image gave its transactions away.
  public static func imported(counts: String, company: Company, file: String) -> String {
    "Imported \(file): company \(company.name), \(counts)\n"
  }
}
