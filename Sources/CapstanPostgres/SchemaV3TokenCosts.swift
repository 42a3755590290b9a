/// The PostgreSQL schema step `v3-token-costs`: the provider's cost to serve each token's
/// compute, per unit, from a date (the SQLite store's `v14-token-costs`). Append-only; a later
/// row on the same date corrects an earlier one (the one recorded last applies).
enum SchemaV3TokenCosts {
  /// The step's identifier.
  static let identifier = "v3-token-costs"

  /// The statements, in order.
  static let statements = [
    """
    CREATE TABLE token_costs (
      position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      symbol text NOT NULL,
      date date NOT NULL,
      body json NOT NULL
    )
    """,
    """
    CREATE TRIGGER token_costs_append_only BEFORE UPDATE OR DELETE ON token_costs
    FOR EACH ROW EXECUTE FUNCTION capstan_append_only('token costs')
    """,
    """
    CREATE TRIGGER token_costs_no_truncate BEFORE TRUNCATE ON token_costs
    FOR EACH STATEMENT EXECUTE FUNCTION capstan_append_only('token costs')
    """,
  ]
}
