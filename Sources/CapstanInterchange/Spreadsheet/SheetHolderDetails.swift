import CapstanModel
import Foundation

/// A stakeholders sheet beside the holdings (Pulley's "Stakeholder Details"): each holder's
/// e-mail and whether a person or an entity, joined to the holdings by name.
public struct SheetHolderDetails: Sendable {
  /// One stakeholder's details.
  public struct Entry: Sendable {
    /// Person or institution, when the sheet says.
    public var kind: Stakeholder.Kind?
    /// E-mail, when given.
    public var email: String?
  }

  /// The sheet's name.
  public var sheet: String
  /// Details by lowercased name.
  public var entries: [String: Entry] = [:]

  /// Whether a sheet name is that of a stakeholders sheet.
  public static func isDetailsSheetName(_ name: String) -> Bool {
    ["stakeholderdetails", "stakeholders", "stakeholderlist", "shareholders", "contacts"]
      .contains(SheetColumn.normalize(name))
  }

  /// Reads the sheet: a header naming the holder, then one holder per row; a type that is
  /// neither a person nor an entity names its cell.
  public init(grid: SheetGrid) throws(ImportError) {
    sheet = grid.name
    for (headerRow, cells) in grid.rows.prefix(20) {
      var name: Int?
      var email: Int?
      var kind: Int?
      for cell in cells {
        guard case .text(let header) = cell.value else { continue }
        let key = SheetColumn.normalize(header)
        if name == nil, SheetColumn.holder.synonyms.contains(key) { name = cell.column }
        if email == nil, SheetColumn.email.synonyms.contains(key) { email = cell.column }
        if kind == nil, SheetColumn.holderKind.synonyms.contains(key) || key == "type" {
          kind = cell.column
        }
      }
      guard let name else { continue }
      for (row, rowCells) in grid.rows where row > headerRow {
        var byColumn: [Int: String] = [:]
        for cell in rowCells {
          if case .text(let text) = cell.value {
            byColumn[cell.column] = text.trimmingCharacters(in: .whitespaces)
          }
        }
        guard let holder = byColumn[name], !holder.isEmpty else { continue }
        var entry = Entry(email: email.flatMap { byColumn[$0] })
        if let column = kind, let text = byColumn[column] {
          guard let parsed = SheetHolderKind.parse(text) else {
            throw ImportError(
              location: grid.location(column: column, row: row),
              message: "found '\(text)', expected Individual or Entity (Institution, Fund)")
          }
          entry.kind = parsed
        }
        entries[holder.lowercased()] = entry
      }
      return
    }
  }
}
