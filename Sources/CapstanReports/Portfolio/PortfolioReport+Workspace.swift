import CapstanModel

extension PortfolioReport {
  /// The portfolio report of `investor` (a stakeholder's name) over every company of
  /// `workspace`, with their control records, its compute valued at the workspace's token
  /// market, on the date `asOf` picks from the companies' ledgers (`report portfolio`).
  ///
  /// Refused, under `field`, when no stakeholder has the name or the companies keep their
  /// books in more than one currency.
  public static func build(
    workspace: any Workspace, investor: String, asOf: ([Ledger]) -> CalendarDate,
    pricePath: [PricePoint] = [], thresholds: PortfolioThresholds = PortfolioThresholds(),
    field: String = "--investor"
  ) throws -> ReportDocument {
    guard Stakeholder.named(investor, in: try workspace.stakeholders()) != nil else {
      throw InputError.invalid(
        field: field, input: investor, expected: "a stakeholder of this workspace")
    }
    let companies = try workspace.companies()
    let currencies = Set(companies.map(\.currency.code)).sorted()
    guard currencies.count <= 1 else {
      throw InputError.invalid(
        field: field, input: investor,
        expected: "companies in one currency (this workspace has "
          + "\(currencies.joined(separator: ", ")))")
    }
    let ledgers = try workspace.ledgers(for: companies.map(\.id))
    let inputs = try zip(companies, ledgers).map { company, ledger in
      Input(ledger: ledger, records: try workspace.controlRecords(for: company.id))
    }
    return try build(
      investor: investor, companies: inputs, asOf: asOf(ledgers),
      currency: companies.first?.currency ?? .usd,
      compute: LedgerComputeSource(ledgers: ledgers, market: try workspace.tokenMarket()),
      pricePath: pricePath, thresholds: thresholds)
  }
}
