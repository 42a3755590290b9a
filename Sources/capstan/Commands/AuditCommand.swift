import ArgumentParser
import CapstanModel
import CapstanReports

/// `capstan audit`: who wrote what, when, from where.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "List the audit records: every write, by whom, when, from where.",
    discussion: """
      Every write appends a record in its own transaction: a command line's is
      cli:<user> from cli, the team server's names the user, the client's address and the
      request's id. Records cannot be edited or removed.
      Examples:
        capstan audit
        capstan audit --company "Acme AI" --since 2026-01-01 --format json
      """)

  @Option(help: "Only records on or after this date (YYYY-MM-DD, UTC).")
  var since: String?
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let store = try workspace.open()
    let date = try since.map { try AmountParser.date($0, field: "--since") }
    let company = try workspace.company.map { try store.company(named: $0).id }
    let records = AuditListView.filtered(
      try store.auditRecords(), company: company, since: date)
    show(AuditListView(records), output.format)
  }
}
