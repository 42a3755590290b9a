import ArgumentParser
import CapstanModel
import CapstanReports

/// `capstan plan ...`: equity incentive plans and their pools.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Add stock plans, grow their pools, list them.",
    subcommands: [Add.self, Increase.self, List.self, Amend.self]
  )

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Adopt a stock plan with a reserved pool.",
      discussion: """
        Example: capstan plan add "2025 Plan" --class Common --reserve 1,000,000
        The reserve counts against the class's authorized shares from the adoption date
        (default: the incorporation date).
        """)

    @Argument(help: "The plan's name (unique in the company).")
    var name: String
    @Option(name: .customLong("class"), help: "The class the options are exercisable for.")
    var shareClass: String
    @Option(help: "Shares reserved for the plan.")
    var reserve: String
    @Option(help: "Date the board adopted the plan (default: the incorporation date).")
    var date: String?
    @Flag(help: "Retire cancelled options instead of returning them to the pool.")
    var retireCancelled = false
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let reserved = try AmountParser.shares(reserve, field: "--reserve")
      let adopted = try Parse.date(date, "--date", default: company.incorporated)
      let plan = try store.write { draft in
        let shareClass = try draft.ledger(for: company.id).shareClass(named: self.shareClass)
        let template = StockPlan(
          id: "new", name: name, shareClass: shareClass.id, initialReserve: reserved,
          adopted: adopted,
          cancellationBehavior: retireCancelled ? .retire : .returnToPool)
        return try draft.addPlan(template, to: company.id)
      }
      print("Adopted \(plan.name) on \(plan.adopted) with \(plan.initialReserve) shares reserved")
      if let note = AsOf.futureNote([plan.adopted]) { print(note) }
    }
  }

  struct Increase: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Reserve more shares for a plan's pool.",
      discussion: "Example: capstan plan increase \"2025 Plan\" 500,000 --date 2026-01-10")

    @Argument(help: "The plan.")
    var name: String
    @Argument(help: "Shares to add to the reserve.")
    var shares: String
    @Option(help: "Effective date (default: today).")
    var date: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let quantity = try Parse.shares(shares, "SHARES")
      let day = try Parse.date(date, "--date", default: Today.date)
      let transaction = try store.write { draft in
        try draft.increasePool(planName: name, quantity: quantity, date: day, company: company.id)
      }
      print(
        "Recorded transaction \(transaction.sequence): \(name) pool increased by \(quantity) on \(day)"
      )
      if let note = AsOf.futureNote([day]) { print(note) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List plans with their pools.",
      discussion: "Example: capstan plan list --as-of 2025-12-31")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "As of this date (default: today; latest: the last dated entry).")
    var asOf: String?

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let date = try AsOf.date(asOf, ledger)
      let table = try ledger.replay(asOf: date)
      defer { AsOf.printNote(ledger, date, format: output.format) }
      let header = ["name", "class", "adopted", "options_outstanding", "exercised", "available"]
      // The adoption date in force on the date (a plan amendment may have corrected it).
      let raw: [[String]] = ledger.plans(asOf: date).compactMap { plan in
        guard let state = table.plans[plan.id] else { return nil }
        let className =
          ledger.classes.first { $0.id == plan.shareClass }?.name ?? plan.shareClass.rawValue
        return [
          plan.name, className, plan.adopted.iso, String(state.optionsOutstanding.count),
          String(state.exercised.count), String(state.available.count),
        ]
      }
      switch output.format {
      case .text:
        emit(
          ledger.plans.isEmpty
            ? "No stock plans yet.\n" : PlanCommand.planTable(ledger, table).render())
      case .csv: emit(CSV.render(header: header, rows: raw))
      case .json:
        emit(
          AsOf.document(
            ledger, date, key: "plans",
            rows: raw.map { row in
              .object(
                zip(header, row).enumerated().map {
                  $0 < 3 ? ($1.0, .string($1.1)) : ($1.0, .int(Int64($1.1) ?? 0))
                })
            }
          ).render())
      }
    }
  }

  /// Plans with their pools on the snapshot's date.
  static func planTable(_ ledger: Ledger, _ table: CapTable) -> TextTable {
    var text = TextTable([
      ("Plan", .left), ("Class", .left), ("Adopted", .left), ("Options out", .right),
      ("Exercised", .right),
      ("Available", .right),
    ])
    for plan in ledger.plans(asOf: table.asOf) {
      let className =
        ledger.classes.first { $0.id == plan.shareClass }?.name ?? plan.shareClass.rawValue
      guard let state = table.plans[plan.id] else {
        text.add([plan.name, className, plan.adopted.iso, "-", "-", "not yet adopted"])
        continue
      }
      text.add([
        plan.name, className, plan.adopted.iso, state.optionsOutstanding.formatted,
        state.exercised.formatted,
        state.available.formatted,
      ])
    }
    return text
  }
}
