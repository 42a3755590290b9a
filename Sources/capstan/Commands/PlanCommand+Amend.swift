import ArgumentParser
import CapstanModel

extension StockPlan.CancellationBehavior: ExpressibleByArgument {}

extension PlanCommand {
  /// `capstan plan amend PLAN --date D [--cancellation return-to-pool|retire]
  /// [--adoption-date A]`.
  struct Amend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "amend",
      abstract: "Amend a plan from a date on: cancelled options, or its adoption date.",
      discussion: """
        Examples:
          capstan plan amend "2025 Plan" --date 2026-01-01 --cancellation retire
          capstan plan amend "2025 Plan" --date 2026-01-01 --adoption-date 2025-02-01
        Options cancelled from --date on return to the pool (return-to-pool) or are retired
        (retire); earlier cancellations keep the rule in force when they happened.
        --adoption-date corrects the date the board adopted the plan: views as of --date or
        later count the pool from the new date, views before --date from the old one. It
        cannot be after --date; refused, naming it, when a grant would then come before the
        plan's adoption in some view.
        """)

    @Argument(help: "The plan.")
    var name: String
    @Option(help: "The amendment's effective date (YYYY-MM-DD).")
    var date: CalendarDate
    @Option(help: "return-to-pool or retire.")
    var cancellation: StockPlan.CancellationBehavior?
    @Option(help: "The date the board adopted the plan (YYYY-MM-DD, not after --date).")
    var adoptionDate: CalendarDate?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
      if cancellation == nil && adoptionDate == nil {
        throw ValidationError("give --cancellation or --adoption-date (or both)")
      }
    }

    func run() throws {
      if let adoptionDate, adoptionDate > date {
        throw InputError.invalid(
          field: "--adoption-date", input: adoptionDate.iso,
          expected: "a date on or before the amendment's --date (\(date.iso))")
      }
      try workspace.recordAll { draft, company in
        let plan = try draft.ledger(for: company.id).plan(named: name)
        let amendment = PlanAmendment(
          plan: plan.id, cancellationBehavior: cancellation, adopted: adoptionDate)
        return try draft.append([(date, .amendPlan(amendment))], to: company.id)
      }
    }
  }
}
