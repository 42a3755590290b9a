import CapstanModel

/// `valuation list` as people and programs read it: the valuations in effective-date order,
/// and under the text the 409A flags (stale, superseded by a financing...) as of today.
public struct ValuationListReport: Sendable {
  /// The valuations, in effective-date order (recording order within a date).
  public var valuations: [ShareValuation]
  /// The company's ledger (its classes name the valued classes).
  public var ledger: Ledger
  /// The day the 409A flags are checked on.
  public var today: CalendarDate

  /// The listing of `valuations` (in any order) on `ledger`, flagged as of `today`.
  public init(_ valuations: [ShareValuation], ledger: Ledger, today: CalendarDate) {
    self.valuations = valuations.enumerated().sorted {
      ($0.element.effective, $0.offset) < ($1.element.effective, $1.offset)
    }.map(\.element)
    self.ledger = ledger
    self.today = today
  }

  static let header = [
    "effective_date", "class", "price_per_share", "type", "provider", "board_approval_date",
  ]

  var currency: Currency { ledger.company.currency }

  func className(_ id: ShareClass.ID) -> String {
    ledger.classes.first { $0.id == id }?.name ?? id.rawValue
  }

  /// A row: exact prices when `machine`; the type's key (`409a`) only in JSON (`key`), its
  /// label (`409A`) in text and CSV.
  func cells(_ valuation: ShareValuation, machine: Bool, key: Bool = false) -> [String] {
    let price = Price(valuation.pricePerShare, currency)
    return [
      valuation.effective.iso, className(valuation.shareClass),
      machine ? price.exactString : price.formatted(),
      key ? valuation.kind.rawValue : valuation.kind.label,
      valuation.provider ?? "", valuation.boardApproved?.iso ?? "",
    ]
  }

  /// The listing as text, with the 409A flags under it (nil when there is no valuation).
  public func text() -> String? {
    guard !valuations.isEmpty else { return nil }
    var text = TextTable([
      ("Effective", .left), ("Class", .left), ("Price/share", .right), ("Type", .left),
      ("Provider", .left), ("Board approved", .left),
    ])
    for valuation in valuations { text.add(cells(valuation, machine: false)) }
    return "\(ledger.company.name): valuations\n\n" + text.render() + notes()
  }

  /// The listing as CSV (exact prices, the type as the text shows it).
  public func csv() -> String {
    CSV.render(header: Self.header, rows: valuations.map { cells($0, machine: true) })
  }

  /// The listing as a JSON array (exact prices, type keys).
  public func json() -> JSON {
    .array(
      valuations.map { valuation in
        .strings(Self.header, cells(valuation, machine: true, key: true))
      })
  }

  /// The flags of each 409A valuation; staleness only for the one in force today.
  func notes() -> String {
    var lines: [String] = []
    for valuation in valuations where valuation.kind == .section409A {
      var flags = valuation.flags(in: ledger, on: today, currency: currency)
      if valuations.inForce(on: today, shareClass: valuation.shareClass) != valuation {
        flags.removeAll { $0.hasPrefix("more than 12 months") }
      }
      guard !flags.isEmpty else { continue }
      lines.append(
        ReportDocument.wrap(
          "\(valuation.effective) \(className(valuation.shareClass)) 409A: "
            + "\(flags.joined(separator: "; ")).", 100))
    }
    return lines.isEmpty ? "" : "\n" + lines.joined()
  }
}
