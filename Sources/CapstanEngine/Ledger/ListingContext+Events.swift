import CapstanModel

extension ListingContext {
  /// Describes `issueStock`.
  mutating func describe(_ i: StockIssuance, in entry: inout LedgerEntry) {
    holders[i.security] = i.holder
    entry.security = i.security.rawValue
    entry.holder = name(i.holder)
    entry.quantity = i.quantity
    entry.summary =
      "\(i.quantity) \(classes[i.shareClass] ?? i.shareClass.rawValue) to \(name(i.holder)) at \(money(i.pricePerShare))"
      + (i.vesting.map { ", vesting \($0.notation) from \($0.start)" } ?? "")
      + (i.vestingTerms.map { ", vesting \($0.notation)" } ?? "")
  }

  /// Describes `grantOptions`.
  mutating func describe(_ g: OptionGrant, in entry: inout LedgerEntry) {
    holders[g.security] = g.holder
    entry.security = g.security.rawValue
    entry.holder = name(g.holder)
    entry.quantity = g.quantity
    entry.summary =
      "\(g.quantity) options from \(plans[g.plan] ?? g.plan.rawValue) to \(name(g.holder)), strike \(money(g.strike))"
      + (g.vesting.map { ", vesting \($0.notation) from \($0.start)" } ?? "")
      + (g.vestingTerms.map { ", vesting \($0.notation)" } ?? "")
      + (g.expires.map { ", expires \($0)" } ?? "")
  }

  /// Describes `exercise`.
  mutating func describe(_ e: Exercise, in entry: inout LedgerEntry) {
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
  }

  /// Describes `transfer`.
  mutating func describe(_ t: Transfer, in entry: inout LedgerEntry) {
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
  }

  /// Describes `cancel`.
  mutating func describe(_ c: Cancellation, in entry: inout LedgerEntry) {
    let holder = holders[c.security]
    if let balance = c.balanceSecurity, let holder { holders[balance] = holder }
    entry.security = c.security.rawValue
    entry.holder = holder.map(name)
    entry.quantity = c.quantity
    entry.summary =
      "\(c.quantity) of \(c.security) cancelled"
      + (c.balanceSecurity.map { ", balance \(known($0, c.balanceCustomID))" } ?? "")
      + (c.reason.map { " (\($0))" } ?? "")
  }

  /// Describes `repurchase`.
  mutating func describe(_ r: Repurchase, in entry: inout LedgerEntry) {
    let holder = holders[r.security]
    if let balance = r.balanceSecurity, let holder { holders[balance] = holder }
    entry.security = r.security.rawValue
    entry.holder = holder.map(name)
    entry.quantity = r.quantity
    entry.summary =
      "\(r.quantity) shares of \(r.security) repurchased at \(money(r.pricePerShare))"
      + (r.balanceSecurity.map { ", balance \(known($0, r.balanceCustomID))" } ?? "")
  }

  /// Describes `split`.
  mutating func describe(_ s: StockSplit, in entry: inout LedgerEntry) {
    let ratio = "\(s.ratio.numerator):\(s.ratio.denominator)"
    entry.summary = "\(classes[s.shareClass] ?? s.shareClass.rawValue) split \(ratio)"
  }

  /// Describes `authorizeShares`.
  mutating func describe(_ a: SharesAuthorization, in entry: inout LedgerEntry) {
    entry.quantity = a.newTotal
    entry.summary =
      "\(classes[a.shareClass] ?? a.shareClass.rawValue) authorized shares set to \(a.newTotal)"
  }

  /// Describes `issueSAFE`.
  mutating func describe(_ safe: SAFEIssuance, in entry: inout LedgerEntry) {
    holders[safe.security] = safe.holder
    entry.security = safe.security.rawValue
    entry.holder = name(safe.holder)
    entry.summary =
      "\(safe.kind.rawValue) SAFE of \(money(safe.purchaseAmount)) from \(name(safe.holder))"
      + (safe.valuationCap.map { ", cap \(Money($0, currency).formatted)" } ?? "")
      + (safe.discount.map { ", discount \($0.percentString())" } ?? "")
      + (safe.mostFavoredNation ? ", MFN" : "") + (safe.proRata ? ", pro rata" : "")
      + rankText(safe.rank)
  }

  /// Describes `issueNote`.
  mutating func describe(_ note: NoteIssuance, in entry: inout LedgerEntry) {
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
  }

  /// Describes `issueWarrant`.
  mutating func describe(_ warrant: WarrantIssuance, in entry: inout LedgerEntry) {
    holders[warrant.security] = warrant.holder
    warrants.insert(warrant.security)
    entry.security = warrant.security.rawValue
    entry.holder = name(warrant.holder)
    entry.quantity = warrant.quantity
    entry.summary =
      "warrant for \(warrant.quantity) \(classes[warrant.shareClass] ?? warrant.shareClass.rawValue) "
      + "to \(name(warrant.holder)), strike \(money(warrant.strike))"
      + (warrant.expires.map { ", expires \($0)" } ?? "")
  }

  /// Describes `convert`.
  mutating func describe(_ conversion: Conversion, in entry: inout LedgerEntry) {
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
  }

  /// Describes `adjustConversionPrice`.
  mutating func describe(_ change: ConversionPriceChange, in entry: inout LedgerEntry) {
    entry.summary =
      "\(classes[change.shareClass] ?? change.shareClass.rawValue) conversion price set to "
      + "\(Price(change.newConversionPrice, currency).formatted(places: 4)) (anti-dilution)"
  }

  /// Describes `changeOfControl`.
  mutating func describe(_ change: ChangeOfControl, in entry: inout LedgerEntry) {
    entry.summary = "change of control" + (change.note.map { ": \($0)" } ?? "")
  }

  /// Describes `terminate`.
  mutating func describe(_ t: Termination, in entry: inout LedgerEntry) {
    entry.security = t.security?.rawValue
    entry.holder = name(t.holder)
    entry.summary =
      "\(name(t.holder)) terminated" + (t.withoutCause ? " without cause" : "")
      + (t.security.map { " (\($0) only)" } ?? "")
  }

  /// Describes `reachMilestone`.
  mutating func describe(_ m: MilestoneAchievement, in entry: inout LedgerEntry) {
    entry.security = m.security?.rawValue
    entry.holder = m.holder.map(name)
    entry.summary =
      "milestone \"\(m.name)\" reached"
      + (m.security.map { " for \($0)" } ?? m.holder.map { " for \(name($0))" } ?? "")
  }

  /// Describes `accelerateVesting`.
  mutating func describe(_ a: AcceleratedVesting, in entry: inout LedgerEntry) {
    entry.security = a.security.rawValue
    entry.holder = holders[a.security].map(name)
    entry.quantity = a.quantity
    entry.summary =
      "\(a.quantity) of \(a.security) vest by acceleration" + (a.reason.map { ": \($0)" } ?? "")
  }

  /// Describes `increasePool`.
  mutating func describe(_ p: PoolIncrease, in entry: inout LedgerEntry) {
    entry.quantity = p.quantity
    entry.summary = "\(plans[p.plan] ?? p.plan.rawValue) pool increased by \(p.quantity)"
  }

  /// Describes `void`.
  mutating func describe(_ v: Voiding, in entry: inout LedgerEntry) {
    entry.summary = "transaction \(v.transaction) voided: \(v.reason)"
  }

  /// Describes `amendPlan`.
  mutating func describe(_ a: PlanAmendment, in entry: inout LedgerEntry) {
    var terms: [String] = []
    if let adopted = a.adopted { terms.append("adopted \(adopted.iso)") }
    if let behavior = a.cancellationBehavior {
      terms.append(
        "cancelled options " + (behavior == .retire ? "are retired" : "return to the pool"))
    }
    entry.summary =
      "\(plans[a.plan] ?? a.plan.rawValue) amended: " + terms.joined(separator: "; ")
  }

  /// Describes `mergeHolders`.
  mutating func describe(_ m: HolderMerge, in entry: inout LedgerEntry) {
    entry.holder = name(m.from)
    entry.summary = "\(name(m.from))'s holdings merged into \(name(m.into))"
  }

  /// Describes `amendClass`.
  mutating func describe(_ a: ClassAmendment, in entry: inout LedgerEntry) {
    entry.summary =
      "\(classes[a.shareClass] ?? a.shareClass.rawValue) amended: "
      + ClassAmendment.describe(a, currency: currency)
  }
}
