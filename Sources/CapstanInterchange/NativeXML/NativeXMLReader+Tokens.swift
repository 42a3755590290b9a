import CapstanModel
import CapstanXML

extension NativeXMLReader {
  /// `<tokens>`: the compute tokens the company's grants use, each with its market prices.
  mutating func tokens(_ section: XMLElement) throws(ImportError) {
    if section.isEmpty {
      _ = try next()
      return
    }
    while let element = try child(of: section.name) {
      guard element.name == "token" else {
        throw error(
          "unexpected <\(element.name)> in <tokens> (expected <token>)", line: element.line)
      }
      try token(element)
    }
  }

  private mutating func token(_ element: XMLElement) throws(ImportError) {
    let f = try Fields(
      element, file: file, allowed: ["symbol", "issuer", "unit", "units-per-token", "peg"])
    let symbol = try f.text("symbol")
    guard symbol.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
      throw f.error("<token symbol=\"\(symbol)\">: expected letters, digits and dashes, like H100H")
    }
    guard tokenSymbols.insert(symbol.uppercased()).inserted else {
      throw f.error("token '\(symbol)' is declared twice")
    }
    let issuer = try holder(f, "issuer")
    let unit = try f.required("unit")  // the model allows any text, even none
    let unitsPerToken = try f.optionalRatio("units-per-token") ?? .one
    guard unitsPerToken > .zero else {
      throw f.error(
        "<token units-per-token=\"\(f.optional("units-per-token") ?? "")\">: expected a positive number"
      )
    }
    image?.tokens.append(
      ComputeToken(
        symbol: symbol, issuer: issuer, unit: unit, unitsPerToken: unitsPerToken,
        peg: try f.optionalRatio("peg")))
    image?.tokenSources.append(f.location)
    if element.isEmpty {
      _ = try next()
      return
    }
    var dates = Set<CalendarDate>()
    while let child = try child(of: "token") {
      if child.name == "cost" {
        try cost(child, symbol: symbol)
        continue
      }
      guard child.name == "price" else {
        throw error(
          "unexpected <\(child.name)> in <token> (expected <price> or <cost>)", line: child.line)
      }
      let p = try Fields(child, file: file, allowed: ["date", "value"])
      let date = try p.date("date")
      let value = try p.ratio("value")
      guard value > .zero else {
        throw p.error("<price value=\"\(p.optional("value") ?? "")\">: expected a positive price")
      }
      guard dates.insert(date).inserted else {
        throw p.error("\(symbol) has two prices on \(date): one price per token per date")
      }
      image?.tokenPrices.append(TokenPriceMark(symbol: symbol, date: date, price: value))
      image?.tokenPriceSources.append(p.location)
      try expectEmpty(child)
    }
  }

  /// `<cost date per-unit>`: the provider's cost to serve a unit of the token's compute from
  /// `date` (several on one date: the last is a correction of the others).
  private mutating func cost(_ element: XMLElement, symbol: String) throws(ImportError) {
    let c = try Fields(element, file: file, allowed: ["date", "per-unit"])
    let date = try c.date("date")
    // Exact and not negative (`ratio` refuses a negative number).
    let perUnit = try c.ratio("per-unit")
    image?.tokenCosts.append(TokenCostMark(symbol: symbol, date: date, costPerUnit: perUnit))
    image?.tokenCostSources.append(c.location)
    try expectEmpty(element)
  }

  /// `<compute-grant>` and its children, through its end tag: the unlock schedule (`<vesting>`
  /// `<vesting-terms>` or `<price-gate>`; none: everything at grant), then the `<equity>` link.
  func computeGrant(_ element: XMLElement, _ f: Fields) throws(ImportError) -> ComputeGrant {
    let security = try f.security("security")
    let provider = try holder(f, "provider")
    let symbol = try f.text("symbol")
    guard tokenSymbols.contains(symbol.uppercased()) else {
      throw f.error("symbol=\"\(symbol)\" names no <token> declared in <tokens>")
    }
    let tokens = try f.tokens("tokens")
    let agreedPrice = try f.ratio("agreed-price")
    let expires = try f.optionalDate("expires")
    let clawbackOn = f.optional("clawback-on")
    var unlock = UnlockSchedule.atGrant
    var equity: EquityConsideration?
    if element.isEmpty {
      _ = try next()
    } else {
      var stage = 0
      while let child = try child(of: element.name) {
        switch child.name {
        case "vesting" where stage == 0:
          unlock = .vesting(try schedule(child))
          stage = 1
        case "vesting-terms" where stage == 0:
          unlock = .terms(try vestingTerms(child, quantity: Shares(tokens.count)))
          stage = 1
        case "price-gate" where stage == 0:
          let gate = try priceGate(child)
          let total = gate.tranches.reduce(TokenAmount.zero) { $0 + $1.tokens }
          guard total == tokens else {
            throw error(
              "the <price-gate> tranches add up to \(total) tokens, not the \(tokens) granted",
              line: child.line)
          }
          unlock = .priceGated(gate)
          stage = 1
        case "equity" where stage < 2:
          equity = try self.equity(child)
          stage = 2
        default:
          throw error(
            "unexpected <\(child.name)> in <compute-grant> (expected at most one <vesting>, "
              + "<vesting-terms> or <price-gate>, then at most one <equity>)", line: child.line)
        }
      }
    }
    return ComputeGrant(
      security: security, provider: provider, symbol: symbol, tokens: tokens,
      agreedPrice: agreedPrice, unlock: unlock, expires: expires, clawbackOn: clawbackOn,
      equity: equity)
  }

  private func priceGate(_ element: XMLElement) throws(ImportError) -> PriceGate {
    let f = try Fields(element, file: file, allowed: ["start", "end"])
    let start = try f.date("start")
    let end = try f.date("end")
    guard end > start else {
      throw f.error("<price-gate end=\"\(end)\">: expected a date after its start (\(start))")
    }
    var tranches: [PriceGate.Tranche] = []
    if element.isEmpty {
      _ = try next()
    } else {
      while let child = try child(of: element.name) {
        guard child.name == "tranche" else {
          throw error(
            "unexpected <\(child.name)> in <price-gate> (expected <tranche>)", line: child.line)
        }
        let t = try Fields(child, file: file, allowed: ["tokens", "target"])
        tranches.append(
          PriceGate.Tranche(tokens: try t.tokens("tokens"), target: try t.ratio("target")))
        try expectEmpty(child)
      }
    }
    guard !tranches.isEmpty else { throw f.error("<price-gate> needs at least one <tranche>") }
    return PriceGate(start: start, tranches: tranches, end: end)
  }

  private func equity(_ element: XMLElement) throws(ImportError) -> EquityConsideration {
    let f = try Fields(element, file: file, allowed: ["security", "shares", "release"])
    let equity = EquityConsideration(
      security: try f.security("security"), shares: try f.shares("shares"),
      release: try f.choice("release"))
    try expectEmpty(element)
    return equity
  }
}
