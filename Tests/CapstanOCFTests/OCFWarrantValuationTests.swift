import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// A small hand-written OCF 1.2.0 package: Warrant Co (formed 2024-01-01), common stock
/// (1,000,000 authorized), Ada with 90,000 shares, Bank with a warrant for 10,000 shares at
/// $0.50 of which it exercises 4,000 on 2024-06-01 (the stock issued is TX_STOCK_ISSUANCE
/// `ws-1`), and a 409A of common at $1.25 effective 2024-03-01 by "Appraisal LLC".
@Suite("OCF warrant exercises and valuations")
struct OCFWarrantValuationTests {
  static let manifest = """
    {"file_type":"OCF_MANIFEST_FILE","ocf_version":"1.2.0",
     "issuer":{"object_type":"ISSUER","id":"issuer","legal_name":"Warrant Co",
       "formation_date":"2024-01-01","country_of_formation":"US"},
     "as_of":"2024-06-01","generated_at":"2024-06-02T00:00:00Z",
     "stakeholders_files":[{"filepath":"Stakeholders.ocf.json"}],
     "stock_classes_files":[{"filepath":"StockClasses.ocf.json"}],
     "stock_plans_files":[],"vesting_terms_files":[],"stock_legend_templates_files":[],
     "valuations_files":[{"filepath":"Valuations.ocf.json"}],
     "transactions_files":[{"filepath":"Transactions.ocf.json"}]}
    """

  static let stakeholders = """
    {"file_type":"OCF_STAKEHOLDERS_FILE","items":[
      {"object_type":"STAKEHOLDER","id":"sh-ada","name":{"legal_name":"Ada"},
       "stakeholder_type":"INDIVIDUAL"},
      {"object_type":"STAKEHOLDER","id":"sh-bank","name":{"legal_name":"Bank"},
       "stakeholder_type":"INSTITUTION"}]}
    """

  static let classes = """
    {"file_type":"OCF_STOCK_CLASSES_FILE","items":[
      {"object_type":"STOCK_CLASS","id":"cls-common","name":"Common","class_type":"COMMON",
       "default_id_prefix":"CS","initial_shares_authorized":"1000000","votes_per_share":"1",
       "seniority":"1"}]}
    """

  static func valuations(price: String = "1.25") -> String {
    """
    {"file_type":"OCF_VALUATIONS_FILE","items":[
      {"object_type":"VALUATION","id":"val-1","stock_class_id":"cls-common",
       "price_per_share":{"amount":"\(price)","currency":"USD"},"effective_date":"2024-03-01",
       "valuation_type":"409A","provider":"Appraisal LLC","board_approval_date":"2024-03-05"}]}
    """
  }

  static let transactions = """
    {"file_type":"OCF_TRANSACTIONS_FILE","items":[
      {"object_type":"TX_STOCK_ISSUANCE","id":"t1","date":"2024-01-01","security_id":"cs-1",
       "custom_id":"CS-1","stakeholder_id":"sh-ada","stock_class_id":"cls-common",
       "share_price":{"amount":"0.0001","currency":"USD"},"quantity":"90000",
       "security_law_exemptions":[],"stock_legend_ids":[]},
      {"object_type":"TX_WARRANT_ISSUANCE","id":"t2","date":"2024-02-01","security_id":"w-1",
       "custom_id":"W-1","stakeholder_id":"sh-bank","quantity":"10000",
       "exercise_price":{"amount":"0.5","currency":"USD"},
       "purchase_price":{"amount":"0","currency":"USD"},"security_law_exemptions":[],
       "exercise_triggers":[{"type":"ELECTIVE_AT_WILL","trigger_id":"w-1-exercise",
         "conversion_right":{"type":"WARRANT_CONVERSION_RIGHT",
           "converts_to_stock_class_id":"cls-common",
           "conversion_mechanism":{"type":"FIXED_AMOUNT_CONVERSION",
             "converts_to_quantity":"10000"}}}]},
      {"object_type":"TX_WARRANT_EXERCISE","id":"t3","date":"2024-06-01","security_id":"w-1",
       "trigger_id":"w-1-exercise","resulting_security_ids":["ws-1"]},
      {"object_type":"TX_STOCK_ISSUANCE","id":"t4","date":"2024-06-01","security_id":"ws-1",
       "custom_id":"CS-2","stakeholder_id":"sh-bank","stock_class_id":"cls-common",
       "share_price":{"amount":"0.5","currency":"USD"},"quantity":"4000",
       "security_law_exemptions":[],"stock_legend_ids":[]}]}
    """

  static func package(valuationPrice: String = "1.25") throws -> OCFPackage {
    try OCFPackage.decode(
      manifest: Data(manifest.utf8),
      files: [
        "Stakeholders.ocf.json": Data(stakeholders.utf8),
        "StockClasses.ocf.json": Data(classes.utf8),
        "Valuations.ocf.json": Data(valuations(price: valuationPrice).utf8),
        "Transactions.ocf.json": Data(transactions.utf8),
      ])
  }

  static func imported(_ package: OCFPackage) throws -> (InMemoryWorkspace, Company) {
    let plan = try OCFImportPlan.map(package, importedOn: OCFSamples.importDay)
    #expect(plan.unmapped.isEmpty, "\(plan.unmapped)")
    #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try plan.apply(to: &draft) }
    return (workspace, company)
  }

  static func export(_ workspace: InMemoryWorkspace, _ company: Company, to folder: URL) throws
    -> [String: Data]
  {
    var exporter = OCFExporter(
      ledger: try workspace.ledger(for: company.id),
      valuations: try workspace.valuations(for: company.id),
      generated: Date(timeIntervalSince1970: 1_750_000_000))
    let names = try exporter.write(to: folder.path)
    #expect(exporter.skipped.isEmpty, "\(exporter.skipped)")
    var files: [String: Data] = [:]
    for name in names { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
    return files
  }

  @Test("the warrant exercise absorbs its stock: 6,000 left, 4,000 issued at $0.50 to Bank")
  func importsTheExercise() throws {
    let (workspace, company) = try Self.imported(try Self.package())
    let ledger = try workspace.ledger(for: company.id)
    // Issue, warrant, exercise: the resulting TX_STOCK_ISSUANCE is not a transaction of its own.
    #expect(ledger.transactions.map(\.event.kind) == [.issue, .warrant, .exercise])
    let table = try ledger.replay()
    // 10,000 − 4,000
    #expect(table.warrants["w-1"]?.outstanding == Shares(6_000))
    let stock = try #require(table.stock["ws-1"])
    #expect(stock.quantity == Shares(4_000))
    #expect(stock.pricePerShare == Ratio(1, 2))
    #expect(table.name(of: stock.holder) == "Bank")
    // 90,000 + 4,000 issued
    #expect(table.classes.values.first?.outstanding == Shares(94_000))
  }

  @Test("the VALUATION is kept: 409A of Common at exactly 1.25 from 2024-03-01")
  func importsTheValuation() throws {
    let (workspace, company) = try Self.imported(try Self.package())
    let valuations = try workspace.valuations(for: company.id)
    let common = try #require(try workspace.ledger(for: company.id).classes.first)
    #expect(
      valuations == [
        ShareValuation(
          effective: try #require(CalendarDate(iso: "2024-03-01")), shareClass: common.id,
          pricePerShare: Ratio(5, 4), kind: .section409A, provider: "Appraisal LLC",
          boardApproved: CalendarDate(iso: "2024-03-05"))
      ])
  }

  @Test("import, export, import, export: the two exports are identical and valid OCF 1.2.0")
  func roundTrip() throws {
    let (first, firstCompany) = try Self.imported(try Self.package())
    let folder = try OCFSamples.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exported = try Self.export(first, firstCompany, to: folder.appendingPathComponent("one"))
    try OCFSchemaCheck.validate(folder.appendingPathComponent("one"))
    #expect(exported["Valuations.ocf.json"] != nil)
    let transactions = String(decoding: exported["Transactions.ocf.json"] ?? Data(), as: UTF8.self)
    #expect(transactions.contains("TX_WARRANT_EXERCISE"))

    let (second, secondCompany) = try Self.imported(
      try OCFPackage.read(path: folder.appendingPathComponent("one").path))
    let again = try Self.export(second, secondCompany, to: folder.appendingPathComponent("two"))
    #expect(Set(again.keys) == Set(exported.keys))
    for (name, data) in exported {
      #expect(again[name] == data, "\(name) differs")
    }
    #expect(
      try second.ledger(for: secondCompany.id).transactions
        == first.ledger(for: firstCompany.id).transactions)
    #expect(
      try second.valuations(for: secondCompany.id) == first.valuations(for: firstCompany.id))
  }

  static func plan(transactions: String) throws -> OCFImportPlan {
    try OCFImportPlan.map(
      try OCFPackage.decode(
        manifest: Data(manifest.utf8),
        files: [
          "Stakeholders.ocf.json": Data(stakeholders.utf8),
          "StockClasses.ocf.json": Data(classes.utf8),
          "Valuations.ocf.json": Data(valuations().utf8),
          "Transactions.ocf.json": Data(transactions.utf8),
        ]), importedOn: OCFSamples.importDay)
  }

  /// A resulting issuance at $0.60 rather than the warrant's $0.50: the issuance stands (the
  /// stock is recorded at $0.60), with a warning naming the exercise, the issuance and both
  /// prices; the warrant's 4,000 shares are used.
  @Test("a resulting issuance that disagrees with the warrant is recorded as the package says")
  func mismatchWarns() throws {
    let text = Self.transactions.replacingOccurrences(
      of: #""share_price":{"amount":"0.5","currency":"USD"},"quantity":"4000""#,
      with: #""share_price":{"amount":"0.6","currency":"USD"},"quantity":"4000""#)
    let plan = try Self.plan(transactions: text)
    #expect(
      plan.warnings.map(\.description) == [
        "Transactions.ocf.json, item t3: its resulting issuance t4 (ws-1) records price 0.6 "
          + "(exercise price 0.5); the issuance's holder, class, quantity and price are kept "
          + "(the exercise uses 4,000 shares of warrant w-1)"
      ])
    let exercise = plan.events.compactMap { entry -> Exercise? in
      if case .exercise(let e) = entry.event { e } else { nil }
    }
    var expected = Exercise(
      grant: "w-1", quantity: 4_000, resultingSecurity: "ws-1",
      issuedStock: ExercisedStock(
        holder: "sh-bank", shareClass: "cls-common", quantity: 4_000,
        pricePerShare: Ratio(3, 5)))
    // t4's custom_id.
    expected.customID = "CS-2"
    #expect(exercise == [expected])
  }

  /// A warrant that names no class is not mapped; its exercise is not either, and the stock it
  /// issued is imported as a plain issuance of 4,000 to Bank.
  @Test("the exercise of a warrant that is not mapped imports its stock as an issuance")
  func unmappedWarrant() throws {
    let text = Self.transactions.replacingOccurrences(
      of: #""converts_to_stock_class_id":"cls-common","#, with: "")
    let plan = try Self.plan(transactions: text)
    #expect(plan.unmapped == ["TX_WARRANT_ISSUANCE": 1, "TX_WARRANT_EXERCISE": 1])
    #expect(plan.warnings.map(\.item) == ["t2", "t3"])
    #expect(plan.events.map(\.event.kind) == [.issue, .issue])
    guard case .issueStock(let stock) = plan.events.last?.event else {
      Issue.record("no issuance")
      return
    }
    #expect(stock.security == "ws-1")
    #expect(stock.quantity == Shares(4_000))
    #expect(stock.holder == "sh-bank")
  }

  /// OCF Numerics are decimal strings with at most 10 decimals: `1e3` and 11 decimals are
  /// refused, naming the file, the item and the field, before anything is mapped.
  @Test(
    "a valuation with a bad price is refused naming the file and the item",
    arguments: [
      ("1e3", "expected a decimal string"),
      ("0.12345678901", "expected a decimal string with at most 10 decimals"),
    ])
  func badPrice(price: String, expected: String) throws {
    let error = #expect(throws: OCFError.self) { try Self.package(valuationPrice: price) }
    let message = error?.description ?? ""
    #expect(
      message.hasPrefix("Valuations.ocf.json, item val-1, field price_per_share.amount: "),
      "\(message)")
    #expect(message.contains(expected), "\(message)")
  }

  /// A valuation of a class the package does not define, or of zero, is an error; a valuation
  /// without a class (OCF 1.0) values the common class, with a warning.
  @Test("valuation references and prices are checked")
  func valuationChecks() throws {
    func plan(_ item: String) throws -> OCFImportPlan {
      let file = #"{"file_type":"OCF_VALUATIONS_FILE","items":["# + item + "]}"
      return try OCFImportPlan.map(
        try OCFPackage.decode(
          manifest: Data(Self.manifest.utf8),
          files: [
            "Stakeholders.ocf.json": Data(Self.stakeholders.utf8),
            "StockClasses.ocf.json": Data(Self.classes.utf8),
            "Valuations.ocf.json": Data(file.utf8),
            "Transactions.ocf.json": Data(Self.transactions.utf8),
          ]), importedOn: OCFSamples.importDay)
    }
    let base =
      #"{"object_type":"VALUATION","id":"v9","effective_date":"2024-03-01","valuation_type":"409A","#
    #expect(
      throws: OCFError.unknownReference(
        file: "Valuations.ocf.json", item: "v9", field: "stock_class_id", id: "nope")
    ) {
      try plan(
        base + #""stock_class_id":"nope","price_per_share":{"amount":"1","currency":"USD"}}"#)
    }
    #expect(throws: OCFError.self) {
      try plan(
        base + #""stock_class_id":"cls-common","price_per_share":{"amount":"0","currency":"USD"}}"#)
    }
    let classless = try plan(base + #""price_per_share":{"amount":"2","currency":"USD"}}"#)
    #expect(classless.valuations.map(\.valuation.shareClass) == ["cls-common"])
    #expect(classless.warnings.map(\.item) == ["v9"])
  }
}
