import CapstanModel

extension ReportDocument {
  /// The report as JSON: one object with `report`, `title`, `as_of`, `currency`, then one
  /// member per section holding its facts, and its tables as arrays of row objects (totals as
  /// `<table>_totals`). Keys keep their order, so output is stable and diffable.
  public func json() -> String {
    var out = "{\n"
    var members: [String] = [
      "  \"report\": \(JSON.quote(kind))",
      "  \"title\": \(JSON.quote(title))",
      "  \"as_of\": \(JSON.quote(asOf.iso))",
      "  \"currency\": \(JSON.quote(currency.code))",
    ]
    for section in sections {
      var fields: [String] = []
      for fact in section.facts {
        fields.append(
          "    \(JSON.quote(fact.key)): \(ReportDocument.json(fact.value.machine))")
      }
      for table in section.tables {
        let rows = table.rows.map { ReportDocument.object(table.columns, $0, indent: "      ") }
        fields.append(
          "    \(JSON.quote(table.key)): "
            + (rows.isEmpty ? "[]" : "[\n" + rows.joined(separator: ",\n") + "\n    ]"))
        if let totals = table.totals {
          fields.append(
            "    \(JSON.quote(table.key + "_totals")): "
              + ReportDocument.object(table.columns, totals, indent: "    ").dropFirst(4))
        }
      }
      members.append(
        "  \(JSON.quote(section.key)): "
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
      + "    \"latest\": \(JSON.quote(later.latest.iso)),\n"
      + "    \"latest_summary\": \(JSON.quote(later.latestSummary))\n  }"
  }

  static func object(_ columns: [ReportTable.Column], _ row: [ReportCell], indent: String)
    -> String
  {
    let fields = zip(columns, row).map { column, cell in
      "\(indent)  \(JSON.quote(column.key)): \(json(cell.machine))"
    }
    return "\(indent){\n" + fields.joined(separator: ",\n") + "\n\(indent)}"
  }

  static func json(_ value: MachineValue) -> String {
    switch value {
    case .string(let text): JSON.quote(text)
    case .integer(let number): String(number)
    case .boolean(let flag): flag ? "true" : "false"
    case .null: "null"
    }
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
