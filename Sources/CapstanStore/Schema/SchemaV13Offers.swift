import GRDB

/// A schema step: a company's offers (`capstan offer add|remove`), kept beside its ledger.
/// Append-only like the ledger: each row is one change (`OfferChange` as JSON), an offer added
/// or a tombstone that removes the current offer of its name; the current offers are the
/// changes folded in sequence order.
enum SchemaV13Offers {
  static let identifier = "v13-offers"

  static func migrate(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE offers (
          company_id TEXT NOT NULL REFERENCES companies(id),
          sequence INTEGER NOT NULL CHECK (sequence > 0),
          name TEXT NOT NULL,
          body TEXT NOT NULL CHECK (json_valid(body)),
          PRIMARY KEY (company_id, sequence)
        ) STRICT
        """)
    for verb in ["UPDATE", "DELETE"] {
      try db.execute(
        sql: """
          CREATE TRIGGER offers_no_\(verb.lowercased()) BEFORE \(verb) ON offers
          BEGIN SELECT RAISE(ABORT, 'offers are append-only: record a new one'); END
          """)
    }
  }
}
