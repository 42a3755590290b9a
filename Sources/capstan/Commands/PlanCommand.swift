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
      commandName: "add",
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
    @Option(help: "Shares reserved for the plan.", transform: Amount.count("--reserve"))
    var reserve: Shares
    @Option(help: "Date the board adopted the plan (default: the incorporation date).")
    var date: CalendarDate?
    @Flag(help: "Retire cancelled options instead of returning them to the pool.")
    var retireCancelled = false
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let adopted = date ?? company.incorporated
      let plan = try store.write { draft in
        let shareClass = try draft.ledger(for: company.id).shareClass(named: self.shareClass)
        let template = StockPlan(
          id: "new", name: name, shareClass: shareClass.id, initialReserve: reserve,
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
      commandName: "increase",
      abstract: "Reserve more shares for a plan's pool.",
      discussion: "Example: capstan plan increase \"2025 Plan\" 500,000 --date 2026-01-10")

    @Argument(help: "The plan.")
    var name: String
    @Argument(help: "Shares to add to the reserve.", transform: Amount.shares("SHARES"))
    var shares: Shares
    @Option(help: "Effective date (default: today).")
    var date: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = date ?? Today.date
      let transaction = try store.write { draft in
        try draft.increasePool(planName: name, quantity: shares, date: day, company: company.id)
      }
      print(
        "Recorded transaction \(transaction.sequence): \(name) pool increased by \(shares) on \(day)"
      )
      if let note = AsOf.futureNote([day]) { print(note) }
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "List plans with their pools.",
      discussion: "Example: capstan plan list --as-of 2025-12-31")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOption

    func run() throws {
      let ledger = try workspace.ledger()
      show(PlanListView(ledger, try ledger.replay(asOf: asOf.date(ledger))), output.format)
    }
  }
}
