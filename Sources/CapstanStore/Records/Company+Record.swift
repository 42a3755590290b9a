import CapstanModel
import GRDB

extension Company {
  /// The columns read and written, in order.
  static let columns = [
    "id", "name", "currency", "incorporated", "round_price_places", "round_price_rule",
    "anti_dilution_price_places", "interest_places", "money_display_places",
    "broad_based_includes_pool", "conversion_series",
  ]

  static let selectSQL = "SELECT \(columns.joined(separator: ", ")) FROM companies"

  static let insertSQL = insertStatement(table: "companies", columns: columns)

  /// The values of `columns`.
  var storedValues: StatementArguments {
    [
      id.rawValue, name, currency.code, incorporated.iso, rounding.roundPricePlaces,
      rounding.roundPriceRule.rawValue, rounding.antiDilutionPricePlaces, rounding.interestPlaces,
      rounding.moneyDisplayPlaces, broadBasedIncludesUnissuedPool ? 1 : 0,
      conversionSeries.rawValue,
    ]
  }

  /// A company from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "companies", keyIndex: 0)
    let code = try row.text("currency")
    guard let currency = Currency(code: code) else {
      throw row.failure("has currency '\(code)', not a three-letter code")
    }
    let rounding = RoundingPolicy(
      roundPricePlaces: try row.int("round_price_places"),
      roundPriceRule: try row.value(RoundingRule.self, "round_price_rule"),
      antiDilutionPricePlaces: try row.int("anti_dilution_price_places"),
      interestPlaces: try row.int("interest_places"),
      moneyDisplayPlaces: try row.int("money_display_places"))
    self.init(
      id: ID(try row.text("id")), name: try row.text("name"), currency: currency,
      incorporated: try row.date("incorporated"), rounding: rounding,
      broadBasedIncludesUnissuedPool: try row.int("broad_based_includes_pool") != 0,
      conversionSeries: try row.value(ConversionSeries.self, "conversion_series"))
  }
}

/// `INSERT INTO table (a, b) VALUES (?, ?)`.
func insertStatement(table: String, columns: [String]) -> String {
  let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
  return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
}
