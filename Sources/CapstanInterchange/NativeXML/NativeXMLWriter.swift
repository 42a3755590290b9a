import CapstanModel
import Foundation

/// Writes a company's ledger in Capstan's native XML format (docs/xml-format.md).
///
/// Numbers are exact: shares as integers, prices and amounts as terminating decimals or `n/d`
/// fractions. Transactions are written in recording order with their sequence numbers, so that
/// importing the file into a new workspace gives back the same ledger.
public enum NativeXMLWriter {
  /// Writes `ledger` to `path` (replacing it).
  public static func write(_ ledger: Ledger, to path: String) throws(NativeXMLWriteError) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw .cannotWrite(path: path, reason: "the file cannot be created") }
    defer { try? handle.close() }
    var writer = XMLTextWriter(handle: handle)
    try emit(ledger, into: &writer)
    writer.flush()
  }

  /// The document as bytes.
  public static func bytes(of ledger: Ledger) throws(NativeXMLWriteError) -> [UInt8] {
    var writer = XMLTextWriter(handle: nil)
    try emit(ledger, into: &writer)
    writer.flush()
    return writer.memory
  }

  static func emit(_ ledger: Ledger, into w: inout XMLTextWriter) throws(NativeXMLWriteError) {
    let company = ledger.company
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    w.raw(
      "<capstan xmlns=\"\(NativeXMLFormat.namespace)\" version=\"\(NativeXMLFormat.version)\">\n")
    try w.element(
      "company",
      [
        "id": company.id.rawValue, "name": company.name, "currency": company.currency.code,
        "incorporated": company.incorporated.iso,
      ], indent: 1, close: false)
    let r = company.rounding
    try w.element(
      "rounding",
      [
        "round-price-places": String(r.roundPricePlaces),
        "round-price-rule": r.roundPriceRule.rawValue,
        "anti-dilution-price-places": String(r.antiDilutionPricePlaces),
        "interest-places": String(r.interestPlaces),
        "money-display-places": String(r.moneyDisplayPlaces),
      ], indent: 2)
    w.raw("  </company>\n")

    w.raw("  <stakeholders>\n")
    for stakeholder in referencedStakeholders(ledger) {
      try w.element(
        "stakeholder",
        [
          "id": stakeholder.id.rawValue, "name": stakeholder.name,
          "kind": stakeholder.kind.rawValue, "email": stakeholder.email,
        ], indent: 2)
    }
    w.raw("  </stakeholders>\n")

    w.raw("  <classes>\n")
    for shareClass in ledger.classes {
      try w.element(
        "class",
        [
          "id": shareClass.id.rawValue, "name": shareClass.name, "kind": shareClass.kind.rawValue,
          "authorized": String(shareClass.initialAuthorized.count),
          "original-issue-price": shareClass.originalIssuePrice.map(number),
          "conversion-price": shareClass.conversionPrice.map(number),
          "anti-dilution": shareClass.antiDilution.rawValue,
          "votes-per-share": number(shareClass.votesPerShare),
        ], indent: 2, close: shareClass.preference == nil)
      if let preference = shareClass.preference {
        let (participation, cap): (String, String?) =
          switch preference.participation {
          case .none: ("none", nil)
          case .full: ("full", nil)
          case .capped(let multiple): ("capped", number(multiple))
          }
        try w.element(
          "preference",
          [
            "multiple": number(preference.multiple), "participation": participation, "cap": cap,
            "seniority": String(preference.seniority),
          ], indent: 3)
        w.raw("    </class>\n")
      }
    }
    w.raw("  </classes>\n")

    w.raw("  <plans>\n")
    for plan in ledger.plans {
      try w.element(
        "plan",
        [
          "id": plan.id.rawValue, "name": plan.name, "class": plan.shareClass.rawValue,
          "reserve": String(plan.initialReserve.count), "adopted": plan.adopted.iso,
          "cancellation": plan.cancellationBehavior.rawValue,
        ], indent: 2)
    }
    w.raw("  </plans>\n")

    w.raw("  <transactions>\n")
    for transaction in ledger.transactions.sorted(by: { $0.sequence < $1.sequence }) {
      try emit(transaction, into: &w)
    }
    w.raw("  </transactions>\n")
    w.raw("</capstan>\n")
  }

  /// The stakeholders the ledger names, in the order of their ids.
  static func referencedStakeholders(_ ledger: Ledger) -> [Stakeholder] {
    var ids = Set<Stakeholder.ID>()
    for transaction in ledger.transactions {
      switch transaction.event {
      case .issueStock(let i): ids.insert(i.holder)
      case .grantOptions(let g): ids.insert(g.holder)
      case .transfer(let t): ids.insert(t.to)
      case .issueSAFE(let s): ids.insert(s.holder)
      case .issueNote(let n): ids.insert(n.holder)
      case .issueWarrant(let w): ids.insert(w.holder)
      default: continue
      }
    }
    return ids.compactMap { ledger.stakeholders[$0] }.sorted { $0.id < $1.id }
  }

  /// A terminating decimal (`0.0001`), else an exact fraction (`1/3`).
  static func number(_ value: Ratio) -> String {
    value.exactDecimalString ?? value.fractionString
  }

  private static func emit(_ transaction: Transaction, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    let seq = String(transaction.sequence)
    let date = transaction.date.iso
    switch transaction.event {
    case .grantCompute, .redeemTokens, .sellTokens, .clawbackTokens, .changeOfControl, .terminate,
      .reachMilestone:
      throw .unsupported(kind: transaction.event.kind, sequence: transaction.sequence)
    case .issueStock(let i) where i.vestingTerms != nil:
      throw .unsupported(
        kind: "stock issue with richer vesting terms", sequence: transaction.sequence)
    case .grantOptions(let g) where g.vestingTerms != nil:
      throw .unsupported(
        kind: "option grant with richer vesting terms", sequence: transaction.sequence)
    case .issueStock(let i):
      try w.element(
        "issue",
        [
          "seq": seq, "date": date, "security": i.security.rawValue, "holder": i.holder.rawValue,
          "class": i.shareClass.rawValue, "quantity": String(i.quantity.count),
          "price": number(i.pricePerShare),
        ], indent: 2, close: i.vesting == nil)
      if let vesting = i.vesting { try closeWithVesting(vesting, "issue", into: &w) }
    case .grantOptions(let g):
      try w.element(
        "grant",
        [
          "seq": seq, "date": date, "security": g.security.rawValue, "holder": g.holder.rawValue,
          "plan": g.plan.rawValue, "quantity": String(g.quantity.count),
          "strike": number(g.strike), "expires": g.expires?.iso,
        ], indent: 2, close: g.vesting == nil)
      if let vesting = g.vesting { try closeWithVesting(vesting, "grant", into: &w) }
    case .exercise(let e):
      try w.element(
        "exercise",
        [
          "seq": seq, "date": date, "grant": e.grant.rawValue,
          "quantity": String(e.quantity.count), "resulting-security": e.resultingSecurity.rawValue,
        ], indent: 2)
    case .transfer(let t):
      try w.element(
        "transfer",
        [
          "seq": seq, "date": date, "security": t.security.rawValue, "to": t.to.rawValue,
          "quantity": String(t.quantity.count), "resulting-security": t.resultingSecurity.rawValue,
          "balance-security": t.balanceSecurity?.rawValue,
        ], indent: 2)
    case .cancel(let c):
      try w.element(
        "cancel",
        [
          "seq": seq, "date": date, "security": c.security.rawValue,
          "quantity": String(c.quantity.count), "balance-security": c.balanceSecurity?.rawValue,
          "reason": c.reason,
        ], indent: 2)
    case .repurchase(let r):
      try w.element(
        "repurchase",
        [
          "seq": seq, "date": date, "security": r.security.rawValue,
          "quantity": String(r.quantity.count), "price": number(r.pricePerShare),
          "balance-security": r.balanceSecurity?.rawValue,
        ], indent: 2)
    case .split(let s):
      try w.element(
        "split",
        ["seq": seq, "date": date, "class": s.shareClass.rawValue, "ratio": number(s.ratio)],
        indent: 2)
    case .authorizeShares(let a):
      try w.element(
        "authorize",
        [
          "seq": seq, "date": date, "class": a.shareClass.rawValue,
          "total": String(a.newTotal.count),
        ], indent: 2)
    case .increasePool(let p):
      try w.element(
        "pool-increase",
        [
          "seq": seq, "date": date, "plan": p.plan.rawValue, "quantity": String(p.quantity.count),
        ], indent: 2)
    case .issueSAFE(let s):
      try w.element(
        "safe",
        [
          "seq": seq, "date": date, "security": s.security.rawValue, "holder": s.holder.rawValue,
          "amount": number(s.purchaseAmount), "kind": s.kind.rawValue,
          "cap": s.valuationCap.map(number), "discount": s.discount.map(number),
          "mfn": String(s.mostFavoredNation), "pro-rata": String(s.proRata),
        ], indent: 2)
    case .issueNote(let n):
      try w.element(
        "note",
        [
          "seq": seq, "date": date, "security": n.security.rawValue, "holder": n.holder.rawValue,
          "principal": number(n.principal), "rate": number(n.rate),
          "compounding": n.compounding.rawValue, "day-count": n.dayCount.rawValue,
          "maturity": n.maturity?.iso, "cap": n.valuationCap.map(number),
          "discount": n.discount.map(number),
        ], indent: 2)
    case .issueWarrant(let x):
      try w.element(
        "warrant",
        [
          "seq": seq, "date": date, "security": x.security.rawValue, "holder": x.holder.rawValue,
          "class": x.shareClass.rawValue, "quantity": String(x.quantity.count),
          "strike": number(x.strike), "expires": x.expires?.iso,
        ], indent: 2)
    case .convert(let c):
      try w.element(
        "conversion",
        [
          "seq": seq, "date": date, "security": c.security.rawValue,
          "resulting-security": c.resultingSecurity.rawValue, "class": c.shareClass.rawValue,
          "quantity": String(c.quantity.count), "price": number(c.pricePerShare),
        ], indent: 2)
    case .adjustConversionPrice(let c):
      try w.element(
        "conversion-price",
        [
          "seq": seq, "date": date, "class": c.shareClass.rawValue,
          "price": number(c.newConversionPrice),
        ], indent: 2)
    }
  }

  private static func closeWithVesting(
    _ vesting: VestingSchedule, _ name: String, into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    try w.element(
      "vesting",
      [
        "start": vesting.start.iso, "total-months": String(vesting.totalMonths),
        "cliff-months": String(vesting.cliffMonths),
        "frequency-months": String(vesting.frequencyMonths),
      ], indent: 3)
    w.raw("    </\(name)>\n")
  }
}
