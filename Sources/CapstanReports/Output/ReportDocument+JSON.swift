import CapstanModel

extension ReportDocument {
  /// The report as JSON: one object with `report`, `title`, `as_of`, `currency`, then one
  /// member per section holding its facts, and its tables as arrays of row objects (totals as
  /// `<table>_totals`). Keys keep their order, so output is stable and diffable.
  public func json() -> String {
    var out = "{\n"
    var members: [String] = [
      "  \"report\": \(ReportDocument.quote(kind))",
      "  \"title\": \(ReportDocument.quote(title))",
      "  \"as_of\": \(ReportDocument.quote(asOf.iso))",
      "  \"currency\": \(ReportDocument.quote(currency.code))",
    ]
    for section in sections {
      var fields: [String] = []
      for fact in section.facts {
        fields.append(
          "    \(ReportDocument.quote(fact.key)): \(ReportDocument.json(fact.value.machine))")
      }
      for table in section.tables {
        let rows = table.rows.map { ReportDocument.object(table.columns, $0, indent: "      ") }
        fields.append(
          "    \(ReportDocument.quote(table.key)): "
            + (rows.isEmpty ? "[]" : "[\n" + rows.joined(separator: ",\n") + "\n    ]"))
        if let totals = table.totals {
          fields.append(
            "    \(ReportDocument.quote(table.key + "_totals")): "
              + ReportDocument.object(table.columns, totals, indent: "    ").dropFirst(4))
        }
      }
      members.append(
        "  \(ReportDocument.quote(section.key)): "
          + (fields.isEmpty ? "{}" : "{\n" + fields.joined(separator: ",\n") + "\n  }"))
    }
    members.append("  \"later_entries\": " + laterEntriesJSON)
    out += members.joined(separator: ",\n")
    return out + "\n}\n"
  }

  /// `later_entries`: count, latest date and what happened on it, or null.
  var laterEntriesJSON: String {
    guard let later = laterEntries else { return "null" }
    return "{\n    \"count\": \(later.count),\n"
      + "    \"latest\": \(ReportDocument.quote(later.latest.iso)),\n"
      + "    \"latest_summary\": \(ReportDocument.quote(later.latestSummary))\n  }"
  }

  static func object(_ columns: [ReportTable.Column], _ row: [ReportCell], indent: String)
    -> String
  {
    let fields = zip(columns, row).map { column, cell in
      "\(indent)  \(quote(column.key)): \(json(cell.machine))"
    }
    return "\(indent){\n" + fields.joined(separator: ",\n") + "\n\(indent)}"
  }

  static func json(_ value: MachineValue) -> String {
    switch value {
    case .string(let text): quote(text)
    case .integer(let number): String(number)
    case .boolean(let flag): flag ? "true" : "false"
    case .null: "null"
    }
  }

  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20 || NameText.isUnsafe(c):
        // C1 controls and bidirectional overrides too: escaped here, nothing can act on a
        // terminal, and the JSON stays valid.
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

extension ReportDocument {
  /// The report as CSV in long form, one value per line:
  /// `section,table,row,field,value` (facts have an empty table and row 0; totals are row
  /// `total`). One shape for every report, so a spreadsheet pivot or a script reads any of them.
  public func csv() -> String {
    var out = "section,table,row,field,value\n"
    func line(_ fields: [String]) {
      out += fields.map(ReportDocument.csvField).joined(separator: ",") + "\n"
    }
    for section in sections {
      for fact in section.facts { line([section.key, "", "0", fact.key, fact.value.machine.csv]) }
      for table in section.tables {
        for (number, row) in table.rows.enumerated() {
          for (column, cell) in zip(table.columns, row) {
            line([section.key, table.key, String(number + 1), column.key, cell.machine.csv])
          }
        }
        if let totals = table.totals {
          for (column, cell) in zip(table.columns, totals) {
            line([section.key, table.key, "total", column.key, cell.machine.csv])
          }
        }
      }
    }
    return out
  }

  /// RFC 4180 quoting, with formula-like text cells defused (see `CSVCell`).
  static func csvField(_ text: String) -> String { CSVCell.field(text) }
}
