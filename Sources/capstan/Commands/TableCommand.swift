import ArgumentParser
import CapstanEngine
import CapstanModel

extension OwnershipBasis: ExpressibleByArgument {}
extension OwnershipGrouping: ExpressibleByArgument {}

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
      Fully diluted = stock (preferred as converted into common) + options outstanding +
      every plan's unissued pool. Percentages are shown to 2 decimals; JSON carries the exact
      fractions, which add up to exactly 1.
      """)

  @Option(help: "Show the table at the end of this date (default: today).")
  var asOf: String?
  @Option(help: "outstanding or fully-diluted.")
  var basis: OwnershipBasis = .fullyDiluted
  @Option(help: "holder or class.")
  var by: OwnershipGrouping = .holder
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let date = try Parse.date(asOf, "--as-of", default: .today())
    let ledger = try store.ledger(for: company.id)
    let table = try ledger.replay(asOf: date)
    let view = OwnershipView(table, basis: basis, grouping: by)
    ProcessLifetime.keep((ledger, table))
    switch output.format {
    case .text: emit(TableCommand.text(view))
    case .csv: emit(TableCommand.csv(view))
    case .json: emit(TableCommand.json(view).render())
    }
  }

  static func text(_ view: OwnershipView) -> String {
    let basisName = view.basis == .fullyDiluted ? "fully diluted" : "outstanding"
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
    columns += [
      ("Total", .right), (view.basis == .fullyDiluted ? "Fully diluted" : "Ownership", .right),
    ]
    var table = TextTable(columns)
    func dash(_ shares: Shares) -> String { shares == .zero ? "-" : shares.formatted }
    for row in view.rows {
      let name = row.kind == .pool ? "\(row.name) (available)" : row.name
      var cells = [name, dash(row.stock)]
      if view.basis == .fullyDiluted { cells += [dash(row.options), dash(row.available)] }
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
    table.footer = footer + [view.total.formatted, "100.00%"]
    return out + table.render()
  }

  static let csvHeader = [
    "name", "kind", "stock", "options", "available", "total", "fraction", "percent",
  ]

  static func csv(_ view: OwnershipView) -> String {
    CSV.render(
      header: csvHeader,
      rows: view.rows.map { row in
        [
          row.name, row.kind.rawValue, String(row.stock.count), String(row.options.count),
          String(row.available.count), String(row.total.count), row.fraction.fractionString,
          (row.fraction * Ratio(100)).decimalString(places: 2),
        ]
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
              ("total", .int(row.total.count)), ("fraction", .string(row.fraction.fractionString)),
              ("percent", .string((row.fraction * Ratio(100)).decimalString(places: 2))),
            ])
          })
      ),
    ])
  }
}
