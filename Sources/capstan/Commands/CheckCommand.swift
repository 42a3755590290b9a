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

  @Option(help: "Check as of this date (default: today; latest: the last dated entry).")
  var asOf: String?
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let (store, company) = try workspace.openCompany()
    let ledger = try store.ledger(for: company.id)
    let date = try AsOf.date(asOf, ledger)
    let valuations = try store.valuations(for: company.id)
    let check = try HealthCheck(ledger, valuations: valuations, asOf: date)
    switch output.format {
    case .json:
      emit(
        JSON.object([
          ("company", .string(company.name)), ("as_of", .string(date.iso)),
          ("errors", .int(Int64(check.findings.filter { $0.severity == .error }.count))),
          ("warnings", .int(Int64(check.findings.filter { $0.severity == .warning }.count))),
          (
            "findings",
            .array(
              check.findings.map { finding in
                .object([
                  ("severity", .string(finding.severity.rawValue)),
                  ("check", .string(finding.check)), ("subject", .string(finding.subject)),
                  ("message", .string(finding.message)),
                  ("numbers", .object(finding.numbers.map { ($0.0, .string($0.1)) })),
                  ("fix", .string(finding.fix)),
                ])
              })
          ),
          ("later_entries", AsOf.json(ledger, date)),
        ]).render())
    case .text, .csv:
      var out = "\(company.name): health check as of \(date)\n"
      if check.findings.isEmpty { out += "No findings.\n" }
      for finding in check.findings {
        out += "\n\(finding.severity.rawValue.uppercased()) [\(finding.check)] \(finding.message)\n"
        out += "  fix: \(finding.fix)\n"
      }
      let errors = check.findings.filter { $0.severity == .error }.count
      out += "\n\(errors) error\(errors == 1 ? "" : "s"), "
      out +=
        "\(check.findings.count - errors) warning\(check.findings.count - errors == 1 ? "" : "s")\n"
      emit(out)
      AsOf.printNote(ledger, date)
    }
    if check.hasErrors { throw ExitCode(1) }
  }
}
