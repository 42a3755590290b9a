/// A field a `--mapping` file can name: a column of the holdings (`holder`, `quantity`...) or
/// a class term (`original-issue-price`, `liquidation-multiple`...), by its name.
public enum SheetField: Sendable, Hashable {
  /// A holdings column.
  case column(SheetColumn)
  /// A class's term, beside the holdings or on a "Share classes" sheet.
  case classTerm(ClassTermColumn)

  /// The class terms a mapping file can name: the economics (a class's name, type and
  /// authorized shares are found by their headers only).
  public static let mappableTerms: [ClassTermColumn] = [
    .originalIssuePrice, .liquidationMultiple, .participation, .participationCap, .seniority,
    .antiDilution, .conversionRatio, .conversionPrice,
  ]

  /// Every name a mapping file accepts, in the order they are listed in messages.
  public static var names: [String] {
    SheetColumn.allCases.map(\.rawValue) + mappableTerms.map(\.rawValue)
  }

  /// The field named `name` (lowercased), if any.
  public init?(name: String) {
    let key = name.lowercased()
    if let column = SheetColumn(rawValue: key) {
      self = .column(column)
    } else if let term = ClassTermColumn(rawValue: key), Self.mappableTerms.contains(term) {
      self = .classTerm(term)
    } else {
      return nil
    }
  }
}
