import Foundation

/// Which column of a sheet holds which field: found from the header row, optionally overridden
/// by a mapping file of lines `Header = field` (`#` starts a comment; `Header = ignore` drops a
/// column). A field is a holdings column or a class term (`SheetField`).
public struct SheetMapping: Sendable {
  /// The 1-based row number of the header row.
  public var headerRow: Int
  /// Field → 0-based column.
  public var columns: [SheetColumn: Int]
  /// Columns of share class terms beside the holdings (issue price, liquidation multiple...).
  public var classTerms: [ClassTermColumn: Int] = [:]
  /// Headers that map to nothing, with their column.
  public var unmapped: [(header: String, column: Int)]
  /// The mapping file's lines (normalized header → field, nil to ignore), also applied to a
  /// "Share classes" sheet's headers.
  public var overrides: [String: SheetField?] = [:]

  /// Reads a mapping file's text: header → field name (or `ignore`).
  public static func parseOverrides(_ text: String, file: String) throws(ImportError)
    -> [String: SheetField?]
  {
    var overrides: [String: SheetField?] = [:]
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line =
        raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
        .map(String.init) ?? ""
      guard !line.allSatisfy(\.isWhitespace) else { continue }
      let parts = line.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard parts.count == 2, !parts[0].isEmpty else {
        throw ImportError(location: "\(file):\(index + 1)", message: "expected 'Header = field'")
      }
      if parts[1].lowercased() == "ignore" {
        overrides[SheetColumn.normalize(parts[0])] = .some(nil)
        continue
      }
      guard let field = SheetField(name: parts[1]) else {
        throw ImportError(
          location: "\(file):\(index + 1)",
          message:
            "unknown field '\(parts[1])' (expected one of: "
            + SheetField.names.joined(separator: ", ") + ", ignore)")
      }
      overrides[SheetColumn.normalize(parts[0])] = field
    }
    return overrides
  }

  /// Finds the header row among the first 20 rows: the first that names the holder and the
  /// quantity (by synonyms or overrides).
  public static func find(in grid: SheetGrid, overrides: [String: SheetField?] = [:])
    throws(ImportError) -> SheetMapping
  {
    for (number, cells) in grid.rows.prefix(20) {
      var columns: [SheetColumn: Int] = [:]
      var classTerms: [ClassTermColumn: Int] = [:]
      var unmapped: [(String, Int)] = []
      for cell in cells {
        guard case .text(let header) = cell.value else { continue }
        let key = SheetColumn.normalize(header)
        let field: SheetField? =
          if let override = overrides[key] {
            override
          } else if let column = SheetColumn.matching(header) {
            .column(column)
          } else {
            ClassTermColumn.matchingHoldings(header).map(SheetField.classTerm)
          }
        switch field {
        case .column(let column) where columns[column] == nil:
          columns[column] = cell.column
        case .classTerm(let term) where classTerms[term] == nil:
          classTerms[term] = cell.column
        case nil where overrides[key] != nil:
          break  // `Header = ignore`
        default:
          unmapped.append((header, cell.column))
        }
      }
      if columns[.holder] != nil && columns[.quantity] != nil {
        return SheetMapping(
          headerRow: number, columns: columns, classTerms: classTerms, unmapped: unmapped,
          overrides: overrides)
      }
    }
    throw ImportError(
      location: "\(grid.file), sheet \(grid.name)",
      message:
        "no header row in the first 20 rows: expected a row naming the holder (Shareholder, "
        + "Stakeholder, Name) and the quantity (Shares, Quantity, # Shares); use --mapping "
        + "for other headers")
  }
}
