import CapstanModel
import Foundation

/// Writes a company's ledger in Capstan's native XML format (docs/xml-format.md).
///
/// Numbers are exact: shares as integers, prices and amounts as terminating decimals or `n/d`
/// fractions. Transactions are written in recording order with their sequence numbers, so that
/// importing the file into a new workspace gives back the same ledger. The compute tokens the
/// company's grants use are written with their price series (they are workspace-wide data,
/// passed in as `market`, with the provider's costs to serve them, `costs`); the company's
/// valuations, kept beside the ledger, are passed in too.
public enum NativeXMLWriter {
  /// Writes `ledger` to `path` (replacing it), with the tokens of `market` its grants use (and
  /// their costs to serve in `costs`) and the company's `valuations` (in the order recorded).
  public static func write(
    _ ledger: Ledger, market: TokenMarket = TokenMarket(), costs: TokenCosts = TokenCosts(),
    valuations: [ShareValuation] = [], to path: String
  ) throws(NativeXMLWriteError) {
    // Everything is checked before the file is touched: a refusal leaves no partial file.
    let tokens = try usedTokens(ledger, market)
    try check(valuations, ledger)
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else { throw .cannotWrite(path: path, reason: "the file cannot be created") }
    defer { try? handle.close() }
    var writer = XMLTextWriter(handle: handle)
    try emit(
      ledger, tokens: tokens, market: market, costs: costs, valuations: valuations, into: &writer)
    writer.flush()
  }

  /// The document as bytes.
  public static func bytes(
    of ledger: Ledger, market: TokenMarket = TokenMarket(), costs: TokenCosts = TokenCosts(),
    valuations: [ShareValuation] = []
  ) throws(NativeXMLWriteError) -> [UInt8] {
    var writer = XMLTextWriter(handle: nil)
    let tokens = try usedTokens(ledger, market)
    try check(valuations, ledger)
    try emit(
      ledger, tokens: tokens, market: market, costs: costs, valuations: valuations, into: &writer)
    writer.flush()
    return writer.memory
  }

  static func emit(
    _ ledger: Ledger, tokens: [ComputeToken], market: TokenMarket,
    costs: TokenCosts = TokenCosts(), valuations: [ShareValuation] = [],
    into w: inout XMLTextWriter
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

    if !tokens.isEmpty { try emit(tokens, market: market, costs: costs, into: &w) }
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
      // Every holder an event names is one its id mapping passes through.
      _ = transaction.event.mappingIdentifiers(
        holder: { ids.insert($0).memberAfterInsert }, shareClass: { $0 }, plan: { $0 })
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
    guard let codec = XMLEventTable.shared[transaction.event.kind] else {
      throw .cannotWrite(
        path: "transaction \(seq)",
        reason: "Capstan XML has no element for a \(transaction.event.kind) event")
    }
    try codec.write(transaction.event, seq, date, &w)
  }

  /// The children of an issue or grant (plain schedule, richer terms), then its end tag.
  static func closeWithVesting(
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
