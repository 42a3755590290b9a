import CapstanModel
import PostgresNIO

extension PostgresWorkspace {
  /// A company's current offers, in the order added.
  public func offers(for company: Company.ID) throws -> [Offer] {
    try read { OfferChange.current(try $0.offers(for: company)) }
  }
}

extension PostgresReader {
  /// A company's offer changes, in recording order.
  func offers(for company: Company.ID) throws -> [OfferChange] {
    try connection.rows(
      """
      SELECT body::text FROM offers WHERE company_id = \(company.rawValue) ORDER BY sequence
      """
    ).enumerated().map { index, row in
      try StoredJSON.decode(
        OfferChange.self, from: try row.decode(String.self), table: "offers", key: "\(index + 1)")
    }
  }
}

extension PostgresWriter {
  /// Inserts a write's offer changes, numbered 1, 2, 3... per company under its lock.
  func insertOffers(_ changes: WorkspaceChanges) throws {
    for entry in changes.offers {
      let body = try StoredJSON.encode(entry.item, what: "offer")
      try connection.rows(
        """
        INSERT INTO offers (company_id, sequence, name, body) SELECT \(entry.company.rawValue),
        coalesce(max(sequence), 0) + 1, \(entry.item.name), \(body)::json
        FROM offers WHERE company_id = \(entry.company.rawValue)
        """)
    }
  }
}
