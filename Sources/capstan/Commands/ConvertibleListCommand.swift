import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension SAFECommand {
  /// `capstan safe list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the SAFEs: holder, amount, cap, discount, MFN, pro rata, status.",
      discussion: "Example: capstan safe list --as-of 2026-06-30 --format json")

    @Option(help: "Status as of this date (default: today; latest: the last dated entry).")
    var asOf: String?
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      try ConvertibleList.run(kind: "safe", asOf: asOf, workspace: workspace, format: output.format)
    }
  }
}

extension NoteCommand {
  /// `capstan note list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the convertible notes: holder, principal, interest accrued, cap, status.",
      discussion: "Example: capstan note list --as-of 2026-06-30")

    @Option(
      help: "Interest accrued to, and status on, this date (default: today; latest: the last).")
    var asOf: String?
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      try ConvertibleList.run(kind: "note", asOf: asOf, workspace: workspace, format: output.format)
    }
  }
}

/// The rows of `safe list` and `note list`.
enum ConvertibleList {
  static func run(kind: String, asOf: String?, workspace: WorkspaceOptions, format: OutputFormat)
    throws
  {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = try AsOf.date(asOf, ledger)
    let table = try ledger.replay(asOf: date)
    let rows = try ConvertibleListing.rows(ledger, table, kind: kind, on: date)
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    let percent = { (value: Ratio?) in value.map { $0.percentString() } ?? "" }
    let header =
      ["security", "holder", "amount", "cap", "discount"]
      + (kind == "safe" ? ["type", "mfn", "pro_rata"] : ["rate", "interest"]) + ["status"]
    let machine = rows.map { row in
      [
        row.security, row.holder, row.amount.decimalString(places: 2),
        row.cap?.decimalString(places: 2) ?? "", row.discount?.decimalString(places: 4) ?? "",
      ]
        + (kind == "safe"
          ? [row.type, String(row.mfn), String(row.proRata)]
          : [
            row.rate?.decimalString(places: 4) ?? "",
            row.interest?.decimalString(places: 2) ?? "",
          ]) + [row.status]
    }
    switch format {
    case .text:
      let noun = kind == "safe" ? "SAFEs" : "convertible notes"
      guard !rows.isEmpty else {
        emit("\(company.name): no \(noun) as of \(date)\n")
        AsOf.printNote(ledger, date)
        return
      }
      var text = TextTable(
        [("Security", .left), ("Holder", .left), ("Amount", .right), ("Cap", .right)]
          + [("Discount", .right)]
          + (kind == "safe"
            ? [("Type", .left), ("MFN", .left), ("Pro rata", .left)]
            : [("Rate", .right), ("Interest", .right)]) + [("Status", .left)])
      for row in rows {
        text.add(
          [
            row.security, row.holder, money(row.amount), row.cap.map(money) ?? "none",
            percent(row.discount),
          ]
            + (kind == "safe"
              ? [row.type, row.mfn ? "yes" : "no", row.proRata ? "yes" : "no"]
              : [percent(row.rate), row.interest.map(money) ?? ""]) + [row.status])
      }
      let outstanding = rows.filter { $0.status == "outstanding" }
      text.footer =
        [
          "Outstanding", "\(outstanding.count)",
          money(outstanding.reduce(.zero) { $0 + $1.amount }),
        ]
      emit("\(company.name): \(noun) as of \(date)\n\n" + text.render())
      AsOf.printNote(ledger, date)
    case .csv:
      emit(CSV.render(header: header, rows: machine))
      AsOf.printNote(ledger, date, format: .csv)
    case .json:
      emit(
        JSON.object([
          ("company", .string(company.name)), ("as_of", .string(date.iso)),
          (
            kind == "safe" ? "safes" : "notes",
            .array(machine.map { row in .object(zip(header, row).map { ($0, .string($1)) }) })
          ),
          ("later_entries", AsOf.json(ledger, date)),
        ]).render())
    }
  }
}
