import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

/// `capstan vesting`: who has vested what.
struct VestingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vesting",
    abstract: "Show vesting of option grants and restricted stock on a date.",
    discussion: """
      Example: capstan vesting --as-of 2026-03-31 --holder Linus
      Vesting is cumulative floor over whole calendar months once the cliff is
      reached (or as the grant's richer terms say). Shows what a change of
      control accelerated and what a termination cancelled (options, back to
      the pool) or left unvested (restricted stock). See docs/vesting.md.
      """)

  @OptionGroup var asOf: AsOfOption
  @Option(help: "Only this stakeholder.")
  var holder: String?
  @OptionGroup var workspace: WorkspaceOptions
  @OptionGroup var output: FormatOptions

  func run() throws {
    let ledger = try workspace.ledger()
    let date = asOf.date(ledger)
    let report = VestingReport(try ledger.replay(asOf: date), holder: holder)
    show(
      VestingView(
        company: ledger.company.name, asOf: date, report: report, customIDs: ledger.customIDs,
        laterEntries: ledger.laterEntries(after: date)), output.format)
  }
}
