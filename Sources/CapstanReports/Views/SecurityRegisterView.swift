import CapstanEngine
import CapstanModel

/// `capstan table --by security`: each open security in its own class, with the id people
/// know it by.
public struct SecurityRegisterView: RenderedView {
  /// The company's name.
  public var company: String
  /// The view's date.
  public var asOf: CalendarDate
  /// True on the fully diluted basis (options and warrants listed), false for outstanding.
  public var fullyDiluted: Bool
  /// The securities.
  public var rows: [SecurityRegisterRow]
  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries?

  /// A register view.
  public init(
    company: String, asOf: CalendarDate, fullyDiluted: Bool, rows: [SecurityRegisterRow],
    laterEntries: LaterEntries?
  ) {
    self.company = company
    self.asOf = asOf
    self.fullyDiluted = fullyDiluted
    self.rows = rows
    self.laterEntries = laterEntries
  }

  /// The text table: an ID column only when some security has one.
  public func text() -> String {
    let out =
      "\(company): \(fullyDiluted ? "fully diluted" : "outstanding"), as of \(asOf), "
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

  /// The CSV rows.
  public func csv() -> String {
    CSV.render(
      header: ["security", "custom_id", "holder", "kind", "class", "quantity"],
      rows: rows.map {
        [
          $0.security.rawValue, $0.customID ?? "", $0.holder, $0.kind, $0.shareClass,
          String($0.quantity.count),
        ]
      })
  }

  /// The JSON document.
  public func json() -> JSON {
    .object([
      ("company", .string(company)), ("as_of", .string(asOf.iso)),
      ("basis", .string(fullyDiluted ? "fully-diluted" : "outstanding")),
      ("by", .string("security")),
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
      ("later_entries", .laterEntries(laterEntries)),
    ])
  }
}
