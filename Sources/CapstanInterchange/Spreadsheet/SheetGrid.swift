import CapstanModel

/// One sheet of a workbook as cells, whatever the file format.
public struct SheetGrid: Sendable {
  /// A cell's value as the file typed it.
  public enum Value: Sendable, Equatable {
    /// Text (shared, inline or formula string).
    case text(String)
    /// A number, exact as written in the file (`0.0001`, `1.5E-4`).
    case number(String)
    /// TRUE or FALSE.
    case bool(Bool)
    /// A date (from a date-typed cell).
    case date(CalendarDate)
  }

  /// A non-empty cell.
  public struct Cell: Sendable, Equatable {
    /// 0-based column.
    public var column: Int
    /// The value.
    public var value: Value
  }

  /// The workbook file, for messages.
  public var file: String
  /// The sheet's name.
  public var name: String
  /// Rows by 1-based row number, each with its non-empty cells in column order.
  public var rows: [(number: Int, cells: [Cell])] = []
  /// Whether date serials count from 1904 (old Mac Excel) rather than 1900.
  public var uses1904Dates = false

  /// A grid.
  public init(file: String, name: String) {
    self.file = file
    self.name = name
  }

  /// `B7`.
  public static func reference(column: Int, row: Int) -> String {
    var letters = ""
    var n = column + 1
    while n > 0 {
      let rest = (n - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + rest))) + letters
      n = (n - 1) / 26
    }
    return "\(letters)\(row)"
  }

  /// `caps.xlsx, sheet Holdings, cell B7`.
  public func location(column: Int, row: Int) -> String {
    "\(file), sheet \(name), cell \(Self.reference(column: column, row: row))"
  }

  /// The 0-based column of `B7`'s letters, or nil.
  static func column(ofReference reference: String) -> Int? {
    var column = 0
    var letters = 0
    for scalar in reference.unicodeScalars {
      guard scalar.value >= 65 && scalar.value <= 90 else { break }
      column = column * 26 + Int(scalar.value - 64)
      letters += 1
      if letters > 3 { return nil }
    }
    return letters == 0 ? nil : column - 1
  }
}
