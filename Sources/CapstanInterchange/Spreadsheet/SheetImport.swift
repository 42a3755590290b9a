import CapstanModel
import Foundation

/// The holdings of one sheet, read and checked cell by cell, ready to write into a company.
public struct SheetImport: Sendable {
  /// One row: stock issued or options granted.
  public struct Holding: Sendable {
    /// The 1-based row.
    public var row: Int
    /// Where the row's quantity is, for messages.
    public var location: String
    public var holder: String
    public var email: String?
    public var className: String?
    public var quantity: Shares
    public var date: CalendarDate
    public var price: Ratio
    public var strike: Ratio?
    public var vesting: VestingSchedule?
    public var isOption: Bool
    public var plan: String?
    public var security: String?
    public var expires: CalendarDate?
  }

  /// The sheet.
  public var grid: SheetGrid
  /// Its columns.
  public var mapping: SheetMapping
  /// The rows read.
  public var holdings: [Holding] = []
  /// Rows left out, with why (blank holder and quantity, a total row).
  public var skipped: [(row: Int, reason: String)] = []
  /// Assumptions made, each naming its cell or column.
  public var notes: [String] = []

  /// Reads every row below the header.
  public init(grid: SheetGrid, mapping: SheetMapping) throws(ImportError) {
    self.grid = grid
    self.mapping = mapping
    if mapping.columns[.issueDate] == nil {
      throw ImportError(
        location: "\(grid.file), sheet \(grid.name), row \(mapping.headerRow)",
        message: "no issue date column (expected a header like Issue Date, Grant Date or Date)")
    }
    if mapping.columns[.price] == nil {
      notes.append("no price column: stock is recorded at a price of 0")
    }
    for (number, cells) in grid.rows where number > mapping.headerRow {
      var byColumn: [Int: SheetGrid.Value] = [:]
      for cell in cells { byColumn[cell.column] = cell.value }
      let reader = RowReader(grid: grid, mapping: mapping, row: number, cells: byColumn)
      let holder = try reader.text(.holder)
      let quantityCell = reader.cell(.quantity)
      if holder == nil && quantityCell == nil {
        if !byColumn.isEmpty { skipped.append((number, "no holder and no quantity")) }
        continue
      }
      if let holder, ["total", "totals", "grand total"].contains(holder.lowercased()) {
        skipped.append((number, "a total row"))
        continue
      }
      guard let holder else {
        throw ImportError(
          location: reader.location(.holder), message: "expected the holder's name, found nothing")
      }
      let typeText = try reader.text(.type)?.lowercased()
      let strike = try reader.ratio(.strike)
      if let typeText,
        typeText.contains("warrant") || typeText.contains("safe")
          || typeText.contains("note")
      {
        throw ImportError(
          location: reader.location(.type),
          message: "'\(typeText)' rows are not imported from sheets yet: expected stock or options")
      }
      let isOption =
        strike != nil
        || (typeText.map { $0.contains("option") || $0 == "iso" || $0 == "nso" || $0 == "nqso" }
          ?? false)
      let date = try reader.date(.issueDate, required: true) ?? CalendarDate.today()
      var vesting: VestingSchedule?
      let start = try reader.date(.vestingStart, required: false)
      if let notation = try reader.text(.vesting) {
        do {
          vesting = try VestingSchedule.parse(notation, start: start ?? date)
        } catch {
          throw ImportError(location: reader.location(.vesting), message: "\(error)")
        }
      } else if let start {
        vesting = VestingSchedule(start: start, totalMonths: 48, cliffMonths: 12)
        notes.append(
          "\(reader.location(.vestingStart)): no vesting schedule column, 48/12/1 (four years, one-year cliff, monthly) assumed"
        )
      }
      holdings.append(
        Holding(
          row: number, location: reader.location(.quantity), holder: holder,
          email: try reader.text(.email), className: try reader.text(.shareClass),
          quantity: try reader.shares(.quantity), date: date,
          price: try reader.ratio(.price) ?? .zero, strike: strike, vesting: vesting,
          isOption: isOption, plan: try reader.text(.plan), security: try reader.text(.security),
          expires: try reader.date(.expires, required: false)))
    }
    guard !holdings.isEmpty else {
      throw ImportError(
        location: "\(grid.file), sheet \(grid.name)",
        message: "no holdings below the header row \(mapping.headerRow)")
    }
  }
}

/// Typed reads of one row's cells; each error names the cell and what was expected.
struct RowReader {
  let grid: SheetGrid
  let mapping: SheetMapping
  let row: Int
  let cells: [Int: SheetGrid.Value]

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
      case .text(let text): "'\(Limits.shown(text))'"
      case .number(let number): Limits.shown(number)
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

  func date(_ column: SheetColumn, required: Bool) throws(ImportError) -> CalendarDate? {
    guard let value = cell(column) else {
      if required {
        throw ImportError(
          location: location(column),
          message: "expected a date (YYYY-MM-DD or a date cell), found nothing")
      }
      return nil
    }
    switch value {
    case .date(let date): return date
    case .text(let text):
      guard let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
        throw fail(column, value, "a date as YYYY-MM-DD or a date cell")
      }
      return date
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
