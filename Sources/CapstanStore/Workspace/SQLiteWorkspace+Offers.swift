import CapstanModel
import GRDB

extension SQLiteWorkspace {
  /// A company's current offers, in the order added.
  public func offers(for company: Company.ID) throws -> [Offer] {
    try translatingDatabaseErrors {
      try queue.read { db in OfferChange.current(try WorkspaceReader(db: db).offers(for: company)) }
    }
  }
}

extension WorkspaceReader {
  /// A company's offer changes, in recording order.
  func offers(for id: Company.ID) throws -> [OfferChange] {
    try Row.fetchAll(db, sql: OfferChange.selectSQL, arguments: [id.rawValue]).map {
      try OfferChange(stored: $0)
    }
  }
}

extension WorkspaceWriter {
  /// Inserts a write's offer changes, in order.
  func insertOffers(_ changes: WorkspaceChanges) throws {
    guard !changes.offers.isEmpty else { return }
    let statement = try db.cachedStatement(sql: OfferChange.insertSQL)
    for entry in changes.offers {
      try statement.execute(arguments: try entry.item.storedValues(company: entry.company))
    }
  }
}
