import CapstanModel
import Foundation

/// A share class's terms as a sheet gives them; a term not given is nil.
public struct SheetClassTerms: Sendable {
  /// The class's name as written.
  public var name: String
  /// Where each term was read (`term → cell`), for messages.
  public var locations: [ClassTermColumn: String] = [:]
  /// Common or preferred.
  public var kind: ShareClass.Kind?
  /// Shares authorized.
  public var authorized: Shares?
  /// Original issue price per share.
  public var originalIssuePrice: Ratio?
  /// Liquidation preference as a multiple of the original issue price.
  public var liquidationMultiple: Ratio?
  /// Non-participating or fully participating (a cap makes it capped).
  public var participates: Bool?
  /// Participation cap as a multiple of the original issue price.
  public var participationCap: Ratio?
  /// Seniority rank: higher is paid first.
  public var seniority: Int?
  /// Anti-dilution protection.
  public var antiDilution: AntiDilution?
  /// Common shares per share on conversion.
  public var conversionRatio: Ratio?
  /// Conversion price.
  public var conversionPrice: Ratio?

  /// Terms of the class `name`, none given yet.
  public init(name: String) { self.name = name }

  /// Whether any economic term was given.
  public var hasEconomics: Bool {
    originalIssuePrice != nil || liquidationMultiple != nil || participates != nil
      || participationCap != nil || seniority != nil || antiDilution != nil
      || conversionRatio != nil || conversionPrice != nil
  }

  /// Reads one cell into the term `column`; a value that does not fit names the cell.
  mutating func read(_ column: ClassTermColumn, _ value: SheetGrid.Value, at location: String)
    throws(ImportError)
  {
    let reader = ClassTermValue(value: value, location: location)
    switch column {
    case .name: return
    case .kind: kind = try reader.kind()
    case .authorized: authorized = try reader.shares()
    case .originalIssuePrice: originalIssuePrice = try reader.amount()
    case .liquidationMultiple: liquidationMultiple = try reader.multiple()
    case .participation:
      let (participates, cap) = try reader.participation()
      self.participates = participates
      if let cap { participationCap = cap }
    case .participationCap: participationCap = try reader.multipleOrNone()
    case .seniority: seniority = try reader.seniority()
    case .antiDilution: antiDilution = try reader.antiDilution()
    case .conversionRatio: conversionRatio = try reader.conversionRatio()
    case .conversionPrice: conversionPrice = try reader.amount()
    }
    locations[column] = location
  }

  /// Adds the terms `other` gives that these lack; a term given twice with different values
  /// is an error naming both cells.
  mutating func merge(_ other: SheetClassTerms) throws(ImportError) {
    func take<T: Equatable>(_ key: WritableKeyPath<SheetClassTerms, T?>, _ column: ClassTermColumn)
      throws(ImportError)
    {
      guard let theirs = other[keyPath: key] else { return }
      if let ours = self[keyPath: key] {
        guard ours == theirs else {
          throw ImportError(
            location: other.locations[column] ?? name,
            message:
              "the \(column.rawValue) of class \(name) differs from the one at "
              + (locations[column] ?? "another row"))
        }
        return
      }
      self[keyPath: key] = theirs
      locations[column] = other.locations[column]
    }
    try take(\.kind, .kind)
    try take(\.authorized, .authorized)
    try take(\.originalIssuePrice, .originalIssuePrice)
    try take(\.liquidationMultiple, .liquidationMultiple)
    try take(\.participates, .participation)
    try take(\.participationCap, .participationCap)
    try take(\.seniority, .seniority)
    try take(\.antiDilution, .antiDilution)
    try take(\.conversionRatio, .conversionRatio)
    try take(\.conversionPrice, .conversionPrice)
  }

  /// The rows of a "Share classes" sheet: a header row naming the class and at least one term
  /// among the first 20 rows, then one class per row. `overrides` are a mapping file's lines:
  /// a header mapped to a class term (or `class`, the class's name) is read as that term.
  public static func readSheet(_ grid: SheetGrid, overrides: [String: SheetField?] = [:])
    throws(ImportError) -> [SheetClassTerms]
  {
    for (headerRow, headerCells) in grid.rows.prefix(20) {
      var columns: [ClassTermColumn: Int] = [:]
      for cell in headerCells {
        guard case .text(let header) = cell.value else { continue }
        let column: ClassTermColumn?
        switch overrides[SheetColumn.normalize(header)] {
        case .some(.some(.classTerm(let term))): column = term
        case .some(.some(.column(.shareClass))): column = .name
        case .some: column = nil  // ignored, or a holdings field
        case .none: column = ClassTermColumn.matchingClassSheet(header)
        }
        guard let column, columns[column] == nil else { continue }
        columns[column] = cell.column
      }
      guard let nameColumn = columns[.name], columns.count >= 2 else { continue }
      var classes: [SheetClassTerms] = []
      for (row, cells) in grid.rows where row > headerRow {
        var byColumn: [Int: SheetGrid.Value] = [:]
        for cell in cells { byColumn[cell.column] = cell.value }
        guard case .text(let rawName)? = byColumn[nameColumn] else { continue }
        let name = rawName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !SheetRowLabel.isTotal(name) else { continue }
        var terms = SheetClassTerms(name: name)
        terms.locations[.name] = grid.location(column: nameColumn, row: row)
        for (column, index) in columns {
          guard let value = byColumn[index] else { continue }
          try terms.read(column, value, at: grid.location(column: index, row: row))
        }
        classes.append(terms)
      }
      return classes
    }
    throw ImportError(
      location: "\(grid.file), sheet \(grid.name)",
      message:
        "no header row in the first 20 rows: expected a row naming the class (Share Class, "
        + "Class, Name) and its terms (Original Issue Price, Liquidation Multiple, "
        + "Participation, Seniority, Anti-dilution, Conversion Ratio)")
  }
}
