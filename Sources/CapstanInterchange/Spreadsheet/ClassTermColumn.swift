/// A column of a share class's terms: on a "Share classes" sheet (one row per class), or beside
/// the holdings (the same terms repeated on each row of the class).
public enum ClassTermColumn: String, Sendable, CaseIterable {
  case name, kind, authorized
  case originalIssuePrice = "original-issue-price"
  case liquidationMultiple = "liquidation-multiple"
  case participation
  case participationCap = "participation-cap"
  case seniority
  case antiDilution = "anti-dilution"
  case conversionRatio = "conversion-ratio"
  case conversionPrice = "conversion-price"

  /// Normalized headers (see `SheetColumn.normalize`) naming the column on a holdings sheet,
  /// where a class's name, price and type columns mean the holding's.
  public var holdingsSynonyms: [String] {
    switch self {
    case .name, .kind, .authorized: []
    case .originalIssuePrice:
      ["originalissueprice", "oip", "classissueprice", "originalissueprice$"]
    case .liquidationMultiple:
      [
        "liquidationmultiple", "liquidationpreference", "preferencemultiple", "liqpref", "liq.pref",
        "liquidationpreferencemultiple", "liquidationpref", "liqprefmultiple", "preference",
      ]
    case .participation: ["participation", "participating", "participationrights"]
    case .participationCap:
      ["participationcap", "participationcapmultiple", "participatingcap", "cap"]
    case .seniority: ["seniority", "seniorityrank", "rank", "liquidationseniority"]
    case .antiDilution: ["antidilution", "antidilutionprotection", "antidilutionprovision"]
    case .conversionRatio: ["conversionratio", "conversionrate"]
    case .conversionPrice: ["conversionprice", "conversionprice$"]
    }
  }

  /// Normalized headers naming the column on a "Share classes" sheet.
  public var classSheetSynonyms: [String] {
    switch self {
    case .name:
      [
        "shareclass", "class", "name", "classname", "securityclass", "stockclass",
        "shareclassname", "series",
      ]
    case .kind: ["type", "kind", "stocktype", "classtype", "commonorpreferred", "securitytype"]
    case .authorized: ["authorized", "authorizedshares", "sharesauthorized"]
    case .originalIssuePrice:
      holdingsSynonyms + ["issueprice", "pricepershare", "price", "originalprice"]
    default: holdingsSynonyms
    }
  }

  /// The column a holdings-sheet header names, if any.
  static func matchingHoldings(_ header: String) -> ClassTermColumn? {
    let key = SheetColumn.normalize(header)
    return allCases.first { $0.holdingsSynonyms.contains(key) }
  }

  /// The column a classes-sheet header names, if any.
  static func matchingClassSheet(_ header: String) -> ClassTermColumn? {
    let key = SheetColumn.normalize(header)
    return allCases.first { $0.classSheetSynonyms.contains(key) }
  }

  /// Whether a sheet name is that of a classes sheet ("Share classes", "Stock classes").
  public static func isClassSheetName(_ name: String) -> Bool {
    [
      "shareclasses", "stockclasses", "classes", "securityclasses", "shareclass",
      "classterms", "shareclassterms",
    ].contains(SheetColumn.normalize(name))
  }
}
