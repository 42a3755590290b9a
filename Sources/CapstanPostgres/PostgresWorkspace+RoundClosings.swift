import CapstanModel
import PostgresNIO

extension PostgresWorkspace {
  /// What each `round close` of the company recorded, in recording order.
  public func roundClosings(for company: Company.ID) throws -> [RoundCloseRecord] {
    try read { try $0.roundClosings(for: company) }
  }
}

extension PostgresReader {
  /// A company's round closings, in recording order.
  func roundClosings(for company: Company.ID) throws -> [RoundCloseRecord] {
    try connection.rows(
      """
      SELECT body::text FROM round_closings WHERE company_id = \(company.rawValue)
      ORDER BY position
      """
    ).enumerated().map { index, row in
      try StoredJSON.decode(
        RoundCloseRecord.self, from: try row.decode(String.self), table: "round_closings",
        key: "\(index + 1)")
    }
  }
}

extension PostgresWriter {
  /// Inserts a write's round closings (inside its transaction, under the company's lock).
  func insertRoundClosings(_ changes: WorkspaceChanges) throws {
    for entry in changes.roundClosings {
      let record = entry.item
      let body = try StoredJSON.encode(record, what: "round closing")
      try connection.rows(
        """
        INSERT INTO round_closings (company_id, round, first_sequence, last_sequence, body)
        VALUES (\(entry.company.rawValue), \(record.round), \(record.sequences.lowerBound),
        \(record.sequences.upperBound), \(body)::json)
        """)
    }
  }
}
