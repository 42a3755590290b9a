import CapstanEngine
import CapstanModel
import CapstanReports

extension TableCommand {
  /// Prints `table --by security`: each open security with the id people know it by.
  func printSecurities(
    _ rows: [SecurityRegisterRow], company: String, date: CalendarDate, ledger: Ledger
  ) {
    switch output.format {
    case .text:
      emit(TableCommand.securitiesText(rows, company: company, date: date, basis: basis))
      AsOf.printNote(ledger, date)
    case .csv:
      emit(
        CSV.render(
          header: ["security", "custom_id", "holder", "kind", "class", "quantity"],
          rows: rows.map {
            [
              $0.security.rawValue, $0.customID ?? "", $0.holder, $0.kind, $0.shareClass,
              String($0.quantity.count),
            ]
          }))
      AsOf.printNote(ledger, date, format: .csv)
    case .json:
      emit(
        JSON.object([
          ("company", .string(company)), ("as_of", .string(date.iso)),
          ("basis", .string(basis.rawValue)), ("by", .string("security")),
          (
            "rows",
            .array(
              rows.map {
                .object([
                  ("security", .string($0.security.rawValue)),
                  ("custom_id", .optional($0.customID)), ("holder", .string($0.holder)),
                  ("kind", .string($0.kind)), ("class", .string($0.shareClass)),
                  ("quantity", .int($0.quantity.count)),
                ])
              })
          ),
          ("later_entries", AsOf.json(ledger, date)),
        ]).render())
    }
  }

  /// The text table of `--by security`: an ID column only when some security has one.
  static func securitiesText(
    _ rows: [SecurityRegisterRow], company: String, date: CalendarDate, basis: TableBasis
  ) -> String {
    var out =
      "\(company): \(basis == .outstanding ? "outstanding" : "fully diluted"), as of \(date), "
      + "by security\nEach security in its own class (not as converted).\n\n"
    guard !rows.isEmpty else { return out + "Nothing issued yet.\n" }
    let withIDs = rows.contains { $0.customID != nil }
    var columns: [(String, TextTable.Alignment)] = [("Security", .left)]
    if withIDs { columns.append(("ID", .left)) }
    columns += [("Holder", .left), ("Kind", .left), ("Class", .left), ("Quantity", .right)]
    var table = TextTable(columns)
    for row in rows {
      var cells = [row.security.rawValue]
      if withIDs { cells.append(row.customID ?? "") }
      cells += [row.holder, row.kind, row.shareClass, row.quantity.formatted]
      table.add(cells)
    }
    return out + table.render()
  }
}
