import CapstanModel

/// `capstan class list`: each class with its terms, authorized and outstanding on a date.
public struct ClassListView: RenderedView {
  /// The company's name.
  public var company: String
  /// The view's date.
  public var asOf: CalendarDate
  /// One row per class: for people (`shown`) and exact (`exact`, CSV and JSON).
  private var shown: [[String]] = []
  private var exact: [[String]] = []
  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries?

  /// The CSV and JSON fields.
  public static let header = [
    "name", "kind", "authorized", "outstanding", "issue_price", "liquidation_multiple",
    "participation", "seniority", "anti_dilution", "votes_per_share",
  ]

  /// The classes of `ledger` with their terms in force in `table` (replayed to its date).
  public init(_ ledger: Ledger, _ table: CapTable) {
    company = ledger.company.name
    asOf = table.asOf
    laterEntries = ledger.laterEntries(after: table.asOf)
    let currency = ledger.company.currency
    for created in ledger.classes {
      let state = table.classes[created.id]
      let shareClass = state?.definition ?? created
      let preference = shareClass.preference
      let participation: String =
        switch preference?.participation {
        case .none?: "none"
        case .full?: "full"
        case .capped(let multiple)?: "capped at \(Self.multiple(multiple))"
        case nil: ""
        }
      let authorized = state?.authorized ?? shareClass.initialAuthorized
      let outstanding = state?.outstanding ?? .zero
      let row = [
        shareClass.name, shareClass.kind.rawValue, authorized.formatted, outstanding.formatted,
        shareClass.originalIssuePrice.map { Price($0, currency).formatted() } ?? "",
        preference.map { Self.multiple($0.multiple) } ?? "", participation,
        preference.map { String($0.seniority) } ?? "",
        shareClass.kind == .preferred ? shareClass.antiDilution.rawValue : "",
        shareClass.votesPerShare.decimalString(places: 4, minimumPlaces: 0),
      ]
      shown.append(row)
      var machine = row
      machine[2] = String(authorized.count)
      machine[3] = String(outstanding.count)
      machine[4] =
        shareClass.originalIssuePrice.map { $0.exactDecimalString ?? $0.fractionString } ?? ""
      machine[5] =
        preference.map { $0.multiple.exactDecimalString ?? $0.multiple.fractionString } ?? ""
      exact.append(machine)
    }
  }

  /// `1x`, `1.5x`.
  public static func multiple(_ value: Ratio) -> String {
    value.decimalString(places: 4, minimumPlaces: 0) + "x"
  }

  /// The text table.
  public func text() -> String {
    guard !shown.isEmpty else { return "No share classes yet.\n" }
    var table = TextTable([
      ("Class", .left), ("Kind", .left), ("Authorized", .right), ("Outstanding", .right),
      ("Issue price", .right), ("Pref", .right), ("Participation", .left), ("Senior", .right),
      ("Anti-dil.", .left), ("Votes", .right),
    ])
    shown.forEach { table.add($0) }
    return table.render()
  }

  /// The CSV rows, exact.
  public func csv() -> String { CSV.render(header: Self.header, rows: exact) }

  /// The JSON document, every value a string.
  public func json() -> JSON {
    .dated(
      company: company, asOf: asOf, key: "classes",
      rows: exact.map { JSON.strings(Self.header, $0) }, later: laterEntries)
  }
}
