import CapstanModel
import CapstanOCF
import Foundation
import Testing

/// Issue 14 items 1 and 4: seniority in OCF's order, conversion rights and ratio adjustments
/// written, and read back.
@Suite("OCF export of seniority, conversion rights and ratio adjustments")
struct OCFClassConversionExportTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? .today() }

  /// Common; Seed (default conversion, OIP $1, rank 1); Series A (OIP $2, rank 3, 3:1 into
  /// Common stated, rounding NORMAL); Founders (preferred, no conversion right, rank 1);
  /// Seed's conversion price cut from $1 to $0.80 on 2025-06-01.
  static func ledger() throws -> Ledger {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company in
      let company = try draft.addCompany(
        name: "Ranks Inc", currency: .usd, incorporated: day("2025-01-01"))
      let holder = try draft.addStakeholder(name: "Ada")
      let common = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 1_000_000), to: company.id)
      func preferred(_ name: String, _ oip: Ratio?, _ rank: Int, _ conversion: ClassConversion)
        throws -> ShareClass.ID
      {
        try draft.addClass(
          ShareClass(
            id: "x", name: name, kind: .preferred, initialAuthorized: 1_000_000,
            originalIssuePrice: oip,
            preference: LiquidationPreference(seniority: rank), conversion: conversion),
          to: company.id
        ).id
      }
      let seed = try preferred("Seed", Ratio(1), 1, .standard)
      let seriesA = try preferred(
        "Series A", Ratio(2), 3, .into(target: common.id, ratio: Ratio(3), rounding: .normal))
      _ = try preferred("Founders", nil, 1, ClassConversion.none)
      try draft.append(
        [
          (
            day("2025-01-01"),
            .issueStock(
              StockIssuance(
                security: "PS-1", holder: holder.id, shareClass: seed, quantity: 1_000,
                pricePerShare: .one))
          ),
          (
            day("2025-01-01"),
            .issueStock(
              StockIssuance(
                security: "PS-2", holder: holder.id, shareClass: seriesA, quantity: 1_000,
                pricePerShare: Ratio(2)))
          ),
          (
            day("2025-06-01"),
            .adjustConversionPrice(
              ConversionPriceChange(shareClass: seed, newConversionPrice: Ratio(4, 5)))
          ),
        ], to: company.id)
      return company
    }
    return try workspace.ledger(for: company.id)
  }

  static func items(_ files: [(name: String, data: Data)], _ name: String) throws -> [[String: Any]]
  {
    let data = try #require(files.first { $0.name == name }?.data)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(object["items"] as? [[String: Any]])
  }

  @Test("common is ranked 1 and each preferred class above it; conversion rights are written")
  func classes() throws {
    var exporter = OCFExporter(ledger: try Self.ledger())
    let files = try exporter.files()
    let classes = try Self.items(files, "StockClasses.ocf.json")
    let byName = Dictionary(uniqueKeysWithValues: classes.map { ($0["name"] as? String ?? "", $0) })
    // Preferred ranks 1, 3, 1 move up by 1 so the lowest is 2 and common alone is 1.
    #expect(byName["Common"]?["seniority"] as? String == "1")
    #expect(byName["Seed"]?["seniority"] as? String == "2")
    #expect(byName["Series A"]?["seniority"] as? String == "4")
    #expect(byName["Founders"]?["seniority"] as? String == "2")
    let right = try #require((byName["Series A"]?["conversion_rights"] as? [[String: Any]])?.first)
    #expect(right["converts_to_stock_class_id"] as? String == "common")
    let mechanism = try #require(right["conversion_mechanism"] as? [String: Any])
    #expect(mechanism["type"] as? String == "RATIO_CONVERSION")
    #expect((mechanism["ratio"] as? [String: String]) == ["numerator": "3", "denominator": "1"])
    #expect(mechanism["rounding_type"] as? String == "NORMAL")
    #expect((byName["Founders"]?["conversion_rights"] as? [Any])?.isEmpty == true)
    // Seed's ratio adjustment: CP $1 → $0.80, ratio 1 × 1 ÷ 0.8 = 5/4.
    let transactions = try Self.items(files, "Transactions.ocf.json")
    let adjustment = try #require(
      transactions.first {
        $0["object_type"] as? String == "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT"
      })
    let new = try #require(adjustment["new_ratio_conversion_mechanism"] as? [String: Any])
    #expect((new["ratio"] as? [String: String]) == ["numerator": "5", "denominator": "4"])
    #expect((new["conversion_price"] as? [String: String])?["amount"] == "0.8")
    #expect(exporter.skipped["conversion-price adjustment"] == nil)
  }

  @Test("export then import keeps every class's conversion and the adjusted ratio")
  func roundTrip() throws {
    let ledger = try Self.ledger()
    let folder = try OCFSamples.temporaryFolder()
    var exporter = OCFExporter(ledger: ledger)
    _ = try exporter.write(to: folder.path)
    try OCFSchemaCheck.validate(folder)
    let (workspace, company, plan) = try importPackage(folder.path)
    #expect(plan.unmapped.isEmpty)
    let copy = try workspace.ledger(for: company.id)
    for original in ledger.classes {
      let back = try #require(copy.classes.first { $0.name == original.name })
      #expect(
        back.conversion.target.map { _ in true } == original.conversion.target.map { _ in true })
      #expect(back.initialConversionRatio == original.initialConversionRatio)
    }
    #expect(copy.classes.first { $0.name == "Founders" }?.conversion == ClassConversion.none)
    #expect(copy.classes.first { $0.name == "Seed" }?.conversion == .standard)
    // The ranks come back moved up by one, in the same order.
    #expect(copy.classes.first { $0.name == "Series A" }?.preference?.seniority == 4)
    let after = try copy.replay(asOf: Self.day("2025-07-01"))
    let seed = try #require(copy.classes.first { $0.name == "Seed" }).id
    #expect(after.classes[seed]?.conversionRatio == Ratio(5, 4))
  }

  @Test("a class listed before the class it converts into, a price-based right, a bad target")
  func importOrderAndMechanisms() throws {
    func package(_ classes: String) throws -> OCFPackage {
      let manifest = """
        {"file_type":"OCF_MANIFEST_FILE","ocf_version":"1.2.0",
         "issuer":{"object_type":"ISSUER","id":"i","legal_name":"Order Co",
           "formation_date":"2024-01-01","country_of_formation":"US"},
         "stakeholders_files":[{"filepath":"S.ocf.json"}],
         "stock_classes_files":[{"filepath":"C.ocf.json"}]}
        """
      let stakeholders = #"{"file_type":"OCF_STAKEHOLDERS_FILE","items":[]}"#
      return try OCFPackage.decode(
        manifest: Data(manifest.utf8),
        files: [
          "S.ocf.json": Data(stakeholders.utf8),
          "C.ocf.json": Data(#"{"file_type":"OCF_STOCK_CLASSES_FILE","items":[\#(classes)]}"#.utf8),
        ])
    }
    func stockClass(_ id: String, _ type: String, _ extra: String = "") -> String {
      #"{"object_type":"STOCK_CLASS","id":"\#(id)","name":"\#(id)","class_type":"\#(type)","#
        + #""initial_shares_authorized":"1000","votes_per_share":"1","seniority":"1"\#(extra)}"#
    }
    // "A" converts into "B" listed after it; "P" at price_per_share $3 ÷ conversion price
    // $2 = 3/2 into "B" (CONVERSION_PRICE_BASED).
    let right =
      #","conversion_rights":[{"conversion_mechanism":{"type":"RATIO_CONVERSION","#
      + #""ratio":{"numerator":"5","denominator":"2"},"rounding_type":"CEILING"},"#
      + #""converts_to_stock_class_id":"B"}]"#
    let priced =
      #","price_per_share":{"amount":"3","currency":"USD"},"conversion_rights":[{"#
      + #""conversion_mechanism":{"type":"CONVERSION_PRICE_BASED","#
      + #""conversion_price":{"amount":"2","currency":"USD"}},"converts_to_stock_class_id":"B"}]"#
    let plan = try OCFImportPlan.map(
      try package(
        [
          stockClass("A", "PREFERRED", right), stockClass("B", "COMMON"),
          stockClass("P", "PREFERRED", priced),
        ].joined(separator: ",")), importedOn: OCFSamples.importDay)
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft in try plan.apply(to: &draft) }
    let ledger = try workspace.ledger(for: company.id)
    let b = try #require(ledger.classes.first { $0.name == "B" }).id
    let a = try #require(ledger.classes.first { $0.name == "A" })
    #expect(a.conversion == .into(target: b, ratio: Ratio(5, 2), rounding: .ceiling))
    let p = try #require(ledger.classes.first { $0.name == "P" })
    #expect(p.conversion == .standard)
    #expect(p.initialConversionRatio == Ratio(3, 2))
    // A target the package does not define is an error naming the class and the field.
    let bad =
      #","conversion_rights":[{"conversion_mechanism":{"type":"RATIO_CONVERSION","#
      + #""ratio":{"numerator":"1","denominator":"1"}},"converts_to_stock_class_id":"Z"}]"#
    #expect(throws: OCFError.self) {
      _ = try OCFImportPlan.map(
        try package(stockClass("A", "PREFERRED", bad)), importedOn: OCFSamples.importDay)
    }
  }
}
