import ArgumentParser
import CapstanModel

extension StockPlan.CancellationBehavior: ExpressibleByArgument {}

extension PlanCommand {
  /// `capstan plan amend PLAN --date D --cancellation return-to-pool|retire`.
  struct Amend: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Amend a plan from a date on: what happens to cancelled options.",
      discussion: """
        Example: capstan plan amend "2025 Plan" --date 2026-01-01 --cancellation retire
        Options cancelled from --date on return to the pool (return-to-pool) or are retired
        (retire); earlier cancellations keep the rule in force when they happened. A plan's
        adoption date is not amended: record the plan again under a new name and void what
        was granted from the old one.
        """)

    @Argument(help: "The plan.")
    var name: String
    @Option(help: "The amendment's effective date (YYYY-MM-DD).")
    var date: String
    @Option(help: "return-to-pool or retire.")
    var cancellation: StockPlan.CancellationBehavior
    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let day = try Parse.date(date, "--date")
      let written = try store.write { draft in
        let plan = try draft.ledger(for: company.id).plan(named: name)
        return try draft.append(
          [(day, .amendPlan(PlanAmendment(plan: plan.id, cancellationBehavior: cancellation)))],
          to: company.id)
      }
      for transaction in written { try CommandOutput.recorded(transaction, store, company) }
    }
  }
}
