import CapstanReports

/// The tables of a view's JSON document (the one the API serves and `--format json` prints),
/// for a page: each array of rows, at the top or inside an object, is a table whose columns
/// are the rows' keys. The page shows the view's own values; it computes none.
enum PageTable {
  /// The sections of `document`: a heading and a table (or a line saying there is none) for
  /// each array of objects in it, in the document's order.
  static func sections(_ document: JSON, heading prefix: String? = nil) -> [[String: Any]] {
    guard case .object(let fields) = document else { return [] }
    var sections: [[String: Any]] = []
    for (key, value) in fields {
      let heading = prefix.map { "\($0): \(title(key))" } ?? title(key)
      switch value {
      case .array(let items):
        let rows = items.compactMap { item -> [(String, JSON)]? in
          if case .object(let cells) = item { return cells }
          return nil
        }
        guard rows.count == items.count else { continue }
        var section: [String: Any] = ["heading": heading]
        if let first = rows.first {
          let table: [String: Any] = [
            "columns": first.map { title($0.0) },
            "rows": rows.map { cells in ["cells": cells.map { cell($0.1) }] },
          ]
          section["table"] = table
        } else {
          section["empty"] = "None."
        }
        sections.append(section)
      case .object:
        sections += self.sections(value, heading: heading)
      default:
        continue
      }
    }
    return sections
  }

  /// A key as a column's or a section's title: `vested_shares` → `Vested shares`.
  static func title(_ key: String) -> String {
    let words = key.replacingOccurrences(of: "_", with: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  /// A cell: its text, and whether it is a number (aligned right).
  static func cell(_ value: JSON) -> [String: Any] {
    switch value {
    case .string(let text): ["text": text, "number": false]
    case .int(let number): ["text": String(number), "number": true]
    case .bool(let flag): ["text": flag ? "yes" : "no", "number": false]
    case .null: ["text": "", "number": false]
    case .array, .object: ["text": value.render(), "number": false]
    }
  }
}
