import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension TokenCommand {
  /// `capstan tokens issuer SYMBOL`: the token issuer's view across the workspace.
  struct Issuer: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A token issuer's view across the workspace: its stakes and the compute it owes.",
      discussion: """
        Example: capstan tokens issuer H100H --as-of 2027-07-15
        One row per company holding the token: tokens still locked (to deliver) and available
        (to redeem), the compute units they stand for, their value at the peg and at the
        market, and the issuer's fully diluted shares and stake.
        """)

    @Argument(help: "The token's symbol.")
    var symbol: String
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let store = try workspace.open()
      let ledgers = try store.companies().map { try store.ledger(for: $0.id) }
      let date = asOf.date(ledgers)
      let market = try store.tokenMarket()
      let token = try market.token(symbol)
      let exposures = try IssuerExposures(
        token: token, ledgers: ledgers, market: market, asOf: date)
      let issuer = try store.stakeholders().first { $0.id == token.issuer }
      emit(
        IssuerExposureReport.render(
          exposures, issuer: issuer?.name ?? token.issuer.rawValue, asOf: date,
          format: output.format.view, laterEntries: AsOf.json(ledgers, date)))
      AsOf.printNote(ledgers, date, format: output.format)
    }
  }
}
