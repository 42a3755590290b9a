import CapstanModel
import Foundation

/// Writes a company's ledger in Capstan's native XML format (docs/xml-format.md).
///
/// Numbers are exact: shares as integers, prices and amounts as terminating decimals or `n/d`
/// fractions. Transactions are written in recording order with their sequence numbers, so that
/// importing the file into a new workspace gives back the same ledger. The compute tokens the
/// company's grants use are written with their price series (they are workspace-wide data,
/// passed in as `market`); the company's valuations, kept beside the ledger, are passed in too.
public enum NativeXMLWriter {
  /// Writes `ledger` to `path` (replacing it), with the tokens of `market` its grants use and
  /// the company's `valuations` (in the order recorded).
  public static func write(
    _ ledger: Ledger, market: TokenMarket = TokenMarket(), valuations: [ShareValuation] = [],
    to path: String
  ) throws(NativeXMLWriteError) {
    // Everything is checked before the file is touched: a refusal leaves no partial file.
    let tokens = try usedTokens(ledger, market)
    try check(valuations, ledger)
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw .cannotWrite(path: path, reason: "the file cannot be created") }
    defer { try? handle.close() }
    var writer = XMLTextWriter(handle: handle)
    try emit(ledger, tokens: tokens, market: market, valuations: valuations, into: &writer)
    writer.flush()
  }

  /// The document as bytes.
  public static func bytes(
    of ledger: Ledger, market: TokenMarket = TokenMarket(), valuations: [ShareValuation] = []
  ) throws(NativeXMLWriteError) -> [UInt8] {
    var writer = XMLTextWriter(handle: nil)
    let tokens = try usedTokens(ledger, market)
    try check(valuations, ledger)
    try emit(ledger, tokens: tokens, market: market, valuations: valuations, into: &writer)
    writer.flush()
    return writer.memory
  }

  static func emit(
    _ ledger: Ledger, tokens: [ComputeToken], market: TokenMarket,
    valuations: [ShareValuation] = [], into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    let company = ledger.company
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    w.raw(
      "<capstan xmlns=\"\(NativeXMLFormat.namespace)\" version=\"\(NativeXMLFormat.version)\">\n")
    try w.element(
      "company",
      [
        "id": company.id.rawValue, "name": company.name, "currency": company.currency.code,
        "incorporated": company.incorporated.iso,
        // Only when set, so files of companies without it read the same.
        "broad-based-includes-pool": company.broadBasedIncludesUnissuedPool ? "true" : nil,
        "conversion-series": company.conversionSeries == .subSeries
          ? nil : company.conversionSeries.rawValue,
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
    for stakeholder in referencedStakeholders(ledger, tokens: tokens) {
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
      var target: String?
      var ratio: String?
      var rounding: String?
      if case .into(let into, let stated, let how) = shareClass.conversion {
        target = into.rawValue
        ratio = stated.map(number)
        rounding = how == .floor ? nil : how.rawValue.lowercased()
      }
      try w.element(
        "class",
        [
          "id": shareClass.id.rawValue, "name": shareClass.name, "kind": shareClass.kind.rawValue,
          "authorized": String(shareClass.initialAuthorized.count),
          "original-issue-price": shareClass.originalIssuePrice.map(number),
          "conversion-price": shareClass.conversionPrice.map(number),
          "anti-dilution": shareClass.antiDilution.rawValue,
          "votes-per-share": number(shareClass.votesPerShare),
          "converts-into": target, "conversion-ratio": ratio, "conversion-rounding": rounding,
          "no-conversion": shareClass.conversion == .none ? "true" : nil,
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

    if !tokens.isEmpty { try emit(tokens, market: market, into: &w) }
    if !valuations.isEmpty { try emit(valuations, into: &w) }

    w.raw("  <transactions>\n")
    for transaction in ledger.transactions.sorted(by: { $0.sequence < $1.sequence }) {
      try emit(transaction, into: &w)
    }
    w.raw("  </transactions>\n")
    w.raw("</capstan>\n")
  }

  /// The stakeholders the ledger and its tokens name, in the order of their ids.
  static func referencedStakeholders(_ ledger: Ledger, tokens: [ComputeToken]) -> [Stakeholder] {
    var ids = Set(tokens.map(\.issuer))
    for transaction in ledger.transactions {
      switch transaction.event {
      case .issueStock(let i): ids.insert(i.holder)
      case .grantOptions(let g): ids.insert(g.holder)
      case .transfer(let t): ids.insert(t.to)
      case .exercise(let e): if let holder = e.issuedStock?.holder { ids.insert(holder) }
      case .issueSAFE(let s): ids.insert(s.holder)
      case .issueNote(let n): ids.insert(n.holder)
      case .issueWarrant(let w): ids.insert(w.holder)
      case .grantCompute(let g): ids.insert(g.provider)
      case .terminate(let t): ids.insert(t.holder)
      case .reachMilestone(let m): if let holder = m.holder { ids.insert(holder) }
      case .mergeHolders(let m): ids.formUnion([m.from, m.into])
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
    let name = transaction.event.kind.rawValue
    switch transaction.event {
    case .issueStock(let i):
      let plain = i.vesting == nil && i.vestingTerms == nil
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": i.security.rawValue, "holder": i.holder.rawValue,
          "class": i.shareClass.rawValue, "quantity": String(i.quantity.count),
          "price": number(i.pricePerShare), "custom-id": i.customID,
        ], indent: 2, close: plain)
      if !plain { try closeWithVesting(i.vesting, i.vestingTerms, name, into: &w) }
    case .grantOptions(let g):
      let plain = g.vesting == nil && g.vestingTerms == nil
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": g.security.rawValue, "holder": g.holder.rawValue,
          "plan": g.plan.rawValue, "quantity": String(g.quantity.count),
          "strike": number(g.strike), "expires": g.expires?.iso, "custom-id": g.customID,
        ], indent: 2, close: plain)
      if !plain { try closeWithVesting(g.vesting, g.vestingTerms, name, into: &w) }
    case .exercise(let e):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "grant": e.grant.rawValue,
          "quantity": String(e.quantity.count), "resulting-security": e.resultingSecurity.rawValue,
          "issued-holder": e.issuedStock?.holder.rawValue,
          "issued-class": e.issuedStock?.shareClass.rawValue,
          "issued-quantity": e.issuedStock.map { String($0.quantity.count) },
          "issued-price": e.issuedStock.map { number($0.pricePerShare) },
          "custom-id": e.customID,
        ], indent: 2)
    case .transfer(let t):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": t.security.rawValue, "to": t.to.rawValue,
          "quantity": String(t.quantity.count), "resulting-security": t.resultingSecurity.rawValue,
          "balance-security": t.balanceSecurity?.rawValue, "custom-id": t.resultingCustomID,
          "balance-custom-id": t.balanceCustomID,
        ], indent: 2)
    case .cancel(let c):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": c.security.rawValue,
          "quantity": String(c.quantity.count), "balance-security": c.balanceSecurity?.rawValue,
          "reason": c.reason, "balance-custom-id": c.balanceCustomID,
        ], indent: 2)
    case .repurchase(let r):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": r.security.rawValue,
          "quantity": String(r.quantity.count), "price": number(r.pricePerShare),
          "balance-security": r.balanceSecurity?.rawValue, "balance-custom-id": r.balanceCustomID,
        ], indent: 2)
    case .split(let s):
      try w.element(
        name,
        ["seq": seq, "date": date, "class": s.shareClass.rawValue, "ratio": number(s.ratio)],
        indent: 2)
    case .authorizeShares(let a):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "class": a.shareClass.rawValue,
          "total": String(a.newTotal.count),
        ], indent: 2)
    case .increasePool(let p):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "plan": p.plan.rawValue, "quantity": String(p.quantity.count),
        ], indent: 2)
    case .issueSAFE(let s):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": s.security.rawValue, "holder": s.holder.rawValue,
          "amount": number(s.purchaseAmount), "kind": s.kind.rawValue,
          "cap": s.valuationCap.map(number), "discount": s.discount.map(number),
          "mfn": String(s.mostFavoredNation), "pro-rata": String(s.proRata),
          "rank": s.rank == .withPreferred ? nil : s.rank.rawValue, "custom-id": s.customID,
        ], indent: 2)
    case .issueNote(let n):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": n.security.rawValue, "holder": n.holder.rawValue,
          "principal": number(n.principal), "rate": number(n.rate),
          "compounding": n.compounding.rawValue, "day-count": n.dayCount.rawValue,
          "maturity": n.maturity?.iso, "cap": n.valuationCap.map(number),
          "discount": n.discount.map(number),
          // Only when not the default, so files without it read the same.
          "cap-basis": n.capBasis == .preMoneyFullyDiluted ? nil : n.capBasis.rawValue,
          "rank": n.rank == .withPreferred ? nil : n.rank.rawValue, "custom-id": n.customID,
        ], indent: 2)
    case .issueWarrant(let x):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": x.security.rawValue, "holder": x.holder.rawValue,
          "class": x.shareClass.rawValue, "quantity": String(x.quantity.count),
          "strike": number(x.strike), "expires": x.expires?.iso, "custom-id": x.customID,
        ], indent: 2)
    case .convert(let c):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": c.security.rawValue,
          "resulting-security": c.resultingSecurity.rawValue, "class": c.shareClass.rawValue,
          "quantity": String(c.quantity.count), "price": number(c.pricePerShare),
          "custom-id": c.customID,
        ], indent: 2)
    case .adjustConversionPrice(let c):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "class": c.shareClass.rawValue,
          "price": number(c.newConversionPrice),
        ], indent: 2)
    case .grantCompute(let g):
      try emit(g, seq: seq, date: date, into: &w)
    case .redeemTokens(let r):
      try w.element(
        name,
        ["seq": seq, "date": date, "grant": r.grant.rawValue, "tokens": String(r.tokens.count)],
        indent: 2)
    case .sellTokens(let s):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "grant": s.grant.rawValue, "tokens": String(s.tokens.count),
          "price": number(s.price),
        ], indent: 2)
    case .clawbackTokens(let c):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "grant": c.grant.rawValue, "tokens": String(c.tokens.count),
          "event": c.event,
        ], indent: 2)
    case .changeOfControl(let c):
      try w.element(name, ["seq": seq, "date": date, "note": c.note], indent: 2)
    case .terminate(let t):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "holder": t.holder.rawValue, "security": t.security?.rawValue,
          "without-cause": String(t.withoutCause),
        ], indent: 2)
    case .reachMilestone(let m):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "name": m.name, "holder": m.holder?.rawValue,
          "security": m.security?.rawValue,
        ], indent: 2)
    case .accelerateVesting(let a):
      try w.element(
        name,
        [
          "seq": seq, "date": date, "security": a.security.rawValue,
          "quantity": String(a.quantity.count), "reason": a.reason,
        ], indent: 2)
    case .void, .amendClass, .mergeHolders, .amendPlan:
      try emitCorrection(transaction.event, seq: seq, date: date, into: &w)
    }
  }

  /// The children of an issue or grant (plain schedule, richer terms), then its end tag.
  private static func closeWithVesting(
    _ vesting: VestingSchedule?, _ terms: VestingTerms?, _ name: String,
    into w: inout XMLTextWriter
  ) throws(NativeXMLWriteError) {
    if let vesting { try emit(vesting, indent: 3, into: &w) }
    if let terms { try emit(terms, into: &w) }
    w.raw("    </\(name)>\n")
  }

  /// A plain monthly schedule: `<vesting start total-months cliff-months frequency-months/>`.
  static func emit(_ vesting: VestingSchedule, indent: Int, into w: inout XMLTextWriter)
    throws(NativeXMLWriteError)
  {
    try w.element(
      "vesting",
      [
        "start": vesting.start.iso, "total-months": String(vesting.totalMonths),
        "cliff-months": String(vesting.cliffMonths),
        "frequency-months": String(vesting.frequencyMonths),
      ], indent: indent)
  }
}
