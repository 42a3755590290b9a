import Foundation

/// Reads a comma-separated file (RFC 4180: fields in double quotes may hold commas, line breaks
/// and doubled quotes) into one sheet of text cells named after the file.
///
/// Every cell is text: numbers, amounts (`$1,000,000.00`) and dates are read from their text by
/// the same rules as a typed-in cell. A UTF-8 byte-order mark is dropped; a semicolon or tab
/// separates fields when the header line has more of them than commas.
public enum CSVReader {
  /// The largest CSV file read (64 MiB).
  static let maximumFileSize = 64 << 20

  /// Reads the file at `path`; `name` is used in messages (default: the path).
  public static func read(path: String, name: String? = nil) throws(ImportError) -> SheetGrid {
    let file = name ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(location: file, message: "cannot read the file")
    }
    guard data.count <= maximumFileSize else {
      throw ImportError(
        location: file,
        message: "the file is \(data.count >> 20) MiB; CSV files over 64 MiB are refused")
    }
    guard var text = String(data: data, encoding: .utf8) else {
      throw ImportError(location: file, message: "not UTF-8 text (save the CSV as UTF-8)")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let sheetName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var grid = SheetGrid(file: file, name: sheetName)
    grid.rows = try rows(of: text, separator: separator(of: text), file: file)
    return grid
  }

  /// `,` unless the first line has more semicolons or tabs than commas.
  static func separator(of text: String) -> Character {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
    let counts: [(Character, Int)] = [",", ";", "\t"].map { separator in
      (separator, firstLine.filter { $0 == separator }.count)
    }
    return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
  }

  /// The rows with their non-empty cells; a quote left open is an error naming its line.
  static func rows(of text: String, separator: Character, file: String) throws(ImportError)
    -> [(number: Int, cells: [SheetGrid.Cell])]
  {
    var rows: [(number: Int, cells: [SheetGrid.Cell])] = []
    var cells: [SheetGrid.Cell] = []
    var field = ""
    var column = 0
    var row = 1
    var line = 1
    var quoted = false
    var quoteLine = 0
    var afterQuote = false
    func endField() {
      let trimmed = field.trimmingCharacters(in: .whitespaces)
      if !trimmed.isEmpty { cells.append(SheetGrid.Cell(column: column, value: .text(field))) }
      field = ""
      column += 1
      afterQuote = false
    }
    func endRow() {
      endField()
      if !cells.isEmpty { rows.append((row, cells)) }
      cells = []
      column = 0
      row += 1
    }
    for character in text {
      if quoted {
        if character == "\"" {
          quoted = false
          afterQuote = true
        } else {
          if character == "\n" || character == "\r\n" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        if afterQuote {
          field.append("\"")
          quoted = true
          afterQuote = false
        } else {
          quoted = true
          quoteLine = line
        }
      case separator: endField()
      case "\n", "\r\n", "\r":
        endRow()
        line += 1
      default:
        field.append(character)
        afterQuote = false
      }
      guard rows.count <= 1_048_576 else {
        throw ImportError(location: file, message: "more than 1,048,576 rows: refused")
      }
    }
    if quoted {
      throw ImportError(
        location: "\(file):\(quoteLine)", message: "a quoted field is never closed")
    }
    if !field.isEmpty || !cells.isEmpty { endRow() }
    return rows
  }
}
