import CapstanModel

/// CSV per RFC 4180: fields with commas, quotes or line breaks are quoted, and text cells that
/// a spreadsheet would run as a formula are defused (`CSVCell`).
public enum CSV {
  /// The header and rows as CSV, one line each, with a final newline.
  public static func render(header: [String], rows: [[String]]) -> String {
    ([header] + rows).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// One field, quoted or defused as needed.
  public static func field(_ text: String) -> String { CSVCell.field(text) }
}
