import ArgumentParser
import CapstanModel
import CapstanReports
import CapstanStore

extension ShareValuation.Kind: ExpressibleByArgument {}

/// `capstan valuation ...`: valuations (409A and others) of a company's classes.
struct ValuationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "valuation",
    abstract: "Record and list valuations of a class's shares (409A and others).",
    discussion: """
      Examples:
        capstan valuation add --class Common --price 1.25 --date 2026-01-31 --provider "Carta"
        capstan valuation list
      Valuations are dated and append-only, kept beside the ledger; the latest 409A of common
      in force is shown by `capstan report company`.
      """,
    subcommands: [Add.self, List.self])

  /// `capstan valuation add`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add", abstract: "Record a valuation of one class's shares from a date.")
    @Option(name: .customLong("class"), help: "The class valued.") var shareClass: String
    @Option(help: "The value of one share (exact decimal, e.g. 1.25).") var price: String
    @Option(help: "The effective date (YYYY-MM-DD).") var date: String
    @Option(help: "The kind of valuation (other: a board determination, a financing...).") var type:
      ShareValuation.Kind =
        .section409A
    @Option(help: "Who provided the valuation.") var provider: String?
    @Option(help: "When the board approved it (YYYY-MM-DD).") var boardApproved: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let value = try Parse.amount(price, "--price")
      guard value > .zero else {
        throw InputError.invalid(field: "--price", input: price, expected: "a positive price")
      }
      let day = try Parse.date(date, "--date")
      let approved = try boardApproved.map { try Parse.date($0, "--board-approved") }
      let valuation = try store.write { draft in
        try draft.addValuation(
          className: shareClass, pricePerShare: value, effective: day, kind: type,
          provider: provider, boardApproved: approved, company: company.id)
      }
      let name = try store.ledger(for: company.id).classes.first { $0.id == valuation.shareClass }
      print(
        "Recorded a valuation of \(name?.name ?? shareClass) at "
          + "\(Price(valuation.pricePerShare, company.currency).formatted()) from \(day.iso) "
          + "(\(valuation.kind.label)) "
          + "for \(company.name).")
      if let note = AsOf.futureNote([day], .fromItsDate(latest: false)) { print(note) }
    }
  }

  /// `capstan valuation list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "The valuations recorded, in effective-date order.",
      discussion: "Example: capstan valuation list --format json")
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let valuations = try store.valuations(for: company.id)
        .enumerated().sorted {
          ($0.element.effective, $0.offset) < ($1.element.effective, $1.offset)
        }
        .map(\.element)
      let ledger = try store.ledger(for: company.id)
      let classes = Dictionary(
        ledger.classes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
      let header = [
        "effective_date", "class", "price_per_share", "type", "provider", "board_approval_date",
      ]
      var rows: [[String]] = []
      var raw: [[String]] = []
      for valuation in valuations {
        let row = [
          valuation.effective.iso, classes[valuation.shareClass] ?? valuation.shareClass.rawValue,
          Price(valuation.pricePerShare, company.currency).formatted(), valuation.kind.label,
          valuation.provider ?? "", valuation.boardApproved?.iso ?? "",
        ]
        rows.append(row)
        var machine = row
        machine[2] = Price(valuation.pricePerShare, company.currency).exactString
        machine[3] = valuation.kind.rawValue
        raw.append(machine)
      }
      switch output.format {
      case .text:
        var text = TextTable([
          ("Effective", .left), ("Class", .left), ("Price/share", .right), ("Type", .left),
          ("Provider", .left), ("Board approved", .left),
        ])
        rows.forEach { text.add($0) }
        emit(
          rows.isEmpty
            ? "No valuations yet (add one with: capstan valuation add --class CLASS --price P --date D).\n"
            : "\(company.name): valuations\n\n" + text.render()
              + ValuationCommand.notes(valuations, ledger: ledger, classes: classes))
      case .csv: emit(CSV.render(header: header, rows: raw))
      case .json:
        emit(
          JSON.array(raw.map { row in .object(zip(header, row).map { ($0, .string($1)) }) })
            .render())
      }
    }
  }

  /// Notes under the list, today: each 409A dated before a split of its class (with its
  /// split-adjusted price), and the 409A in force of each class when it is more than 12 months
  /// old.
  static func notes(
    _ valuations: [ShareValuation], ledger: Ledger, classes: [ShareClass.ID: String]
  ) -> String {
    let today = Today.date
    var lines: [String] = []
    for valuation in valuations where valuation.kind == .section409A {
      var flags = valuation.flags(in: ledger, on: today, currency: ledger.company.currency)
      let inForce = valuations.inForce(on: today, shareClass: valuation.shareClass)
      if inForce != valuation {
        flags.removeAll { $0.hasPrefix("more than 12 months") }
      }
      guard !flags.isEmpty else { continue }
      let name = classes[valuation.shareClass] ?? valuation.shareClass.rawValue
      lines.append(
        ReportDocument.wrap(
          "\(valuation.effective) \(name) 409A: \(flags.joined(separator: "; ")).", 100))
    }
    return lines.isEmpty ? "" : "\n" + lines.joined()
  }
}
