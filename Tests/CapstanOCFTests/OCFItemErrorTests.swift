import CapstanOCF
import Foundation
import Testing

/// Items are read straight from the JSON tree (not through `Decodable`); a bad item must still
/// be named by its file, its id and the path of the field.
@Suite("OCF item errors name the file, the item and the field")
struct OCFItemErrorTests {
  /// A package with one file, `Items.ocf.json`, whose `items` array is `items` (JSON text).
  static func decode(items: String) throws -> OCFPackage {
    let manifest = """
      {"file_type":"OCF_MANIFEST_FILE","issuer":{"id":"i","legal_name":"Item Co"},
       "transactions_files":[{"filepath":"Items.ocf.json"}]}
      """
    let file = #"{"file_type":"OCF_TRANSACTIONS_FILE","items":"# + items + "}"
    return try OCFPackage.decode(
      manifest: Data(manifest.utf8), files: ["Items.ocf.json": Data(file.utf8)])
  }

  static let issuance =
    #""object_type":"TX_STOCK_ISSUANCE","security_id":"CS-1","stakeholder_id":"s1","#
    + #""stock_class_id":"c1","quantity":"100""#

  /// Each message is the sentence `OCFError.malformed` writes: "FILE, item ID, field PATH:
  /// expected WHAT", with the path inside the item.
  @Test(
    "a bad item is refused with its id and field",
    arguments: [
      (
        #"[{"object_type":"STAKEHOLDER","id":"s1","name":{},"stakeholder_type":"INDIVIDUAL"}]"#,
        "Items.ocf.json, item s1, field name.legal_name: expected a value for 'legal_name'"
      ),
      (
        #"[{"object_type":"STAKEHOLDER","id":"s1","name":"Sam","stakeholder_type":"INDIVIDUAL"}]"#,
        "Items.ocf.json, item s1, field name: expected a value of type Dictionary<String, Any>"
      ),
      (
        #"[{"object_type":"TX_STOCK_TRANSFER","id":"t2","date":"2024-01-02","security_id":"CS-1","#
          + #""quantity":"5","resulting_security_ids":[5]}]"#,
        "Items.ocf.json, item t2, field resulting_security_ids.[0]: expected a value of type String"
      ),
      (
        "[{" + issuance + #","date":"2024-01-02"}]"#,
        "Items.ocf.json, item #1, field id: expected a value for 'id'"
      ),
      (
        "[{" + issuance + #","id":"tx1","date":"2024-13-01"}]"#,
        "Items.ocf.json, item tx1, field date: expected an ISO date YYYY-MM-DD, found '2024-13-01'"
      ),
      (
        "[{" + issuance + #","id":"tx1","date":"2024-01-02","share_price":{"amount":"1"}}]"#,
        "Items.ocf.json, item tx1, field share_price.currency: expected a value for 'currency'"
      ),
      (
        #"[{"object_type":"TX_VESTING_START","id":"v1","date":"2024-01-02","security_id":7}]"#,
        "Items.ocf.json, item v1, field security_id: expected a value of type String"
      ),
      (
        #"{"not":"an array"}"#,
        "Items.ocf.json, field items: expected a value of type Array<Any>"
      ),
      (
        "[3]",
        "Items.ocf.json, item #1: expected a value of type Dictionary<String, Any>"
      ),
    ])
  func refused(items: String, message: String) {
    #expect {
      _ = try Self.decode(items: items)
    } throws: { error in
      "\(error)" == message
    }
  }

  @Test("a valid item reads with every field the importer uses")
  func reads() throws {
    let package = try Self.decode(
      items: "[{" + Self.issuance
        + #","id":"tx1","date":"2024-01-02","share_price":{"amount":"0.25","currency":"EUR"},"#
        + #""vesting_terms_id":"4y","custom_id":"CS-1","security_law_exemptions":[]}]"#)
    let items = try #require(package.files.first?.items)
    guard case .transaction(let tx) = try #require(items.first),
      case .stockIssuance(let issuance) = tx.kind
    else {
      Issue.record("expected a stock issuance, got \(items)")
      return
    }
    #expect(tx.id == "tx1")
    #expect(tx.objectType == "TX_STOCK_ISSUANCE")
    #expect(issuance.securityId == "CS-1")
    #expect(issuance.stakeholderId == "s1")
    #expect(issuance.quantity.shares?.count == 100)
    #expect(issuance.sharePrice?.currency == "EUR")
    // 0.25 = 1/4.
    #expect(issuance.sharePrice?.amount.value.numerator == 1)
    #expect(issuance.sharePrice?.amount.value.denominator == 4)
    #expect(issuance.vestingTermsId == "4y")
    #expect(issuance.customId == "CS-1")
  }
}
