import CapstanModel
import Foundation

/// Typed reads of one row's cells; each error names the cell and what was expected.
struct RowReader {
  let grid: SheetGrid
  let mapping: SheetMapping
  let row: Int
  let cells: [Int: SheetGrid.Value]
  /// How slashed dates written as text are read (nil: US order, noted).
  var dateFormat: SheetDateFormat? = nil

  func location(_ column: SheetColumn) -> String {
    grid.location(column: mapping.columns[column] ?? 0, row: row)
  }

  func cell(_ column: SheetColumn) -> SheetGrid.Value? {
    mapping.columns[column].flatMap { cells[$0] }
  }

  private func fail(_ column: SheetColumn, _ found: SheetGrid.Value, _ expected: String)
    -> ImportError
  {
    let shown: String =
      switch found {
      case .text(let text): "'\(text)'"
      case .number(let number): number
      case .bool(let value): value ? "TRUE" : "FALSE"
      case .date(let date): date.iso
      }
    return ImportError(location: location(column), message: "found \(shown), expected \(expected)")
  }

  func text(_ column: SheetColumn) throws(ImportError) -> String? {
    guard let value = cell(column) else { return nil }
    switch value {
    case .text(let text):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case .number(let number): return number
    default: throw fail(column, value, "text")
    }
  }

  func shares(_ column: SheetColumn) throws(ImportError) -> Shares {
    let expected = "a whole, positive number of shares"
    guard let value = cell(column) else {
      throw ImportError(location: location(column), message: "expected \(expected), found nothing")
    }
    let number: Ratio?
    switch value {
    case .number(let text): number = SheetNumber.exact(text)
    case .text(let text): number = (try? AmountParser.shares(text)).map(\.ratio)
    default: number = nil
    }
    guard let number, number.isInteger, number > .zero,
      let count = Int64(exactly: number.numerator),
      count <= Shares.maximumInput.count
    else { throw fail(column, value, expected) }
    return Shares(count)
  }

  func ratio(_ column: SheetColumn) throws(ImportError) -> Ratio? {
    guard let value = cell(column) else { return nil }
    let expected = "a non-negative amount like 0.0001 or $1.25"
    switch value {
    case .number(let text):
      guard let number = SheetNumber.exact(text), !number.isNegative else {
        throw fail(column, value, expected)
      }
      return number
    case .text(let text):
      if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
      guard let number = try? AmountParser.amount(text) else { throw fail(column, value, expected) }
      return number
    default: throw fail(column, value, expected)
    }
  }

  /// Whether the column's cell is a slashed date read in US order by default.
  func assumedUSOrder(_ column: SheetColumn) -> Bool {
    guard case .text(let text)? = cell(column),
      case .success(.numeric(_, let assumed)) = SheetDateText.read(text, format: dateFormat)
    else { return false }
    return assumed
  }

  func date(_ column: SheetColumn, required: Bool) throws(ImportError) -> CalendarDate? {
    guard let value = cell(column) else {
      if required {
        throw ImportError(
          location: location(column),
          message: "expected a date (YYYY-MM-DD, MM/DD/YYYY or a date cell), found nothing")
      }
      return nil
    }
    switch value {
    case .date(let date): return date
    case .text(let text):
      switch SheetDateText.read(text, format: dateFormat) {
      case .success(.unambiguous(let date)), .success(.numeric(let date, _)): return date
      case .failure(let error): throw fail(column, value, error.expected)
      }
    case .number(let text):
      guard let serial = SheetNumber.exact(text),
        let date = SheetDate.date(
          serial: serial, uses1904: grid.uses1904Dates)
      else { throw fail(column, value, "a date serial of 1 or more") }
      return date
    case .bool: throw fail(column, value, "a date")
    }
  }
}
