import CapstanEngine
import CapstanModel

/// `safe list` and `note list` as people and programs read them: one row per SAFE or note
/// with its terms and status, and the outstanding total.
public struct ConvertibleListReport: Sendable {
  /// `safe` or `note`.
  public var kind: String
  /// The rows.
  public var rows: [ConvertibleListing.Row]
  /// The company.
  public var company: Company
  /// The date of the status.
  public var date: CalendarDate

  /// A listing of `rows` of `kind` (`safe` or `note`).
  public init(kind: String, rows: [ConvertibleListing.Row], company: Company, date: CalendarDate) {
    self.kind = kind
    self.rows = rows
    self.company = company
    self.date = date
  }

  var isSAFE: Bool { kind == "safe" }

  /// The machine-readable column keys.
  public var header: [String] {
    ["security", "holder", "amount", "cap", "discount"]
      + (isSAFE ? ["type", "mfn", "pro_rata"] : ["rate", "interest"]) + ["status"]
  }

  /// The machine-readable rows, in `header`'s order.
  public var cells: [[String]] {
    rows.map { row in
      [
        row.security, row.holder, row.amount.decimalString(places: 2),
        row.cap?.decimalString(places: 2) ?? "", row.discount?.decimalString(places: 4) ?? "",
      ]
        + (isSAFE
          ? [row.type, String(row.mfn), String(row.proRata)]
          : [
            row.rate?.decimalString(places: 4) ?? "",
            row.interest?.decimalString(places: 2) ?? "",
          ]) + [row.status]
    }
  }

  /// The listing as text, with the outstanding count and amount under it.
  public func text() -> String {
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    let percent = { (value: Ratio?) in value.map { $0.percentString() } ?? "" }
    let noun = isSAFE ? "SAFEs" : "convertible notes"
    guard !rows.isEmpty else { return "\(company.name): no \(noun) as of \(date)\n" }
    var text = TextTable(
      [("Security", .left), ("Holder", .left), ("Amount", .right), ("Cap", .right)]
        + [("Discount", .right)]
        + (isSAFE
          ? [("Type", .left), ("MFN", .left), ("Pro rata", .left)]
          : [("Rate", .right), ("Interest", .right)]) + [("Status", .left)])
    for row in rows {
      text.add(
        [
          row.security, row.holder, money(row.amount), row.cap.map(money) ?? "none",
          percent(row.discount),
        ]
          + (isSAFE
            ? [row.type, row.mfn ? "yes" : "no", row.proRata ? "yes" : "no"]
            : [percent(row.rate), row.interest.map(money) ?? ""]) + [row.status])
    }
    let outstanding = rows.filter { $0.status == "outstanding" }
    text.footer = [
      "Outstanding", "\(outstanding.count)", money(Ratio.sum(outstanding.map(\.amount))),
    ]
    return "\(company.name): \(noun) as of \(date)\n\n" + text.render()
  }

  /// The listing as CSV.
  public func csv() -> String { CSV.render(header: header, rows: cells) }

  /// The listing as JSON, with the `later_entries` object given.
  public func json(laterEntries: JSON) -> JSON {
    JSON.object([
      ("company", .string(company.name)), ("as_of", .string(date.iso)),
      (
        isSAFE ? "safes" : "notes",
        .array(cells.map { row in .object(zip(header, row).map { ($0, .string($1)) }) })
      ),
      ("later_entries", laterEntries),
    ])
  }
}
