import CapstanModel
import PostgresNIO

/// Reads a workspace's rows through one connection (inside the caller's transaction).
struct PostgresReader {
  let connection: BlockingConnection

  /// The JSON bodies `query` selects (its one column), decoded; `table` names them in errors.
  private func bodies<Value: Decodable>(
    _ type: Value.Type, _ query: PostgresQuery, table: String
  ) throws -> [Value] {
    try connection.rows(query).enumerated().map { index, row in
      try StoredJSON.decode(
        type, from: try row.decode(String.self), table: table, key: "\(index + 1)")
    }
  }

  func companies() throws -> [Company] {
    try bodies(
      Company.self, "SELECT body::text FROM companies ORDER BY position", table: "companies")
  }

  func stakeholders() throws -> [Stakeholder] {
    let stored = try bodies(
      Stakeholder.self, "SELECT body::text FROM stakeholders ORDER BY position",
      table: "stakeholders")
    return Stakeholder.current(stored, changes: try stakeholderHistory())
  }

  func stakeholderHistory() throws -> [StakeholderChange] {
    try bodies(
      StakeholderChange.self, "SELECT body::text FROM stakeholder_changes ORDER BY position",
      table: "stakeholder_changes")
  }

  func lastBatch(for company: Company.ID) throws -> ClosedRange<Int>? {
    let rows = try connection.rows(
      """
      SELECT first_sequence, last_sequence FROM ledger_batches
      WHERE company_id = \(company.rawValue) ORDER BY batch DESC LIMIT 1
      """)
    guard let row = rows.first else { return nil }
    let (first, last) = try row.decode((Int, Int).self)
    return first <= last ? first...last : nil
  }

  func savedRounds(for company: Company.ID) throws -> [SavedRound] {
    try bodies(
      SavedRound.self,
      """
      SELECT body::text FROM saved_rounds WHERE company_id = \(company.rawValue)
      ORDER BY closing, lower(name), name
      """,
      table: "saved_rounds")
  }

  func valuations(for company: Company.ID) throws -> [ShareValuation] {
    try bodies(
      ShareValuation.self,
      "SELECT body::text FROM valuations WHERE company_id = \(company.rawValue) ORDER BY sequence",
      table: "valuations")
  }

  func controlRecords(for company: Company.ID) throws -> [ControlRecord] {
    try bodies(
      ControlRecord.self,
      """
      SELECT body::text FROM control_records WHERE company_id = \(company.rawValue)
      ORDER BY sequence
      """,
      table: "control_records")
  }

  func tokenMarket() throws -> TokenMarket {
    let tokens = try bodies(
      ComputeToken.self, "SELECT body::text FROM tokens ORDER BY position", table: "tokens")
    let marks = try bodies(
      TokenPriceMark.self, "SELECT body::text FROM token_prices ORDER BY position",
      table: "token_prices")
    return TokenMarket(tokens: tokens, prices: marks)
  }

  func tokenCosts() throws -> [TokenCostMark] {
    try bodies(
      TokenCostMark.self, "SELECT body::text FROM token_costs ORDER BY position",
      table: "token_costs")
  }

  func ledger(for id: Company.ID, stakeholders: [Stakeholder]) throws -> Ledger {
    let found = try bodies(
      Company.self, "SELECT body::text FROM companies WHERE id = \(id.rawValue)",
      table: "companies")
    guard let company = found.first else {
      throw WorkspaceError.unknownCompany(id.rawValue, known: try companies().map(\.name).sorted())
    }
    let classes = try bodies(
      ShareClass.self,
      "SELECT body::text FROM share_classes WHERE company_id = \(id.rawValue) ORDER BY position",
      table: "share_classes")
    let plans = try bodies(
      StockPlan.self,
      "SELECT body::text FROM stock_plans WHERE company_id = \(id.rawValue) ORDER BY position",
      table: "stock_plans")
    let transactions = try bodies(
      Transaction.self,
      """
      SELECT body::text FROM transactions WHERE company_id = \(id.rawValue)
      ORDER BY date, sequence
      """,
      table: "transactions")
    var ledger = Ledger(
      company: company, stakeholders: stakeholders, classes: classes, plans: plans,
      transactions: transactions)
    ledger.snapshots = try snapshots(for: id)
    return ledger
  }

  /// Takes the company's advisory lock until the end of the transaction: writers to one
  /// company queue here, so each reads the ledger the previous one committed.
  func lockCompany(_ id: Company.ID) throws {
    try connection.rows(
      "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockNamespace), hashtext(\(id.rawValue)))")
  }
}
