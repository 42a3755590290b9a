import CapstanModel

/// A ledger transaction described for people: what happened, to whom, in words.
public struct LedgerEntry: Sendable, Hashable {
  /// The transaction's sequence number.
  public var sequence: Int
  /// Its date.
  public var date: CalendarDate
  /// Its kind (`issue`, `grant`, ...).
  public var kind: LedgerEvent.Kind
  /// The main security it creates or acts on, if any.
  public var security: String?
  /// The stakeholder it concerns, if any.
  public var holder: String?
  /// The quantity, if any.
  public var quantity: Shares?
  /// A sentence: `4,000,000 Common to Ada at $0.0001`.
  public var summary: String
  /// The sequence of the void that voided this transaction, if voided.
  public var voidedBy: Int? = nil
  /// The id people know `security` by (an OCF `custom_id` such as `EC-1`), if recorded.
  public var customID: String? = nil
}

/// Describes a ledger's transactions in replay order, optionally between two dates.
public enum LedgerListing {
  /// The entries dated from `since` through `until` (inclusive).
  public static func entries(
    of ledger: Ledger, since: CalendarDate? = nil, until: CalendarDate? = nil
  ) -> [LedgerEntry] {
    var context = ListingContext(ledger)
    var entries: [LedgerEntry] = []
    let voids = ledger.hasVoids ? ledger.voids : [:]
    for transaction in ledger.transactions {
      var entry = LedgerEntry(
        sequence: transaction.sequence, date: transaction.date, kind: transaction.event.kind,
        security: nil, holder: nil, quantity: nil, summary: "")
      for (security, customID) in transaction.event.customIDs {
        context.customIDs[security] = customID
      }
      listedEvents[entry.kind]?.describe(transaction.event, in: &entry, &context)
      entry.voidedBy = voids[transaction.sequence]
      entry.customID = entry.security.flatMap { context.customIDs[SecurityID($0)] }
      if let since, transaction.date < since { continue }
      if let until, transaction.date > until { continue }
      entries.append(entry)
    }
    return entries
  }
}

/// What `LedgerListing` knows while it describes a ledger in order: the names of holders,
/// classes and plans, and who holds each security so far (transfers and cancellations name
/// only the security).
struct ListingContext {
  let classes: [ShareClass.ID: String]
  let plans: [StockPlan.ID: String]
  let currency: Currency
  let stakeholders: [Stakeholder.ID: Stakeholder]
  var holders: [SecurityID: Stakeholder.ID] = [:]
  var warrants: Set<SecurityID> = []
  var customIDs: [SecurityID: String] = [:]
  var computeSAFEs: [SecurityID: ComputeSAFEListing] = [:]

  init(_ ledger: Ledger) {
    classes = Dictionary(ledger.classes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    plans = Dictionary(ledger.plans.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    currency = ledger.company.currency
    stakeholders = ledger.stakeholders
  }

  func name(_ id: Stakeholder.ID) -> String { stakeholders[id]?.name ?? id.rawValue }
  func money(_ price: Ratio) -> String { Price(price, currency).formatted() }
  func known(_ security: SecurityID, _ customID: String?) -> String {
    "\(security)" + (customID.map { " (\($0))" } ?? "")
  }
  func rankText(_ rank: ConvertibleRank) -> String {
    switch rank {
    case .withPreferred: ""
    case .seniority(let seniority): ", seniority \(seniority) at an exit"
    case .debt: ", ranks as debt at an exit"
    }
  }
}

extension ClassAmendment {
  /// The changed terms in words: `liquidation preference 2x non-participating, seniority 1`.
  public static func describe(_ amendment: ClassAmendment, currency: Currency) -> String {
    var parts: [String] = []
    if let preference = amendment.preference {
      let participation: String =
        switch preference.participation {
        case .none: "non-participating"
        case .full: "participating"
        case .capped(let cap):
          "participating capped at \(cap.decimalString(places: 4, minimumPlaces: 0))x"
        }
      parts.append(
        "liquidation preference \(preference.multiple.decimalString(places: 4, minimumPlaces: 0))x "
          + "\(participation), seniority \(preference.seniority)")
    }
    if let antiDilution = amendment.antiDilution {
      parts.append("anti-dilution \(antiDilution.rawValue)")
    }
    if let votes = amendment.votesPerShare {
      parts.append("\(votes.decimalString(places: 4, minimumPlaces: 0)) votes per share")
    }
    return parts.joined(separator: "; ")
  }
}
