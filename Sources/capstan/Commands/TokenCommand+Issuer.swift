import ArgumentParser
import CapstanEngine
import CapstanModel
import CapstanReports

extension TokenCommand {
  /// `capstan tokens issuer SYMBOL`: the token issuer's view across the workspace.
  struct Issuer: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "issuer",
      abstract: "A token issuer's view across the workspace: its stakes and the compute it owes.",
      discussion: """
        Example: capstan tokens issuer H100H --as-of 2027-07-15
        One row per company holding the token: tokens still locked (to deliver) and callable
        now (unlocked, not yet redeemed), the compute units they stand for, their value at the
        peg, at the market and at the issuer's cost (capstan token cost), and the issuer's
        fully diluted shares, stake and price per share at cost. Then the totals, the schedule
        (callable now, then what unlocks each of 24 months, then later: it adds up to what is
        owed) and the concentration of the compute owed (Herfindahl index, largest company).
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
        token: token, ledgers: ledgers, market: market, asOf: date,
        costs: TokenCosts(try store.tokenCosts()))
      let issuer = try store.stakeholders().first { $0.id == token.issuer }
      emit(
        IssuerExposureReport.render(
          exposures, issuer: issuer?.name ?? token.issuer.rawValue, asOf: date,
          format: output.format.view, laterEntries: AsOf.json(ledgers, date)))
      AsOf.printNote(ledgers, date, format: output.format)
    }
  }
}
