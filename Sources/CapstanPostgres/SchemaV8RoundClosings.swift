/// The PostgreSQL schema step `v8-round-closings`: what each `round close` wrote for its saved
/// round (the SQLite store's `v19-round-closings`), written in the close's own transaction.
/// Append-only: a voided close keeps its row, as the ledger keeps the voided transactions.
enum SchemaV8RoundClosings {
  /// The step's identifier.
  static let identifier = "v8-round-closings"

  /// The statements, in order.
  static let statements = [
    """
    CREATE TABLE round_closings (
      position integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      company_id text NOT NULL REFERENCES companies(id),
      round text NOT NULL,
      first_sequence integer NOT NULL,
      last_sequence integer NOT NULL CHECK (last_sequence >= first_sequence),
      body json NOT NULL
    )
    """,
    """
    CREATE TRIGGER round_closings_append_only BEFORE UPDATE OR DELETE ON round_closings
    FOR EACH ROW EXECUTE FUNCTION capstan_append_only('round closings')
    """,
    """
    CREATE TRIGGER round_closings_no_truncate BEFORE TRUNCATE ON round_closings
    FOR EACH STATEMENT EXECUTE FUNCTION capstan_append_only('round closings')
    """,
  ]
}
