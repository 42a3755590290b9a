import CapstanModel
import GRDB

extension ShareValuation {
  /// The columns read and written after `company_id` and `sequence`, in order.
  static let columns = [
    "effective_date", "class_id", "price_per_share", "valuation_type", "provider",
    "board_approval_date",
  ]

  static let selectSQL = """
    SELECT sequence, \(columns.joined(separator: ", ")) FROM valuations
    WHERE company_id = ? ORDER BY sequence
    """

  /// Inserts with the next sequence of the company (1, 2, 3...).
  static let insertSQL = """
    INSERT INTO valuations (company_id, sequence, \(columns.joined(separator: ", ")))
    VALUES (?1, (SELECT coalesce(max(sequence), 0) + 1 FROM valuations WHERE company_id = ?1),
      ?2, ?3, ?4, ?5, ?6, ?7)
    """

  /// The values of `company_id` and `columns`.
  func storedValues(company: Company.ID) -> StatementArguments {
    [
      company.rawValue, effective.iso, shareClass.rawValue, pricePerShare.storedText,
      kind.rawValue, provider, boardApproved?.iso,
    ]
  }

  /// A valuation from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "valuations", keyIndex: 0)
    self.init(
      effective: try row.date("effective_date"),
      shareClass: ShareClass.ID(try row.text("class_id")),
      pricePerShare: try row.ratio("price_per_share"),
      kind: try row.value(Kind.self, "valuation_type"),
      provider: try row.optionalText("provider"),
      boardApproved: try row.optionalDate("board_approval_date"))
  }
}
