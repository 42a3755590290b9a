/// The PostgreSQL store's second step: a company's offers (`capstan offer add|remove`), one
/// row per change (`OfferChange` as JSON: an offer added, or a tombstone that removes the
/// current offer of its name), append-only like every table.
enum SchemaV2Offers {
  /// The step's identifier in `capstan_migrations`.
  static let identifier = "v2-offers"

  /// The table and its append-only triggers.
  static var statements: [String] {
    [
      """
      CREATE TABLE offers (
        company_id text NOT NULL REFERENCES companies (id),
        sequence integer NOT NULL CHECK (sequence > 0),
        name text NOT NULL,
        body json NOT NULL,
        PRIMARY KEY (company_id, sequence)
      )
      """,
      """
      CREATE TRIGGER offers_append_only BEFORE UPDATE OR DELETE ON offers
      FOR EACH ROW EXECUTE FUNCTION capstan_append_only('offers')
      """,
      """
      CREATE TRIGGER offers_no_truncate BEFORE TRUNCATE ON offers
      FOR EACH STATEMENT EXECUTE FUNCTION capstan_append_only('offers')
      """,
    ]
  }
}
