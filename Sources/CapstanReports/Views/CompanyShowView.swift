import CapstanModel

/// `capstan company show`: a company's settings, its classes and its plans on a date.
public struct CompanyShowView {
  /// The company's ledger.
  public var ledger: Ledger
  /// The ledger replayed to the view's date.
  public var table: CapTable

  /// The view of `ledger` as of `table`'s date.
  public init(_ ledger: Ledger, _ table: CapTable) {
    self.ledger = ledger
    self.table = table
  }

  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries? { ledger.laterEntries(after: table.asOf) }

  /// The settings, the classes' table and (when there are plans) the plans' table.
  public func text() -> String {
    let company = ledger.company
    let rounding = company.rounding
    // The transactions on or before the view's date; the later ones are counted apart.
    let total = ledger.transactions.count
    let onDate = ledger.transactions.reduce(0) { $0 + ($1.date <= table.asOf ? 1 : 0) }
    let transactions =
      onDate == total ? "\(total)" : "\(onDate) (of \(total); \(total - onDate) dated later)"
    var out = """
      \(company.name)
        Currency:      \(company.currency)
        Incorporated:  \(company.incorporated)
        Transactions:  \(transactions)
        Rounding:      price to \(rounding.roundPricePlaces) decimals \
      (\(rounding.roundPriceRule.rawValue)), share counts floored

      """
    out +=
      "  Anti-dilution: broad-based A "
      + (company.broadBasedIncludesUnissuedPool
        ? "counts the unissued pool" : "leaves out the unissued pool (NVCA)") + "\n"
    out +=
      "  Conversions:   SAFEs and notes convert into "
      + (company.conversionSeries == .subSeries
        ? "their own sub-series of the round class (Safe Preferred)" : "the round class")
      + "\n\n"
    var classes = TextTable([
      ("Class", .left), ("Kind", .left), ("Authorized", .right), ("Outstanding", .right),
      ("Reserved", .right),
    ])
    for shareClass in ledger.classes {
      guard let state = table.classes[shareClass.id] else { continue }
      classes.add([
        shareClass.name, shareClass.kind.rawValue, state.authorized.formatted,
        state.outstanding.formatted, table.reserved(for: shareClass.id).formatted,
      ])
    }
    out += ledger.classes.isEmpty ? "No share classes yet.\n" : classes.render()
    guard !ledger.plans.isEmpty else { return out }
    return out + "\n" + PlanListView(ledger, table).text()
  }
}
