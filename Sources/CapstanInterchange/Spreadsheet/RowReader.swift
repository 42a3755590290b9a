import CapstanModel
import Foundation

/// A row of a holdings sheet, read by `SheetColumn`.
typealias RowReader = ColumnReader<SheetColumn>

extension ColumnReader where Column == SheetColumn {
  /// The reader of row `row` of a holdings sheet mapped by `mapping`.
  init(grid: SheetGrid, mapping: SheetMapping, row: Int, cells: [Int: SheetGrid.Value]) {
    self.init(grid: grid, columns: mapping.columns, row: row, cells: cells)
  }
}

/// Typed reads of one row's cells, by the columns of a kind of sheet (holdings, SAFEs...);
/// each error names the cell and what was expected.
struct ColumnReader<Column: Hashable & RawRepresentable> where Column.RawValue == String {
  let grid: SheetGrid
  let columns: [Column: Int]
  let row: Int
  let cells: [Int: SheetGrid.Value]
  /// How slashed dates written as text are read (nil: US order, noted).
  var dateFormat: SheetDateFormat? = nil

  func location(_ column: Column) -> String {
    grid.location(column: columns[column] ?? 0, row: row)
  }

  func cell(_ column: Column) -> SheetGrid.Value? {
    columns[column].flatMap { cells[$0] }
  }

  private func fail(_ column: Column, _ found: SheetGrid.Value, _ expected: String)
    -> ImportError
  {
    let shown: String =
      switch found {
      case .text(let text): "'\(Limits.shown(text))'"
      case .number(let number): Limits.shown(number)
      case .bool(let value): value ? "TRUE" : "FALSE"
      case .date(let date): date.iso
      }
    return ImportError(location: location(column), message: "found \(shown), expected \(expected)")
  }

  func text(_ column: Column) throws(ImportError) -> String? {
    guard let value = cell(column) else { return nil }
    switch value {
    case .text(let text):
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case .number(let number): return number
    default: throw fail(column, value, "text")
    }
  }

  func shares(_ column: Column) throws(ImportError) -> Shares {
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

  func ratio(_ column: Column) throws(ImportError) -> Ratio? {
    guard let value = cell(column) else { return nil }
    let expected = "a non-negative amount like 0.0001 or $1.25"
    if case .number(let text) = value, text.utf8.count > Limits.maximumNumberText {
      // A number too long for a double: named as beyond the limit, not as unreadable.
      throw ImportError(
        location: location(column),
        message: LimitError(
          field: column.rawValue, value: Limits.shown(text),
          limit: "a number of at most \(Limits.maximumNumberText) characters"
        ).description)
    }
    switch value {
    case .number(let text):
      guard let number = SheetNumber.exact(text), !number.isNegative else {
        throw fail(column, value, expected)
      }
      do {
        try Limits.check(number, .money, field: column.rawValue)
      } catch {
        throw ImportError(location: location(column), message: error.description)
      }
      return number
    case .text(let text):
      if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
      do {
        return try AmountParser.amount(text, field: column.rawValue)
      } catch .beyondLimit(let limit) {
        throw ImportError(location: location(column), message: limit.description)
      } catch {
        throw fail(column, value, expected)
      }
    default: throw fail(column, value, expected)
    }
  }

  /// Whether the column's cell is a slashed date read in US order by default.
  func assumedUSOrder(_ column: Column) -> Bool {
    guard case .text(let text)? = cell(column),
      case .success(.numeric(_, let assumed)) = SheetDateText.read(text, format: dateFormat)
    else { return false }
    return assumed
  }

  /// The date in `column`; a cell with none is an error naming it.
  func requiredDate(_ column: Column) throws(ImportError) -> CalendarDate {
    guard let date = try date(column, required: true) else {
      throw ImportError(
        location: location(column),
        message: "expected a date (YYYY-MM-DD, MM/DD/YYYY or a date cell), found nothing")
    }
    return date
  }

  func date(_ column: Column, required: Bool) throws(ImportError) -> CalendarDate? {
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
      if let serial = SheetNumber.exact(text), !grid.uses1904Dates, serial.floor == 60 {
        throw ImportError(
          location: location(column),
          message:
            "date serial 60 is 29 February 1900, a day that never was (the 1900 leap-year bug "
            + "Excel keeps from Lotus 1-2-3); enter the date as YYYY-MM-DD")
      }
      guard let serial = SheetNumber.exact(text),
        let date = SheetDate.date(
          serial: serial, uses1904: grid.uses1904Dates)
      else { throw fail(column, value, "a date serial from 1 to 2958465 (9999-12-31)") }
      return date
    case .bool: throw fail(column, value, "a date")
    }
  }
}
