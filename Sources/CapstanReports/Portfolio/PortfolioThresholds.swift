import CapstanModel
import Yams

/// The thresholds of the portfolio report's control and dependency flags, from a settings file
/// (`capstan report portfolio --settings FILE.yaml`) or the defaults.
///
/// Where each default comes from (docs/reports.md says the same):
/// - `fully_diluted_pct` 20: the presumption of significant influence at 20 % of the voting
///   stock (US GAAP, ASC 323-10-15-8, the equity method); Capstan applies it to the fully
///   diluted stake.
/// - `voting_pct` 50: a majority of the votes, control (ASC 810, a majority voting interest).
/// - `compute_share_pct` 50: Capstan's choice (no published threshold): the supplier delivers
///   at least half of the company's recorded compute.
/// - `segment_companies` 2: seats at two or more companies of one segment, after the
///   interlocking-directorates rule for competitors (Clayton Act § 8, 15 U.S.C. § 19).
public struct PortfolioThresholds: Sendable, Hashable {
  /// Fully diluted fraction from which `fd>=` is raised (default 1/5).
  public var fullyDiluted = Ratio(1, 5)
  /// Fraction of the votes from which `votes>=` is raised (default 1/2).
  public var votes = Ratio(1, 2)
  /// Share of the company's compute supplied from which the dependency flag is raised (1/2).
  public var computeShare = Ratio(1, 2)
  /// How many companies of one segment with the investor's board seats or observers raise
  /// the segment flag (default 2).
  public var segmentCompanies = 2

  /// The defaults.
  public init() {}

  /// The keys a settings file may hold.
  public static let keys = [
    "fully_diluted_pct", "voting_pct", "compute_share_pct", "segment_companies",
  ]

  /// Reads a settings file: a YAML mapping of some of `keys` (percentages as numbers, `20` or
  /// `20%`; the count a whole number ≥ 1); a key left out keeps its default.
  public init(yaml text: String, file: String) throws(InputError) {
    self.init()
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw .invalid(field: file, input: "", expected: "a YAML mapping of thresholds (\(error))")
    }
    guard let root else { return }
    guard let mapping = root.mapping else {
      throw .invalid(field: file, input: "", expected: "a YAML mapping of thresholds")
    }
    for (keyNode, valueNode) in mapping {
      let key = keyNode.string ?? ""
      let line = keyNode.mark.map { ":\($0.line)" } ?? ""
      let field = "\(file)\(line) \(key)"
      guard Self.keys.contains(key) else {
        throw .invalid(
          field: field, input: key, expected: "one of \(Self.keys.joined(separator: ", "))")
      }
      let value = valueNode.scalar?.string ?? ""
      if key == "segment_companies" {
        guard let count = Int(value), count >= 1 else {
          throw .invalid(field: field, input: value, expected: "a whole number of companies ≥ 1")
        }
        segmentCompanies = count
        continue
      }
      let number = value.hasSuffix("%") ? String(value.dropLast()) : value
      let percent = try AmountParser.amount(number, field: field)
      guard percent > .zero, percent <= Ratio(100) else {
        throw .invalid(field: field, input: value, expected: "a percentage above 0 and up to 100")
      }
      let fraction = percent / Ratio(100)
      switch key {
      case "fully_diluted_pct": fullyDiluted = fraction
      case "voting_pct": votes = fraction
      default: computeShare = fraction
      }
    }
  }
}
