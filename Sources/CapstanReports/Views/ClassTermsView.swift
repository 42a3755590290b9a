import CapstanEngine
import CapstanModel

/// `capstan class show`: a class's terms in force on a date and the history of its
/// amendments.
public struct ClassTermsView {
  /// The company's ledger.
  public var ledger: Ledger
  /// The class as created.
  public var created: ShareClass
  /// The view's date.
  public var asOf: CalendarDate

  /// The class named `className` in `ledger`, as of `asOf`.
  public init(_ ledger: Ledger, className: String, asOf: CalendarDate) throws {
    self.ledger = ledger
    self.created = try ledger.shareClass(named: className)
    self.asOf = asOf
  }

  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries? { ledger.laterEntries(after: asOf) }

  /// The terms, then the history.
  public func text() throws -> String {
    let currency = ledger.company.currency
    let terms = try ledger.replay(asOf: asOf).classes[created.id]?.definition ?? created
    var out = "\(terms.name) (\(terms.kind.rawValue)), as of \(asOf)\n"
    if let preference = terms.preference {
      let amendment = ClassAmendment(
        shareClass: terms.id, preference: preference, antiDilution: terms.antiDilution,
        votesPerShare: terms.votesPerShare)
      out += "  Terms: " + ClassAmendment.describe(amendment, currency: currency) + "\n"
    } else {
      out +=
        "  Terms: \(terms.votesPerShare.decimalString(places: 4, minimumPlaces: 0)) "
        + "votes per share\n"
    }
    out += "  History:\n    created with its charter terms\n"
    for (day, sequence, amendment) in ledger.amendments(of: created.id) {
      out +=
        "    \(day.iso)  amended (transaction \(sequence)): "
        + ClassAmendment.describe(amendment, currency: currency) + "\n"
    }
    return out
  }
}
