import CapstanModel

/// A view a command prints: its rows, columns and JSON keys defined once, rendered as text,
/// CSV or JSON by the same type.
public protocol RenderedView {
  /// The text for people.
  func text() -> String
  /// The CSV rows.
  func csv() -> String
  /// The JSON document.
  func json() -> JSON
  /// The entries dated after the view's date, which the text prints a note about (nil when
  /// none, or when the view does not say).
  var laterEntries: LaterEntries? { get }
}

extension RenderedView {
  /// The view in `format`.
  public func rendered(_ format: ViewFormat) -> String {
    switch format {
    case .text: text()
    case .json: json().render()
    case .csv: csv()
    }
  }
}

extension JSON {
  /// The `later_entries` object of a view (null when nothing is dated after it).
  public static func laterEntries(_ later: LaterEntries?) -> JSON {
    guard let later else { return .null }
    return .object([
      ("count", .int(Int64(later.count))), ("latest", .string(later.latest.iso)),
      ("latest_summary", .string(later.latestSummary)),
    ])
  }

  /// A dated view's document: the company, the date, the rows under `key` and
  /// `later_entries`.
  public static func dated(
    company: String, asOf: CalendarDate, key: String, rows: [JSON], later: LaterEntries?
  ) -> JSON {
    .object([
      ("company", .string(company)), ("as_of", .string(asOf.iso)), (key, .array(rows)),
      ("later_entries", laterEntries(later)),
    ])
  }

  /// An object of string values under `keys` (a CSV row as JSON).
  public static func strings(_ keys: [String], _ values: [String]) -> JSON {
    .object(zip(keys, values).map { ($0, .string($1)) })
  }
}
