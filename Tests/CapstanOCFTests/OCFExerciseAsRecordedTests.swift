import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// A small hand-written OCF 1.2.0 package: Exercise Co, Common (1,000,000 authorized) and
/// Preferred (10,000), a plan reserving 10,000 Common, 1,000 options granted to Ada on
/// 2024-02-01 at $0.10 (no vesting terms: vested at grant), and an exercise of 100 of them on
/// 2024-06-01 whose resulting TX_STOCK_ISSUANCE (`t4`, security `es-1`) records 150 Preferred
/// held by Bob at $0.20.
@Suite("OCF exercises as recorded")
struct OCFExerciseAsRecordedTests {
  static let manifest = """
    {"file_type":"OCF_MANIFEST_FILE","ocf_version":"1.2.0",
     "issuer":{"object_type":"ISSUER","id":"issuer","legal_name":"Exercise Co",
       "formation_date":"2024-01-01","country_of_formation":"US"},
     "as_of":"2024-06-01","generated_at":"2024-06-02T00:00:00Z",
     "stakeholders_files":[{"filepath":"Stakeholders.ocf.json"}],
     "stock_classes_files":[{"filepath":"StockClasses.ocf.json"}],
     "stock_plans_files":[{"filepath":"StockPlans.ocf.json"}],
     "vesting_terms_files":[],"stock_legend_templates_files":[],"valuations_files":[],
     "transactions_files":[{"filepath":"Transactions.ocf.json"}]}
    """

  static let files: [String: String] = [
    "Stakeholders.ocf.json": """
    {"file_type":"OCF_STAKEHOLDERS_FILE","items":[
      {"object_type":"STAKEHOLDER","id":"sh-ada","name":{"legal_name":"Ada"},
       "stakeholder_type":"INDIVIDUAL"},
      {"object_type":"STAKEHOLDER","id":"sh-bob","name":{"legal_name":"Bob"},
       "stakeholder_type":"INDIVIDUAL"}]}
    """,
    "StockClasses.ocf.json": """
    {"file_type":"OCF_STOCK_CLASSES_FILE","items":[
      {"object_type":"STOCK_CLASS","id":"cls-common","name":"Common","class_type":"COMMON",
       "default_id_prefix":"CS","initial_shares_authorized":"1000000","votes_per_share":"1",
       "seniority":"1"},
      {"object_type":"STOCK_CLASS","id":"cls-pref","name":"Preferred","class_type":"PREFERRED",
       "default_id_prefix":"PS","initial_shares_authorized":"10000","votes_per_share":"1",
       "seniority":"2","price_per_share":{"amount":"1","currency":"USD"},
       "conversion_rights":[{"type":"STOCK_CLASS_CONVERSION_RIGHT",
         "conversion_mechanism":{"type":"RATIO_CONVERSION",
           "ratio":{"numerator":"1","denominator":"1"},
           "conversion_price":{"amount":"1","currency":"USD"},"rounding_type":"FLOOR"},
         "converts_to_stock_class_id":"cls-common"}]}]}
    """,
    "StockPlans.ocf.json": """
    {"file_type":"OCF_STOCK_PLANS_FILE","items":[
      {"object_type":"STOCK_PLAN","id":"plan","plan_name":"Plan","initial_shares_reserved":"10000",
       "board_approval_date":"2024-01-01","stock_class_ids":["cls-common"],
       "default_cancellation_behavior":"RETURN_TO_POOL"}]}
    """,
    "Transactions.ocf.json": """
    {"file_type":"OCF_TRANSACTIONS_FILE","items":[
      {"object_type":"TX_EQUITY_COMPENSATION_ISSUANCE","id":"t1","date":"2024-02-01",
       "security_id":"g-1","custom_id":"EC-1","stakeholder_id":"sh-ada","stock_plan_id":"plan",
       "compensation_type":"OPTION","quantity":"1000",
       "exercise_price":{"amount":"0.1","currency":"USD"},"expiration_date":null,
       "termination_exercise_windows":[],"security_law_exemptions":[]},
      {"object_type":"TX_EQUITY_COMPENSATION_EXERCISE","id":"t3","date":"2024-06-01",
       "security_id":"g-1","quantity":"100","resulting_security_ids":["es-1"]},
      {"object_type":"TX_STOCK_ISSUANCE","id":"t4","date":"2024-06-01","security_id":"es-1",
       "custom_id":"PS-1","stakeholder_id":"sh-bob","stock_class_id":"cls-pref",
       "share_price":{"amount":"0.2","currency":"USD"},"quantity":"150",
       "security_law_exemptions":[],"stock_legend_ids":[]}]}
    """,
  ]

  static func imported(_ package: OCFPackage) throws -> (InMemoryWorkspace, Company, [String]) {
    let plan = try OCFImportPlan.map(package, importedOn: OCFSamples.importDay)
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try plan.apply(to: &draft) }
    return (workspace, company, plan.warnings.map(\.description))
  }

  @Test("the resulting issuance stands; the exercise uses its 100 options; warned by both ids")
  func asRecorded() throws {
    let package = try OCFPackage.decode(
      manifest: Data(Self.manifest.utf8), files: Self.files.mapValues { Data($0.utf8) })
    let (workspace, company, warnings) = try Self.imported(package)
    #expect(
      warnings == [
        "Transactions.ocf.json, item t3: its resulting issuance t4 (es-1) records quantity 150 "
          + "(exercise 100), holder sh-bob (grant sh-ada), class cls-pref (grant cls-common), "
          + "price 0.2000 (strike 0.1000); the issuance's holder, class, quantity and price are "
          + "kept (the exercise uses 100 options of g-1)"
      ])
    let ledger = try workspace.ledger(for: company.id)
    let table = try ledger.replay()
    let stock = try #require(table.stock["es-1"])
    #expect(table.name(of: stock.holder) == "Bob")
    #expect(table.classes[stock.shareClass]?.definition.name == "Preferred")
    #expect(stock.quantity == Shares(150))
    #expect(stock.pricePerShare == Ratio(1, 5))
    // 1,000 − 100 = 900 options left to Ada; Common has issued nothing.
    #expect(table.options["g-1"]?.outstanding == Shares(900))
    let common = try #require(ledger.classes.first { $0.name == "Common" })
    #expect(table.classes[common.id]?.outstanding == .zero)
    // The custom_ids: EC-1 on the grant g-1, PS-1 on the exercise's resulting es-1.
    #expect(ledger.customIDs == ["g-1": "EC-1", "es-1": "PS-1"])

    // Export, then import: the same ledger, and the same warning from the written package.
    let folder = try OCFSamples.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var exporter = OCFExporter(
      ledger: ledger, valuations: [], generated: Date(timeIntervalSince1970: 1_750_000_000))
    _ = try exporter.write(to: folder.path)
    try OCFSchemaCheck.validate(folder)
    let (second, copy, again) = try Self.imported(try OCFPackage.read(path: folder.path))
    #expect(again.count == 1)
    let transactions = try String(
      contentsOf: folder.appendingPathComponent("Transactions.ocf.json"), encoding: .utf8)
    #expect(transactions.contains(#""custom_id" : "EC-1""#))
    #expect(transactions.contains(#""custom_id" : "PS-1""#))
    #expect(try second.ledger(for: copy.id).transactions == ledger.transactions)
  }
}
