import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// How `capstan exit` treats options and warrants.
enum ExitOptionsChoice: String, ExpressibleByArgument, CaseIterable {
  case exercise, exclude, vested
}

/// `capstan exit`: the liquidation waterfall at one exit value, a sweep, or its breakpoints.
struct ExitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exit",
    abstract: "Who gets paid what at an exit: preferences, participation, conversion.",
    discussion: """
      Examples:
        capstan exit --value 50M --expenses 1.5M
        capstan exit --sweep 0:200M:10M
        capstan exit --breakpoints
      Options and warrants in the money are treated as exercised and their strike added to the
      proceeds (--options exercise, the default); --options exclude leaves them out and
      --options vested counts only what is vested on --as-of (--date is an alias). Payouts are
      exact; each holder's is shown rounded half-up to the cent, and a note says so when the
      rounded payouts do not add up to the total (docs/waterfall.md).

      A SAFE or note still outstanding is paid as the YC safe's liquidity-event clause says:
      the greater of its cash-out amount (the purchase amount, or a note's principal and
      interest to --as-of) and its conversion amount, the shares it buys at the Liquidity Price
      (cap divided by the Liquidity Capitalization, which counts the stock as converted, the
      options that --options counts and every converting security's own shares, but not the
      unissued pool). It ranks on par with the most junior preferred class, below debt and
      above common, unless it was recorded with --seniority or --as-debt.
      """)

  @Option(
    help: "The exit value: the proceeds to the equity before expenses.",
    transform: Amount.money("--value"))
  var value: Ratio?
  // Read in `run()`, after `validate()`: giving --value too is a usage error whatever the sweep.
  @Option(help: "A sweep of exit values FROM:TO:STEP, for example 0:200M:5M.")
  var sweep: String?
  @Option(
    help: "With --sweep: also write a stacked chart of the payouts by class to this SVG file.")
  var chart: String?
  @Flag(help: "List the exit values where the payout curves bend, and why.")
  var breakpoints = false
  @Option(help: "Transaction expenses, deducted first.", transform: Amount.money("--expenses"))
  var expenses: Ratio?
  @Option(
    help: "A management carve-out paid after expenses: an amount (2M) or a share (5%).",
    transform: { try .init(parsing: $0, field: "--carve-out") })
  var carveOut: ExitDeductions.CarveOut?
  @Option(
    help: """
      How options and warrants take part: exercise (exercised when in the money), exclude \
      (left out, also from the Liquidity Capitalization) or vested (only what is vested on \
      --as-of).
      """)
  var options: ExitOptionsChoice = .exercise
  @Option(
    name: [.customLong("as-of"), .customLong("date")],
    help: """
      The date of the cap table and of notes' interest (default: today; latest: the last dated \
      entry).
      """)
  var date: AsOfDate?
  @Option(help: "Use a saved round's pro forma cap table (as if closed; nothing is written).")
  var round: String?
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func validate() throws {
    guard [value != nil, sweep != nil, breakpoints].filter({ $0 }).count == 1 else {
      throw ValidationError("give exactly one of --value, --sweep or --breakpoints")
    }
    if chart != nil && sweep == nil {
      throw ValidationError("--chart draws a --sweep; add --sweep FROM:TO:STEP")
    }
  }

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let day = AsOfOption.day(date, [ledger])
    defer { AsOf.printNote(ledger, day, format: output.format) }
    let treatment: OptionTreatment =
      switch options {
      case .exercise: .exercisedWhenInTheMoney
      case .exclude: .exclude
      case .vested: .vested(asOf: day)
      }
    let setup = try ledger.exitSetup(
      asOf: day, closing: try round.map { try store.savedRound(named: $0, company: company.id) },
      options: treatment,
      deductions: ExitDeductions(
        transactionExpenses: expenses ?? .zero, carveOut: carveOut ?? .none))
    let (table, waterfall) = (setup.table, setup.waterfall)
    if let value {
      let distribution = try waterfall.distribution(at: value)
      emit(
        ExitReport.distribution(
          distribution, table: table, company: company, format: output.format.view,
          classes: waterfall.capitalization.classes, waterfall: waterfall,
          laterEntries: AsOf.json(ledger, day)))
    } else {
      let curve: ExitCurveView.Curve =
        try sweep.map {
          .sweep(
            try ExitReport.Sweep(
              waterfall, values: try ExitValues.sweep(parsing: $0, field: "--sweep")))
        } ?? .breakpoints(ExitReport.Breakpoints(waterfall))
      if let chart, case .sweep(let view) = curve { try write(view, chart: chart, company) }
      let view = ExitCurveView(
        curve, company: company, asOf: day, laterEntries: ledger.laterEntries(after: day),
        leftOutWarrants: setup.leftOutWarrants)
      emit(view.rendered(output.format))
    }
    printLeftOut(setup.leftOutWarrants, company.currency)
  }

  /// Writes the sweep's stacked chart to the `--chart` file.
  private func write(_ sweep: ExitReport.Sweep, chart: String, _ company: Company) throws {
    try TextFile.write(
      sweep.chart(company: company.name, currency: company.currency), to: chart, field: "--chart")
  }

  /// The note for each warrant the waterfall leaves out: under the text, on stderr beside CSV
  /// (JSON carries them as `left_out_warrants`).
  private func printLeftOut(_ warrants: [LeftOutWarrant], _ currency: Currency) {
    guard output.format != .json else { return }
    for warrant in warrants { AsOf.print(warrant.note(currency), format: output.format) }
  }
}
