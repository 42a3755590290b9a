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
    let classes = Dictionary(
      ledger.classes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let plans = Dictionary(ledger.plans.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    let currency = ledger.company.currency
    func name(_ id: Stakeholder.ID) -> String { ledger.stakeholders[id]?.name ?? id.rawValue }
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
    // Who holds each security, for transfers and cancellations that name only the security.
    var holders: [SecurityID: Stakeholder.ID] = [:]
    var warrants: Set<SecurityID> = []
    var customIDs: [SecurityID: String] = [:]
    var entries: [LedgerEntry] = []
    let voids = ledger.hasVoids ? ledger.voids : [:]
    for transaction in ledger.transactions {
      var entry = LedgerEntry(
        sequence: transaction.sequence, date: transaction.date, kind: transaction.event.kind,
        security: nil, holder: nil, quantity: nil, summary: "")
      for (security, customID) in transaction.event.customIDs { customIDs[security] = customID }
      switch transaction.event {
      case .issueStock(let i):
        holders[i.security] = i.holder
        entry.security = i.security.rawValue
        entry.holder = name(i.holder)
        entry.quantity = i.quantity
        entry.summary =
          "\(i.quantity) \(classes[i.shareClass] ?? i.shareClass.rawValue) to \(name(i.holder)) at \(money(i.pricePerShare))"
          + (i.vesting.map { ", vesting \($0.notation) from \($0.start)" } ?? "")
          + (i.vestingTerms.map { ", vesting \($0.notation)" } ?? "")
      case .grantOptions(let g):
        holders[g.security] = g.holder
        entry.security = g.security.rawValue
        entry.holder = name(g.holder)
        entry.quantity = g.quantity
        entry.summary =
          "\(g.quantity) options from \(plans[g.plan] ?? g.plan.rawValue) to \(name(g.holder)), strike \(money(g.strike))"
          + (g.vesting.map { ", vesting \($0.notation) from \($0.start)" } ?? "")
          + (g.vestingTerms.map { ", vesting \($0.notation)" } ?? "")
          + (g.expires.map { ", expires \($0)" } ?? "")
      case .exercise(let e):
        let holder = holders[e.grant]
        if let resulting = e.issuedStock?.holder ?? holder {
          holders[e.resultingSecurity] = resulting
        }
        entry.security = e.grant.rawValue
        entry.holder = holder.map(name)
        entry.quantity = e.quantity
        entry.summary =
          (warrants.contains(e.grant)
            ? "\(e.quantity) shares of warrant \(e.grant) exercised into \(e.resultingSecurity)"
            : "\(e.quantity) options of \(e.grant) exercised into \(e.resultingSecurity)")
          + (e.customID.map { " (\($0))" } ?? "")
          + (e.issuedStock.map {
            ", issued as \($0.quantity) \(classes[$0.shareClass] ?? $0.shareClass.rawValue) to "
              + "\(name($0.holder)) at \(money($0.pricePerShare))"
          } ?? "")
      case .transfer(let t):
        let holder = holders[t.security]
        holders[t.resultingSecurity] = t.to
        if let balance = t.balanceSecurity, let holder { holders[balance] = holder }
        entry.security = t.security.rawValue
        entry.holder = holder.map(name)
        entry.quantity = t.quantity
        entry.summary =
          "\(t.quantity) shares of \(t.security) to \(name(t.to)) as "
          + known(t.resultingSecurity, t.resultingCustomID)
          + (t.balanceSecurity.map { ", balance \(known($0, t.balanceCustomID))" } ?? "")
      case .cancel(let c):
        let holder = holders[c.security]
        if let balance = c.balanceSecurity, let holder { holders[balance] = holder }
        entry.security = c.security.rawValue
        entry.holder = holder.map(name)
        entry.quantity = c.quantity
        entry.summary =
          "\(c.quantity) of \(c.security) cancelled"
          + (c.balanceSecurity.map { ", balance \(known($0, c.balanceCustomID))" } ?? "")
          + (c.reason.map { " (\($0))" } ?? "")
      case .repurchase(let r):
        let holder = holders[r.security]
        if let balance = r.balanceSecurity, let holder { holders[balance] = holder }
        entry.security = r.security.rawValue
        entry.holder = holder.map(name)
        entry.quantity = r.quantity
        entry.summary =
          "\(r.quantity) shares of \(r.security) repurchased at \(money(r.pricePerShare))"
          + (r.balanceSecurity.map { ", balance \(known($0, r.balanceCustomID))" } ?? "")
      case .split(let s):
        let ratio = "\(s.ratio.numerator):\(s.ratio.denominator)"
        entry.summary = "\(classes[s.shareClass] ?? s.shareClass.rawValue) split \(ratio)"
      case .authorizeShares(let a):
        entry.quantity = a.newTotal
        entry.summary =
          "\(classes[a.shareClass] ?? a.shareClass.rawValue) authorized shares set to \(a.newTotal)"
      case .issueSAFE(let safe):
        holders[safe.security] = safe.holder
        entry.security = safe.security.rawValue
        entry.holder = name(safe.holder)
        entry.summary =
          "\(safe.kind.rawValue) SAFE of \(money(safe.purchaseAmount)) from \(name(safe.holder))"
          + (safe.valuationCap.map { ", cap \(Money($0, currency).formatted)" } ?? "")
          + (safe.discount.map { ", discount \($0.percentString())" } ?? "")
          + (safe.mostFavoredNation ? ", MFN" : "") + (safe.proRata ? ", pro rata" : "")
          + rankText(safe.rank)
      case .issueNote(let note):
        holders[note.security] = note.holder
        entry.security = note.security.rawValue
        entry.holder = name(note.holder)
        entry.summary =
          "note of \(money(note.principal)) from \(name(note.holder)) at \(note.rate.percentString()) "
          + "\(note.compounding.rawValue), \(note.dayCount.rawValue)"
          + (note.maturity.map { ", matures \($0)" } ?? "")
          + (note.valuationCap.map { ", cap \(Money($0, currency).formatted)" } ?? "")
          + (note.discount.map { ", discount \($0.percentString())" } ?? "")
          + (note.capBasis == .preMoneyFullyDiluted ? "" : ", cap over \(note.capBasis.rawValue)")
          + rankText(note.rank)
      case .issueWarrant(let warrant):
        holders[warrant.security] = warrant.holder
        warrants.insert(warrant.security)
        entry.security = warrant.security.rawValue
        entry.holder = name(warrant.holder)
        entry.quantity = warrant.quantity
        entry.summary =
          "warrant for \(warrant.quantity) \(classes[warrant.shareClass] ?? warrant.shareClass.rawValue) "
          + "to \(name(warrant.holder)), strike \(money(warrant.strike))"
          + (warrant.expires.map { ", expires \($0)" } ?? "")
      case .convert(let conversion):
        let holder = holders[conversion.security]
        holder.map { holders[conversion.resultingSecurity] = $0 }
        entry.security = conversion.security.rawValue
        entry.holder = holder.map(name)
        entry.quantity = conversion.quantity
        entry.summary =
          "\(conversion.security) converted into \(conversion.quantity) "
          + "\(classes[conversion.shareClass] ?? conversion.shareClass.rawValue) as "
          + "\(known(conversion.resultingSecurity, conversion.customID)) "
          + "at \(Price(conversion.pricePerShare, currency).formatted(places: 6))"
      case .adjustConversionPrice(let change):
        entry.summary =
          "\(classes[change.shareClass] ?? change.shareClass.rawValue) conversion price set to "
          + "\(Price(change.newConversionPrice, currency).formatted(places: 4)) (anti-dilution)"
      case .changeOfControl(let change):
        entry.summary = "change of control" + (change.note.map { ": \($0)" } ?? "")
      case .terminate(let t):
        entry.security = t.security?.rawValue
        entry.holder = name(t.holder)
        entry.summary =
          "\(name(t.holder)) terminated" + (t.withoutCause ? " without cause" : "")
          + (t.security.map { " (\($0) only)" } ?? "")
      case .reachMilestone(let m):
        entry.security = m.security?.rawValue
        entry.holder = m.holder.map(name)
        entry.summary =
          "milestone \"\(m.name)\" reached"
          + (m.security.map { " for \($0)" } ?? m.holder.map { " for \(name($0))" } ?? "")
      case .accelerateVesting(let a):
        entry.security = a.security.rawValue
        entry.holder = holders[a.security].map(name)
        entry.quantity = a.quantity
        entry.summary =
          "\(a.quantity) of \(a.security) vest by acceleration" + (a.reason.map { ": \($0)" } ?? "")
      case .increasePool(let p):
        entry.quantity = p.quantity
        entry.summary = "\(plans[p.plan] ?? p.plan.rawValue) pool increased by \(p.quantity)"
      case .grantCompute, .redeemTokens, .sellTokens, .clawbackTokens:
        describeTokenEvent(transaction.event, in: &entry, name: name, money: money)
      case .void(let v):
        entry.summary = "transaction \(v.transaction) voided: \(v.reason)"
      case .amendPlan(let a):
        var terms: [String] = []
        if let adopted = a.adopted { terms.append("adopted \(adopted.iso)") }
        if let behavior = a.cancellationBehavior {
          terms.append(
            "cancelled options " + (behavior == .retire ? "are retired" : "return to the pool"))
        }
        entry.summary =
          "\(plans[a.plan] ?? a.plan.rawValue) amended: " + terms.joined(separator: "; ")
      case .mergeHolders(let m):
        entry.holder = name(m.from)
        entry.summary = "\(name(m.from))'s holdings merged into \(name(m.into))"
      case .amendClass(let a):
        entry.summary =
          "\(classes[a.shareClass] ?? a.shareClass.rawValue) amended: "
          + ClassAmendment.describe(a, currency: currency)
      }
      entry.voidedBy = voids[transaction.sequence]
      entry.customID = entry.security.flatMap { customIDs[SecurityID($0)] }
      if let since, transaction.date < since { continue }
      if let until, transaction.date > until { continue }
      entries.append(entry)
    }
    return entries
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
