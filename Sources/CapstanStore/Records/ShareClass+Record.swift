import CapstanModel
import GRDB

extension ShareClass {
  /// The columns read and written after `company_id`, in order.
  static let columns = [
    "id", "name", "kind", "initial_authorized", "original_issue_price", "conversion_price",
    "preference_multiple", "participation", "participation_cap", "seniority", "anti_dilution",
    "votes_per_share", "conversion", "conversion_target", "conversion_ratio",
    "conversion_rounding",
  ]

  static let selectSQL = """
    SELECT \(columns.joined(separator: ", ")) FROM share_classes WHERE company_id = ? \
    ORDER BY rowid
    """

  static let insertSQL = insertStatement(
    table: "share_classes", columns: ["company_id"] + columns)

  /// The values of `company_id` and `columns`.
  func storedValues(company: Company.ID) -> StatementArguments {
    let participation = preference.map { StoredParticipation($0.participation) }
    return [
      company.rawValue, id.rawValue, name, kind.rawValue, initialAuthorized.count,
      originalIssuePrice?.storedText, conversionPrice?.storedText,
      preference?.multiple.storedText, participation?.kind.rawValue,
      participation?.cap?.storedText, preference?.seniority, antiDilution.rawValue,
      votesPerShare.storedText,
    ] + conversion.storedValues
  }

  /// A class from a row of `selectSQL`.
  init(stored row: Row) throws(StoreError) {
    let row = StoredRow(row: row, table: "share_classes", keyIndex: 0)
    var preference: LiquidationPreference?
    if let multiple = try row.optionalRatio("preference_multiple") {
      let participation: Participation
      switch try row.value(StoredParticipation.Kind.self, 7) {
      case .none: participation = .none
      case .full: participation = .full
      case .capped: participation = .capped(multiple: try row.ratio("participation_cap"))
      }
      preference = LiquidationPreference(
        multiple: multiple, participation: participation, seniority: try row.int("seniority"))
    }
    self.init(
      id: ID(try row.text("id")), name: try row.text("name"),
      kind: try row.value(Kind.self, "kind"),
      initialAuthorized: try row.shares("initial_authorized"),
      originalIssuePrice: try row.optionalRatio("original_issue_price"),
      conversionPrice: try row.optionalRatio("conversion_price"), preference: preference,
      antiDilution: try row.value(AntiDilution.self, "anti_dilution"),
      votesPerShare: try row.ratio("votes_per_share"),
      conversion: try ClassConversion(stored: row))
  }
}

/// Participation as two columns: its kind, and the cap multiple when capped.
struct StoredParticipation {
  /// The stored kinds of participation.
  enum Kind: String {
    case none
    case full
    case capped
  }

  var kind: Kind
  var cap: Ratio?

  init(_ participation: Participation) {
    switch participation {
    case .none: (kind, cap) = (.none, nil)
    case .full: (kind, cap) = (.full, nil)
    case .capped(let multiple): (kind, cap) = (.capped, multiple)
    }
  }
}

extension ClassConversion {
  /// The values of `conversion`, `conversion_target`, `conversion_ratio`, `conversion_rounding`.
  var storedValues: StatementArguments {
    switch self {
    case .standard: return StatementArguments([nil, nil, nil, nil] as [String?])
    case .none: return StatementArguments(["none", nil, nil, nil] as [String?])
    case .into(let target, let ratio, let rounding):
      return ["into", target.rawValue, ratio?.storedText, rounding.rawValue]
    }
  }

  /// The conversion terms of a `share_classes` row (its `conversion*` columns, by name).
  init(stored row: StoredRow) throws(StoreError) {
    switch try row.optionalText("conversion") {
    case nil: self = .standard
    case "none": self = .none
    default:
      self = .into(
        target: ShareClass.ID(try row.text("conversion_target")),
        ratio: try row.optionalRatio("conversion_ratio"),
        rounding: try row.value(ConversionRounding.self, "conversion_rounding"))
    }
  }
}
