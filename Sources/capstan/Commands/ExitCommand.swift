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

  @Option(help: "The exit value: the proceeds to the equity before expenses.")
  var value: String?
  @Option(help: "A sweep of exit values FROM:TO:STEP, for example 0:200M:5M.")
  var sweep: String?
  @Option(
    help: "With --sweep: also write a stacked chart of the payouts by class to this SVG file.")
  var chart: String?
  @Flag(help: "List the exit values where the payout curves bend, and why.")
  var breakpoints = false
  @Option(help: "Transaction expenses, deducted first.")
  var expenses: String?
  @Option(help: "A management carve-out paid after expenses: an amount (2M) or a share (5%).")
  var carveOut: String?
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
  var date: String?
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
    let day = try AsOf.date(date, ledger)
    defer { AsOf.printNote(ledger, day, format: output.format) }
    let table = try ExitCommand.table(store: store, company: company, date: day, round: round)
    let treatment: OptionTreatment =
      switch options {
      case .exercise: .exercisedWhenInTheMoney
      case .exclude: .exclude
      case .vested: .vested(asOf: day)
      }
    var carve = ExitDeductions.CarveOut.none
    if let carveOut {
      carve =
        carveOut.hasSuffix("%")
        ? .fraction(try AmountParser.percentage(carveOut, field: "--carve-out"))
        : .amount(try Parse.amount(carveOut, "--carve-out"))
    }
    let deductions = ExitDeductions(
      transactionExpenses: try expenses.map { try Parse.amount($0, "--expenses") } ?? .zero,
      carveOut: carve)
    let capitalization = WaterfallCapitalization(
      table, convertibles: try OutstandingConvertible.outstanding(in: table, on: day))
    let waterfall = try Waterfall(capitalization, options: treatment, deductions: deductions)
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    if let value {
      let distribution = try waterfall.distribution(at: try Parse.amount(value, "--value"))
      emit(
        ExitOutput.distribution(
          distribution, table: table, company: company, format: output.format,
          classes: waterfall.capitalization.classes, waterfall: waterfall,
          laterEntries: AsOf.json(ledger, day))
      )
    } else if let sweep {
      let values = try ExitCommand.sweepValues(sweep)
      let payouts = try waterfall.schedule.sweep(values)
      let names = waterfall.capitalization.classes.map(\.name)
      var header = ["exit_value"] + names
      if !waterfall.capitalization.convertibles.isEmpty {
        header += waterfall.capitalization.convertibles.map(\.name)
      }
      header.append("options")
      let rows = zip(values, payouts).map { exit, payout in
        [exit] + payout.classes + payout.convertibles + [payout.options]
      }
      if let chart {
        let series = header.dropFirst().enumerated().map { index, name in
          StackedAreaChart.Series(name: name, values: rows.map { $0[index + 1] })
        }
        let svg = StackedAreaChart(
          title: "\(company.name): payouts by class", x: values, series: series,
          format: {
            Money($0, company.currency).formatted.replacingOccurrences(of: ".00", with: "")
          }
        ).svg()
        do {
          try svg.write(toFile: chart, atomically: true, encoding: .utf8)
        } catch {
          throw InputError.invalid(
            field: "--chart", input: chart, expected: "a file that can be written")
        }
      }
      switch output.format {
      case .csv:
        emit(CSV.render(header: header, rows: rows.map { $0.map { $0.decimalString(places: 2) } }))
      case .json:
        emit(
          AsOf.document(
            ledger, day, key: "payouts",
            rows: rows.map { row in
              .object(zip(header, row).map { ($0, .string($1.decimalString(places: 2))) })
            }
          ).render())
      case .text:
        var text = TextTable(
          header.map { ($0 == "exit_value" ? "Exit value" : $0, TextTable.Alignment.right) })
        rows.forEach { row in text.add(row.map(money)) }
        emit("\(company.name): payouts by class, as of \(day)\n\n" + text.render())
      }
    } else {
      let points = waterfall.schedule.breakpoints
      switch output.format {
      case .text:
        var text = TextTable([
          ("Exit value", .right), ("Common per share", .right), ("What happens", .left),
        ])
        for point in points {
          text.add([
            money(point.exitValue),
            Price(point.commonPerShare, company.currency).formatted(places: 6),
            point.events.map(ExitOutput.describe).joined(separator: "; "),
          ])
        }
        emit("\(company.name): waterfall breakpoints, as of \(day)\n\n" + text.render())
      case .csv, .json:
        let rows = points.map {
          [
            $0.exitValue.decimalString(places: 2), $0.commonPerShare.decimalString(places: 6),
            $0.events.map(ExitOutput.describe).joined(separator: "; "),
          ]
        }
        let header = ["exit_value", "common_per_share", "events"]
        if output.format == .csv {
          emit(CSV.render(header: header, rows: rows))
        } else {
          emit(
            AsOf.document(
              ledger, day, key: "breakpoints",
              rows: rows.map { row in .object(zip(header, row).map { ($0, .string($1)) }) }
            ).render())
        }
      }
    }
  }

  /// The cap table on `date`, or after a saved round closed on an in-memory copy of the ledger.
  static func table(store: any Workspace, company: Company, date: CalendarDate, round: String?)
    throws
    -> CapTable
  {
    let ledger = try store.ledger(for: company.id)
    guard let round else { return try ledger.replay(asOf: date) }
    let saved = try RoundCommand.saved(round, store, company)
    let (result, adjustments) = try RoundCommand.modelWithAntiDilution(
      saved.terms, store: store, company: company, closing: saved.closing)
    var draft = WorkspaceDraft(
      companies: [company], stakeholders: try store.stakeholders(), load: { _ in ledger })
    try draft.closeRound(
      result.closing(
        newClass: saved.terms.newClass, antiDilution: adjustments,
        conversionSeries: company.conversionSeries), company: company.id)
    return try draft.ledger(for: company.id).replay(asOf: max(date, saved.closing))
  }

  /// `FROM:TO:STEP` into the exit values, at most 100,000 of them.
  static func sweepValues(_ text: String) throws -> [Ratio] {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 3 else {
      throw InputError.invalid(
        field: "--sweep", input: text, expected: "FROM:TO:STEP, e.g. 0:200M:5M")
    }
    let from = try Parse.amount(parts[0], "--sweep FROM")
    let to = try Parse.amount(parts[1], "--sweep TO")
    let step = try Parse.amount(parts[2], "--sweep STEP")
    guard !step.isZero, from <= to, (to - from) / step <= Ratio(100_000) else {
      throw InputError.invalid(
        field: "--sweep", input: text,
        expected: "FROM ≤ TO and a positive STEP, at most 100,000 values")
    }
    var values: [Ratio] = []
    var current = from
    while current <= to {
      values.append(current)
      current += step
    }
    return values
  }
}
