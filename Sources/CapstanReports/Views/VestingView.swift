import CapstanEngine
import CapstanModel

/// `capstan vesting`: each grant's and restricted stock's vesting on a date, with what a
/// change of control accelerated and what a termination cancelled.
public struct VestingView: RenderedView {
  /// The company's name.
  public var company: String
  /// The view's date.
  public var asOf: CalendarDate
  /// The vesting rows.
  public var report: VestingReport
  /// The ids people know securities by (OCF custom_ids such as EC-1), when recorded.
  public var customIDs: [SecurityID: String]
  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries?

  /// A vesting view.
  public init(
    company: String, asOf: CalendarDate, report: VestingReport,
    customIDs: [SecurityID: String], laterEntries: LaterEntries?
  ) {
    self.company = company
    self.asOf = asOf
    self.report = report
    self.customIDs = customIDs
    self.laterEntries = laterEntries
  }

  /// The CSV and JSON fields.
  public static let header = [
    "security", "holder", "kind", "total", "vested", "unvested", "exercised", "exercisable",
    "schedule", "next_date", "vested_by_next_date", "accelerated", "accelerated_on",
    "terminated", "forfeited", "milestones", "custom_id",
  ]

  private var rows: [[String]] {
    report.rows.map { row in
      [
        row.security.rawValue, row.holder, row.kind, String(row.total.count),
        String(row.vested.count), String(row.unvested.count), String(row.exercised.count),
        String(row.exercisable.count), row.scheduleText, row.nextDate?.iso ?? "",
        row.vestedByNextDate.map { String($0.count) } ?? "", String(row.accelerated.count),
        row.acceleratedOn?.iso ?? "", row.terminated?.iso ?? "", String(row.forfeited.count),
        row.milestones.joined(separator: "; "), customIDs[row.security] ?? "",
      ]
    }
  }

  /// The CSV rows.
  public func csv() -> String { CSV.render(header: Self.header, rows: rows) }

  /// The JSON document: counts as integers, empty fields as null.
  public func json() -> JSON {
    .dated(
      company: company, asOf: asOf, key: "securities",
      rows: rows.map { row in
        .object(
          zip(Self.header, row).map { key, value in
            key == "custom_id"
              ? (key, value.isEmpty ? .null : .string(value))
              : (key, Int64(value).map(JSON.int) ?? (value.isEmpty ? .null : .string(value)))
          })
      }, later: laterEntries)
  }

  /// The text table; the schedule column goes below it when it would make a line wider than
  /// 100 columns (long richer terms, long names); then the notes.
  public func text() -> String {
    guard !report.rows.isEmpty else { return "Nothing vests for \(company) on \(asOf).\n" }
    var rendered = table(withSchedule: true)
    if rendered.split(separator: "\n").contains(where: { $0.count > 100 }) {
      rendered =
        table(withSchedule: false) + "\nSchedules:\n"
        + report.rows.map { "  \($0.security): \($0.scheduleText)\n" }.joined()
    }
    let notes = self.notes
    let footer =
      notes.isEmpty ? "" : "\n" + notes.map { ReportDocument.wrap($0, 100) }.joined()
    return "\(company): vesting as of \(asOf)\n\n" + rendered + footer
  }

  private func table(withSchedule: Bool) -> String {
    let withIDs = report.rows.contains { customIDs[$0.security] != nil }
    var columns: [(String, TextTable.Alignment)] = [
      ("Security", .left), ("Holder", .left), ("Total", .right), ("Vested", .right),
      ("Unvested", .right), ("Exercisable", .right),
    ]
    if withIDs { columns.insert(("ID", .left), at: 1) }
    if withSchedule { columns.append(("Schedule", .left)) }
    columns.append(("Next", .left))
    var table = TextTable(columns)
    for row in report.rows {
      var cells = [
        row.security.rawValue, row.holder, row.total.formatted, row.vested.formatted,
        row.unvested.formatted, row.kind == "options" ? row.exercisable.formatted : "-",
      ]
      if withIDs { cells.insert(customIDs[row.security] ?? "", at: 1) }
      if withSchedule { cells.append(row.scheduleText) }
      cells.append(row.nextDate.map { "\($0): \(row.vestedByNextDate ?? .zero)" } ?? "-")
      table.add(cells)
    }
    return table.render()
  }

  /// Changes of control, accelerations, milestones reached and terminations, in words.
  private var notes: [String] {
    var notes: [String] = report.changesOfControl.map { "Change of control on \($0)." }
    for row in report.rows {
      let who = "\(row.security) (\(row.holder))"
      if let day = row.acceleratedOn {
        notes.append("\(who): \(row.accelerated) accelerated on \(day).")
      }
      for milestone in row.milestones {
        notes.append("\(who): milestone \"\(milestone)\" reached.")
      }
      if let day = row.terminated {
        notes.append(
          row.kind == "options"
            ? "\(who): terminated \(day); \(row.forfeited) unvested "
              + "options cancelled (back to the pool unless the plan retires them)."
            : "\(who): terminated \(day); \(row.forfeited) unvested "
              + "shares subject to repurchase.")
      }
    }
    return notes
  }
}
