import CapstanModel

/// What `export xml` writes for one company, counted, with what the file leaves behind.
public struct NativeXMLExport: Sendable, Hashable {
  /// The company's name.
  public var company: String
  /// The file written.
  public var path: String
  /// Share classes written.
  public var classes: Int
  /// Stock plans written.
  public var plans: Int
  /// Valuations written.
  public var valuations: Int
  /// Transactions written.
  public var transactions: Int
  /// Changes to the ledger's stakeholders left out (the file carries current values only).
  public var stakeholderHistory: Int

  /// The counts of `ledger`, `valuations` and the changes in `history` to its stakeholders.
  public init(
    ledger: Ledger, valuations: [ShareValuation], history: [StakeholderChange], path: String
  ) {
    company = ledger.company.name
    self.path = path
    classes = ledger.classes.count
    plans = ledger.plans.count
    self.valuations = valuations.count
    transactions = ledger.transactions.count
    stakeholderHistory = history.filter { ledger.stakeholders[$0.stakeholder] != nil }.count
  }

  /// Writes the company of `workspace` to `path` as Capstan XML (`NativeXMLWriter.write`),
  /// with the workspace's tokens, costs and the company's valuations.
  public static func write(
    _ company: Company.ID, of workspace: any Workspace, to path: String
  ) throws -> NativeXMLExport {
    let ledger = try workspace.ledger(for: company)
    let valuations = try workspace.valuations(for: company)
    try NativeXMLWriter.write(
      ledger, market: try workspace.tokenMarket(), costs: TokenCosts(try workspace.tokenCosts()),
      valuations: valuations, to: path)
    return NativeXMLExport(
      ledger: ledger, valuations: valuations, history: try workspace.stakeholderHistory(),
      path: path)
  }

  /// `Exported <company> to <path>: 2 classes, 1 plans, 1 valuation, 9 transactions`, then
  /// what was left out, when anything was.
  public var lines: [String] {
    let valued = valuations == 0 ? "" : "\(valuations) valuation\(valuations == 1 ? "" : "s"), "
    var lines = [
      "Exported \(company) to \(path): \(classes) classes, \(plans) plans, \(valued)"
        + "\(transactions) transactions"
    ]
    if stakeholderHistory > 0 {
      lines.append(
        "not exported: stakeholder history (current names, kinds and e-mails are written) "
          + "×\(stakeholderHistory)")
    }
    return lines
  }
}
