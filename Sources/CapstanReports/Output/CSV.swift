import CapstanModel

/// CSV per RFC 4180: fields with commas, quotes or line breaks are quoted, and text cells that
/// a spreadsheet would run as a formula are defused (`CSVCell`).
public enum CSV {
  /// The header and rows as CSV, one line each, with a final newline.
  public static func render(header: [String], rows: [[String]]) -> String {
    // Appended into one string: a field that needs no quoting is copied as it is.
    var out = ""
    out.reserveCapacity(64 * (rows.count + 1))
    append(header, to: &out)
    for row in rows { append(row, to: &out) }
    return out
  }

  /// One line: the fields, separated by commas, and a newline.
  private static func append(_ row: [String], to out: inout String) {
    for (index, text) in row.enumerated() {
      if index > 0 { out.append(",") }
      out.append(CSVCell.field(text))
    }
    out.append("\n")
  }

  /// One field, quoted or defused as needed.
  public static func field(_ text: String) -> String { CSVCell.field(text) }
}
