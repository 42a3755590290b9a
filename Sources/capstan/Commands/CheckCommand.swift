import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan check`: the cap table's legal hygiene as of a date; exit 1 on any error.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the cap table's health: authorized shares, 409A, pools, vesting, names.",
    discussion: """
      Examples:
        capstan check
        capstan check --as-of 2026-12-31 --format json
      Each finding has a severity (error or warning), the numbers, and the command that fixes
      it. Checked: authorized shares of each class against issued + reserved + warrants +
      preferred as converted + convertibles at their caps (estimated); option strikes below
      the 409A in force at grant, and grants with none in force; 409As more than 12 months
      old or dated before a split; 409As relied on with no board approval date; over-granted
      pools; vesting starting before incorporation or more than a year after the grant;
      stakeholders whose names look alike. Exit code 0 when no finding is an error, else 1.
      """)

  @OptionGroup var asOf: AsOfOption
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = asOf.date(ledger)
    let check = try HealthCheck(
      ledger, valuations: try store.valuations(for: company.id), asOf: date)
    // The check has no rows: CSV prints the text, with its note on standard output.
    show(
      HealthCheckView(
        company: company.name, asOf: date, check: check,
        laterEntries: ledger.laterEntries(after: date)), output.format == .json ? .json : .text)
    if check.hasErrors { throw ExitCode(1) }
  }
}
