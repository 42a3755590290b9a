import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan vesting`: who has vested what.
struct VestingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vesting",
    abstract: "Show vesting of option grants and restricted stock on a date.",
    discussion: """
      Example: capstan vesting --as-of 2026-03-31 --holder Linus
      Vesting is cumulative floor over whole calendar months once the cliff is
      reached (or as the grant's richer terms say). Shows what a change of
      control accelerated and what a termination cancelled (options, back to
      the pool) or left unvested (restricted stock). See docs/vesting.md.
      """)

  @Option(help: "The date (default: today; latest: the last dated entry).")
  var asOf: String?
  @Option(help: "Only this stakeholder.")
  var holder: String?
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = try AsOf.date(asOf, ledger)
    defer { AsOf.printNote(ledger, date, format: output.format) }
    let report = VestingReport(try ledger.replay(asOf: date), holder: holder)
    // The ids people know securities by (OCF custom_ids such as EC-1), when recorded.
    let customIDs = ledger.customIDs
    let withIDs = report.rows.contains { customIDs[$0.security] != nil }
    let header = [
      "security", "holder", "kind", "total", "vested", "unvested", "exercised", "exercisable",
      "schedule", "next_date", "vested_by_next_date", "accelerated", "accelerated_on",
      "terminated", "forfeited", "milestones", "custom_id",
    ]
    let rows = report.rows.map { row in
      [
        row.security.rawValue, row.holder, row.kind, String(row.total.count),
        String(row.vested.count),
        String(row.unvested.count), String(row.exercised.count), String(row.exercisable.count),
        row.scheduleText,
        row.nextDate?.iso ?? "", row.vestedByNextDate.map { String($0.count) } ?? "",
        String(row.accelerated.count), row.acceleratedOn?.iso ?? "", row.terminated?.iso ?? "",
        String(row.forfeited.count), row.milestones.joined(separator: "; "),
        customIDs[row.security] ?? "",
      ]
    }
    switch output.format {
    case .csv: emit(CSV.render(header: header, rows: rows))
    case .json:
      emit(
        AsOf.document(
          ledger, date, key: "securities",
          rows: rows.map { row in
            .object(
              zip(header, row).map { key, value in
                key == "custom_id"
                  ? (key, value.isEmpty ? .null : .string(value))
                  : (key, Int64(value).map(JSON.int) ?? (value.isEmpty ? .null : .string(value)))
              })
          }
        ).render())
    case .text:
      guard !report.rows.isEmpty else {
        return emit("Nothing vests for \(company.name) on \(date).\n")
      }
      // The schedule column goes below the table when it would make a line wider than 100
      // columns (long richer terms, long names).
      func render(withSchedule: Bool) -> String {
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
      var rendered = render(withSchedule: true)
      if rendered.split(separator: "\n").contains(where: { $0.count > 100 }) {
        rendered =
          render(withSchedule: false) + "\nSchedules:\n"
          + report.rows.map { "  \($0.security): \($0.scheduleText)\n" }.joined()
      }
      var notes: [String] = report.changesOfControl.map { "Change of control on \($0)." }
      for row in report.rows {
        if let day = row.acceleratedOn {
          notes.append("\(row.security) (\(row.holder)): \(row.accelerated) accelerated on \(day).")
        }
        for milestone in row.milestones {
          notes.append("\(row.security) (\(row.holder)): milestone \"\(milestone)\" reached.")
        }
        if let day = row.terminated {
          notes.append(
            row.kind == "options"
              ? "\(row.security) (\(row.holder)): terminated \(day); \(row.forfeited) unvested "
                + "options cancelled (back to the pool unless the plan retires them)."
              : "\(row.security) (\(row.holder)): terminated \(day); \(row.forfeited) unvested "
                + "shares subject to repurchase.")
        }
      }
      // Notes are folded at 100 columns, like the table.
      let footer =
        notes.isEmpty ? "" : "\n" + notes.map { ReportDocument.wrap($0, 100) }.joined()
      emit("\(company.name): vesting as of \(date)\n\n" + rendered + footer)
    }
  }
}
