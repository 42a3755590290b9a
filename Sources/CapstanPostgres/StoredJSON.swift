import CapstanModel
import Foundation

/// How the PostgreSQL store keeps a model value: its `Codable` form as JSON text, in a `json`
/// column (which keeps the text exactly as written, unlike `jsonb`). Shares encode as
/// integers, ratios and money as exact decimal or `n/d` strings, dates as `YYYY-MM-DD`, so
/// nothing passes through a floating-point number.
enum StoredJSON {
  /// The JSON text of `value` (keys sorted, so equal values give equal text).
  static func encode(_ value: some Encodable, what: String) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      let data = try encoder.encode(value)
      return String(decoding: data, as: UTF8.self)
    } catch {
      throw WorkspaceError.storage("cannot encode \(what) for the database: \(error)")
    }
  }

  /// The value of `text`, or a storage error naming the table and key of the row.
  static func decode<Value: Decodable>(
    _ type: Value.Type, from text: String, table: String, key: String
  ) throws -> Value {
    do {
      return try JSONDecoder().decode(type, from: Data(text.utf8))
    } catch {
      throw WorkspaceError.storage(
        "the workspace cannot be read: \(table) row \(key) does not decode (\(error)); "
          + "was it written by a newer version of Capstan?")
    }
  }
}
