import CapstanEngine
import CapstanModel
import Yams

/// The compute-token parts of a scenario file: `tokens`, `prices`, `compute-grants`, and a
/// round's `invest-tokens` (docs/scenario-format.md).
extension ScenarioReader {
  static func readTokens(_ top: Fields, into scenario: inout Scenario, file: String)
    throws(ScenarioError)
  {
    for (index, node) in try top.list("tokens").enumerated() {
      let fields = try Fields(
        node, path: "tokens[\(index)]", file: file,
        allowed: ["symbol", "issuer", "unit", "units-per-token", "peg"])
      scenario.tokens.append(
        ScenarioToken(
          symbol: try fields.required("symbol"), issuer: try fields.required("issuer"),
          unit: try fields.text("unit") ?? "GPU-hour",
          unitsPerToken: try fields.amount("units-per-token") ?? .one,
          peg: try fields.amount("peg")))
    }
    for (index, node) in try top.list("prices").enumerated() {
      let fields = try Fields(
        node, path: "prices[\(index)]", file: file, allowed: ["symbol", "date", "price"])
      guard let date = try fields.date("date") else { throw fields.error("date", "is required") }
      guard let price = try fields.amount("price") else {
        throw fields.error("price", "is required")
      }
      scenario.tokenPrices.append(
        TokenPriceMark(symbol: try fields.required("symbol"), date: date, price: price))
    }
    for (index, node) in try top.list("compute-grants").enumerated() {
      let fields = try Fields(
        node, path: "compute-grants[\(index)]", file: file,
        allowed: [
          "provider", "symbol", "tokens", "agreed", "date", "unlock", "unlock-start",
          "price-gates", "gate-end", "expires", "clawback-on",
        ])
      guard let date = try fields.date("date") else { throw fields.error("date", "is required") }
      scenario.computeGrants.append(
        ScenarioComputeGrant(
          terms: WorkspaceDraft.ComputeGrantTerms(
            provider: try fields.required("provider"), symbol: try fields.required("symbol"),
            tokens: try tokens(fields, "tokens"), agreedPrice: try agreed(fields),
            unlock: try unlock(
              fields, start: try fields.date("unlock-start") ?? date,
              tokens: try tokens(fields, "tokens")),
            expires: try fields.date("expires"), clawbackOn: try fields.text("clawback-on")),
          date: date))
    }
  }

  /// A round's `invest-tokens`: investor → {tokens, agreed, symbol, unlock, release, expires,
  /// clawback-on}. A `24/6/1` unlock starts on the closing date (set by the caller).
  static func tokenInvestments(_ round: Fields, file: String, closing: CalendarDate?)
    throws(ScenarioError) -> [TokenInvestment]
  {
    guard let node = round.node("invest-tokens") else { return [] }
    guard case .mapping(let mapping) = node else {
      throw round.error("invest-tokens", "expected a mapping of investor names to token terms")
    }
    var result: [TokenInvestment] = []
    for (key, value) in mapping {
      let name = key.scalar?.string ?? ""
      let fields = try Fields(
        value, path: round.key("invest-tokens") + "." + name, file: file,
        allowed: ["tokens", "agreed", "symbol", "unlock", "release", "expires", "clawback-on"])
      let releases = Dictionary(
        uniqueKeysWithValues: EquityConsideration.Release.allCases.map { ($0.rawValue, $0) })
      let tokens = try tokens(fields, "tokens")
      // A plain `24/6/1` starts on the closing date (the round sets it); a mapping's `start`
      // defaults to the closing date too.
      let placeholder = CalendarDate(daysSinceEpoch: 10_957)  // 2000-01-01
      var unlock: UnlockSchedule?
      if let text = fields.node("unlock")?.scalar?.string {
        unlock = .vesting(try vesting(fields, "unlock", text, start: placeholder))
      } else if let terms = try vestingTerms(
        fields, "unlock", quantity: Shares(tokens.count), start: closing ?? placeholder,
        acceleration: false)
      {
        unlock = UnlockSchedule.of(terms)
      }
      result.append(
        TokenInvestment(
          investor: name, symbol: try fields.required("symbol"),
          tokens: tokens,
          agreedPrice: try agreed(fields), unlock: unlock,
          release: try fields.choice("release", releases), expires: try fields.date("expires"),
          clawbackOn: try fields.text("clawback-on")))
    }
    return result
  }

  static func tokens(_ fields: Fields, _ name: String) throws(ScenarioError) -> TokenAmount {
    guard let shares = try fields.shares(name), shares > .zero else {
      throw fields.error(name, "is required: a positive number of tokens")
    }
    return TokenAmount(shares.count)
  }

  static func agreed(_ fields: Fields) throws(ScenarioError) -> Ratio {
    guard let price = try fields.amount("agreed") else {
      throw fields.error("agreed", "is required: the agreed price per token")
    }
    return price
  }

  static func vesting(_ fields: Fields, _ name: String, _ text: String, start: CalendarDate)
    throws(ScenarioError) -> VestingSchedule
  {
    do {
      return try VestingSchedule.parse(text, start: start)
    } catch {
      throw fields.error(
        name, "cannot read '\(text)': expected TOTAL/CLIFF/FREQUENCY months, e.g. 24/6/1")
    }
  }

  /// `unlock: 24/6/1` or a vesting mapping (`ScenarioReader.vestingTerms`, no acceleration),
  /// or `price-gates: [{tokens, target}]` with `gate-end`, or none (at grant).
  static func unlock(_ fields: Fields, start: CalendarDate, tokens granted: TokenAmount)
    throws(ScenarioError) -> UnlockSchedule
  {
    if let text = fields.node("unlock")?.scalar?.string {
      return .vesting(try vesting(fields, "unlock", text, start: start))
    }
    if let terms = try vestingTerms(
      fields, "unlock", quantity: Shares(granted.count), start: start, acceleration: false)
    {
      guard try fields.list("price-gates").isEmpty else {
        throw fields.error("price-gates", "give either unlock or price-gates, not both")
      }
      return UnlockSchedule.of(terms)
    }
    let gates = try fields.list("price-gates")
    guard !gates.isEmpty else { return .atGrant }
    guard let end = try fields.date("gate-end") else {
      throw fields.error("gate-end", "is required with price-gates")
    }
    var tranches: [PriceGate.Tranche] = []
    for (index, node) in gates.enumerated() {
      let gate = try Fields(
        node, path: fields.key("price-gates") + "[\(index)]", file: fields.file,
        allowed: ["tokens", "target"])
      guard let target = try gate.amount("target") else {
        throw gate.error("target", "is required")
      }
      tranches.append(PriceGate.Tranche(tokens: try tokens(gate, "tokens"), target: target))
    }
    return .priceGated(PriceGate(start: start, tranches: tranches, end: end))
  }
}
