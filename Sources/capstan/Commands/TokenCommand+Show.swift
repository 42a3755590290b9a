import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension TokenCommand {
  /// `capstan token` (`capstan tokens`): the company's compute grants in tokens, compute units
  /// and money.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Balances in tokens, compute units and money on a date.",
      discussion: """
        Example: capstan tokens --as-of 2027-07-15
        Tokens are valued at the last market price recorded on or before the date (else the
        peg, else the agreed price). Unrealised = held × (market − agreed); funding gap =
        what the held tokens fall short of their agreed value; effective price per share =
        granted tokens × market ÷ shares issued for them.
        """)

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let (store, company) = try workspace.openCompany()
      let ledger = try store.ledger(for: company.id)
      let date = asOf.date(ledger)
      let table = try ledger.replay(asOf: date)
      emit(
        TokensReport.render(
          try store.tokenMarket().valuations(of: table, asOf: date), table: table,
          company: company, format: output.format.view, laterEntries: AsOf.json(ledger, date)))
      AsOf.printNote(ledger, date, format: output.format)
    }
  }
}
