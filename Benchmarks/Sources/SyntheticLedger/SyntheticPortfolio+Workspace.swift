import CapstanModel
import CapstanStore

extension SyntheticPortfolio {
  /// Writes the synthetic portfolio into a new SQLite workspace at `path` (which must not
  /// exist), as the CLI would store it, to time `capstan report portfolio` on it.
  public static func createWorkspace(at path: String, companies: Int = 1_000, holders: Int = 100)
    throws
  {
    let (ledgers, market) = make(companies: companies, holders: holders)
    guard let first = ledgers.first else { return }
    let workspace = try SQLiteWorkspace.create(at: path)
    try workspace.write { draft in
      for stakeholder in first.stakeholders.values.sorted(by: { $0.id < $1.id }) {
        let added = try draft.addStakeholder(name: stakeholder.name, kind: stakeholder.kind)
        guard added.id == stakeholder.id else {
          throw SyntheticWorkspace.Mismatch(
            description: "the workspace named '\(stakeholder.id)' '\(added.id)'")
        }
      }
      for token in market.tokens.values {
        _ = try draft.addToken(
          symbol: token.symbol, issuer: investor, unit: token.unit,
          unitsPerToken: token.unitsPerToken, peg: token.peg)
      }
      _ = try draft.recordTokenPrices(market.series.values.flatMap(\.marks))
      for ledger in ledgers {
        let company = try draft.addCompany(
          name: ledger.company.name, currency: ledger.company.currency,
          incorporated: ledger.company.incorporated)
        guard company.id == ledger.company.id else {
          throw SyntheticWorkspace.Mismatch(
            description: "the workspace named '\(ledger.company.id)' '\(company.id)'")
        }
        for shareClass in ledger.classes { _ = try draft.addClass(shareClass, to: company.id) }
        for plan in ledger.plans { _ = try draft.addPlan(plan, to: company.id) }
        try draft.append(ledger.transactions.map { ($0.date, $0.event) }, to: company.id)
      }
    }
  }
}
