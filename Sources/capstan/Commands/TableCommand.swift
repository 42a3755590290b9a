import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension OwnershipBasis: ExpressibleByArgument {}
/// `table --by`: the engine's groupings, and one row per open security.
enum TableGrouping: String, ExpressibleByArgument, CaseIterable {
  case holder
  case shareClass = "class"
  case security
}

/// `table --basis`: the engine's bases, and fully diluted with the convertibles estimated.
enum TableBasis: String, ExpressibleByArgument, CaseIterable {
  case outstanding
  case fullyDiluted = "fully-diluted"
  case fullyDilutedWithConvertibles = "fully-diluted-with-convertibles"
}

/// `capstan table`: the cap table on a basis, as of a date.
struct TableCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "table",
    abstract: "Show the cap table: ownership by holder or class, outstanding or fully diluted.",
    discussion: """
      Examples:
        capstan table                               fully diluted, by holder, as of today
        capstan table --as-of 2025-02-01 --by class
        capstan table --basis outstanding --format json
        capstan table --basis fully-diluted-with-convertibles --round-price 1.25
        capstan table --by security                 each open security, with its custom id
      Fully diluted = stock (preferred as converted into common) + options outstanding +
      every plan's unissued pool. Percentages are shown to 2 decimals; JSON carries the exact
      fractions, which add up to exactly 1. Outstanding SAFEs and notes are footnoted; with
      fully-diluted-with-convertibles they are counted as the shares they would convert into,
      estimated at their cap (or at --round-price), as the YC safe converts.
      """)

  @Option(help: "Show the table at the end of this date (default: today; latest: the last entry).")
  var asOf: String?
  @Option(help: "outstanding, fully-diluted or fully-diluted-with-convertibles.")
  var basis: TableBasis = .fullyDiluted
  @Option(help: "With fully-diluted-with-convertibles: estimate conversions at this price.")
  var roundPrice: String?
  @Option(help: "holder, class or security (each open security in its own class, not converted).")
  var by: TableGrouping = .holder
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = try AsOf.date(asOf, ledger)
    let table = try ledger.replay(asOf: date)
    let price = try roundPrice.map { try Parse.amount($0, "--round-price") }
    if price != nil && basis != .fullyDilutedWithConvertibles {
      throw InputError.invalid(
        field: "--round-price", input: roundPrice ?? "",
        expected: "--basis fully-diluted-with-convertibles as well")
    }
    if by == .security {
      guard basis != .fullyDilutedWithConvertibles else {
        throw InputError.invalid(
          field: "--by", input: "security", expected: "--basis outstanding or fully-diluted")
      }
      let rows = SecurityRegister.rows(
        table, fullyDiluted: basis == .fullyDiluted, customIDs: ledger.customIDs)
      ProcessLifetime.keep((ledger, table))
      printSecurities(rows, company: company.name, date: date, ledger: ledger)
      return
    }
    let grouping: OwnershipGrouping = by == .shareClass ? .shareClass : .holder
    let estimate = try ConvertibleEstimate(table, on: date, roundPrice: price)
    let view: OwnershipView =
      switch basis {
      case .outstanding: OwnershipView(table, basis: .outstanding, grouping: grouping)
      case .fullyDiluted: OwnershipView(table, basis: .fullyDiluted, grouping: grouping)
      case .fullyDilutedWithConvertibles:
        OwnershipView(table, grouping: grouping, convertibles: estimate)
      }
    ProcessLifetime.keep((ledger, table))
    switch output.format {
    case .text:
      emit(TableCommand.text(view))
      emit(TableCommand.footnote(estimate, view: view, currency: company.currency))
      AsOf.printNote(ledger, date)
    case .csv:
      emit(TableCommand.csv(view))
      AsOf.printNote(ledger, date, format: .csv)
    case .json:
      var json = TableCommand.json(view)
      if case .object(var fields) = json {
        fields.append(
          ("convertibles", TableCommand.json(estimate, counted: view.convertibles != nil)))
        fields.append(("later_entries", AsOf.json(ledger, date)))
        json = .object(fields)
      }
      emit(json.render())
    }
  }

  static func text(_ view: OwnershipView) -> String {
    let basisName =
      view.convertibles != nil
      ? "fully diluted with convertibles (estimated)"
      : view.basis == .fullyDiluted ? "fully diluted" : "outstanding"
    var out =
      "\(view.company): \(basisName), as of \(view.asOf), by \(view.grouping == .holder ? "holder" : "class")\n"
    out += "Preferred stock is counted as converted into common.\n"
    if !view.unconverted.isEmpty {
      let names =
        view.unconverted.count == 1
        ? view.unconverted[0]
        : view.unconverted.dropLast().joined(separator: ", ") + " and "
          + (view.unconverted.last ?? "")
      out +=
        "\(names) \(view.unconverted.count == 1 ? "has" : "have") no conversion right into "
        + "common: counted as \(view.unconverted.count == 1 ? "its" : "their") own shares.\n"
    }
    out += "\n"
    guard !view.rows.isEmpty else { return out + "Nothing issued yet.\n" }
    let first = view.grouping == .holder ? "Holder" : "Class"
    var columns: [(String, TextTable.Alignment)] = [(first, .left), ("Stock", .right)]
    if view.basis == .fullyDiluted { columns += [("Options", .right), ("Pool", .right)] }
    let withEstimates = view.convertibles != nil
    if withEstimates { columns += [("Convertible*", .right)] }
    columns += [
      ("Total", .right), (view.basis == .fullyDiluted ? "Fully diluted" : "Ownership", .right),
    ]
    var table = TextTable(columns)
    func dash(_ shares: Shares) -> String { shares == .zero ? "-" : shares.formatted }
    for row in view.rows {
      let name = row.kind == .pool ? "\(row.name) (available)" : row.name
      var cells = [name, dash(row.stock)]
      if view.basis == .fullyDiluted { cells += [dash(row.options), dash(row.available)] }
      if withEstimates { cells += [dash(row.estimated)] }
      table.add(cells + [row.total.formatted, row.fraction.percentString()])
    }
    let stock = view.rows.reduce(Shares.zero) { $0 + $1.stock }
    var footer = ["Total", stock.formatted]
    if view.basis == .fullyDiluted {
      footer += [
        view.rows.reduce(Shares.zero) { $0 + $1.options }.formatted,
        view.rows.reduce(Shares.zero) { $0 + $1.available }.formatted,
      ]
    }
    if withEstimates { footer += [view.rows.reduce(Shares.zero) { $0 + $1.estimated }.formatted] }
    table.footer = footer + [view.total.formatted, "100.00%"]
    return out + table.render()
  }

  static let csvHeader = [
    "name", "kind", "stock", "options", "available", "total", "fraction", "percent",
  ]

  /// The CSV rows; with the convertibles' estimate, an `estimated` column comes last.
  static func csv(_ view: OwnershipView) -> String {
    let estimated = view.convertibles != nil
    return CSV.render(
      header: csvHeader + (estimated ? ["estimated"] : []),
      rows: view.rows.map { row in
        [
          row.name, row.kind.rawValue, String(row.stock.count), String(row.options.count),
          String(row.available.count), String(row.total.count), row.fraction.fractionString,
          (row.fraction * Ratio(100)).decimalString(places: 2),
        ] + (estimated ? [String(row.estimated.count)] : [])
      })
  }

  static func json(_ view: OwnershipView) -> JSON {
    .object([
      ("company", .string(view.company)),
      ("as_of", .string(view.asOf.iso)),
      ("basis", .string(view.basis.rawValue)),
      ("by", .string(view.grouping.rawValue)),
      ("total", .int(view.total.count)),
      (
        "rows",
        .array(
          view.rows.map { row in
            .object([
              ("name", .string(row.name)), ("kind", .string(row.kind.rawValue)),
              ("stock", .int(row.stock.count)),
              ("options", .int(row.options.count)), ("available", .int(row.available.count)),
              ("estimated", .int(row.estimated.count)),
              ("total", .int(row.total.count)), ("fraction", .string(row.fraction.fractionString)),
              ("percent", .string((row.fraction * Ratio(100)).decimalString(places: 2))),
            ])
          })
      ),
    ])
  }
}

extension TableCommand {
  /// The footnote under the text table: each outstanding SAFE and note, their total, and what
  /// their estimate means (empty when there are none).
  static func footnote(_ estimate: ConvertibleEstimate, view: OwnershipView, currency: Currency)
    -> String
  {
    guard !estimate.lines.isEmpty else { return "" }
    let money = { (value: Ratio) in Money(value, currency).formatted }
    let counted = view.convertibles != nil
    var out =
      counted
      ? "\n* Estimated conversions of the outstanding SAFEs and notes, "
        + (estimate.roundPrice.map { "at a round price of \(money($0)) or their cap:\n" }
          ?? "at their cap:\n")
      : "\nOutstanding convertibles, not counted above (--basis fully-diluted-with-convertibles"
        + " estimates them):\n"
    for line in estimate.lines {
      let shares =
        line.price.map { "\(line.shares.formatted) shares at \(Price($0, currency).formatted())" }
        ?? "no cap: not estimated"
      out += "  \(line.security)  \(line.holder)  \(money(line.convertingAmount))  \(shares)\n"
    }
    let total = estimate.lines.reduce(Ratio.zero) { $0 + $1.convertingAmount }
    out += "  Total \(estimate.lines.count) outstanding, \(money(total))"
    out += counted ? ", estimated \(estimate.totalShares.formatted) shares\n" : "\n"
    return out
  }

  /// The `convertibles` JSON array: each outstanding SAFE and note with its estimate.
  static func json(_ estimate: ConvertibleEstimate, counted: Bool) -> JSON {
    .object([
      ("counted", .bool(counted)), ("estimate", .bool(true)),
      ("round_price", .optional(estimate.roundPrice?.fractionString)),
      (
        "outstanding",
        .array(
          estimate.lines.map { line in
            .object([
              ("security", .string(line.security.rawValue)), ("holder", .string(line.holder)),
              ("kind", .string(line.kind)),
              ("amount", .string(line.convertingAmount.decimalString(places: 2))),
              ("price", .optional(line.price?.fractionString)),
              ("estimated_shares", .int(line.shares.count)),
            ])
          })
      ),
      ("estimated_shares", .int(estimate.totalShares.count)),
    ])
  }
}
