import CapstanEngine
import CapstanModel
import Foundation
import Yams

/// Reads a scenario file (YAML, or JSON, which YAML includes) into a `Scenario`, refusing
/// unknown keys and unreadable values with the file, line and key.
public enum ScenarioReader {
  /// Reads the file at `path`.
  public static func read(path: String) throws(ScenarioError) -> Scenario {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ScenarioError(
        file: path, line: nil, key: "",
        message: "cannot read the file (\(error.localizedDescription))")
    }
    return try parse(text, file: path)
  }

  /// Parses scenario text; `file` names it in errors.
  public static func parse(_ text: String, file: String) throws(ScenarioError) -> Scenario {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ScenarioError(
        file: file, line: nil, key: "", message: "not valid YAML or JSON: \(error)")
    } catch {
      throw ScenarioError(
        file: file, line: nil, key: "", message: "not valid YAML or JSON: \(error)")
    }
    guard let root else {
      throw ScenarioError(file: file, line: nil, key: "", message: "the file is empty")
    }
    let top = try Fields(
      root, path: "", file: file,
      allowed: [
        "company", "holdings", "pool", "safes", "notes", "events", "tokens", "prices",
        "compute-grants",
      ])
    guard let companyNode = top.node("company") else { throw top.error("company", "is required") }
    let company = try Fields(
      companyNode, path: "company", file: file, allowed: ["name", "currency", "incorporated"])
    let currencyCode = try company.text("currency") ?? "USD"
    guard let currency = Currency(code: currencyCode) else {
      throw company.error(
        "currency", "expected a three-letter ISO 4217 code, got '\(currencyCode)'")
    }
    var holdings: [PreRoundCapitalization.Holding] = []
    var holdingVesting: [ScenarioHoldingVesting] = []
    let incorporated = try company.date("incorporated")
    for (index, node) in try top.list("holdings").enumerated() {
      let fields = try Fields(
        node, path: "holdings[\(index)]", file: file,
        allowed: ["holder", "shares", "options", "pro-rata", "vesting", "stock-vesting"])
      let holding = PreRoundCapitalization.Holding(
        .newInvestor(try fields.required("holder")), stock: try fields.shares("shares") ?? .zero,
        options: try fields.shares("options") ?? .zero,
        proRataRight: try fields.bool("pro-rata") ?? false)
      holdings.append(holding)
      let vesting = ScenarioHoldingVesting(
        holding: index,
        options: try holdingTerms(fields, "vesting", "options", holding.options, incorporated),
        stock: try holdingTerms(fields, "stock-vesting", "shares", holding.stock, incorporated))
      if vesting.options != nil || vesting.stock != nil { holdingVesting.append(vesting) }
    }
    let safes = try top.list("safes").enumerated().map { index, node throws(ScenarioError) in
      try safe(node, path: "safes[\(index)]", file: file)
    }
    let notes = try top.list("notes").enumerated().map { index, node throws(ScenarioError) in
      try note(node, path: "notes[\(index)]", file: file)
    }
    let events = try top.list("events").enumerated().map { index, node throws(ScenarioError) in
      try event(node, path: "events[\(index)]", file: file)
    }
    var scenario = Scenario(
      company: try company.required("name"), currency: currency, holdings: holdings,
      pool: try top.shares("pool") ?? .zero, safes: safes, notes: notes, events: events)
    scenario.incorporated = incorporated
    scenario.holdingVesting = holdingVesting
    try readTokens(top, into: &scenario, file: file)
    return scenario
  }

  /// A holding's `vesting` (its options) or `stock-vesting` (its shares), which need shares of
  /// that kind to vest; terms start on the incorporation date unless they say `start`.
  static func holdingTerms(
    _ fields: Fields, _ key: String, _ kind: String, _ quantity: Shares,
    _ incorporated: CalendarDate?
  ) throws(ScenarioError) -> VestingTerms? {
    guard fields.node(key) != nil else { return nil }
    guard quantity > .zero else {
      throw fields.error(key, "needs \(kind) in the holding to vest")
    }
    return try vestingTerms(fields, key, quantity: quantity, start: incorporated)
  }

  static func safe(_ node: Node, path: String, file: String) throws(ScenarioError) -> SAFE {
    let fields = try Fields(
      node, path: path, file: file,
      allowed: [
        "id", "holder", "amount", "cap", "discount", "type", "mfn", "mfn-adopt", "pro-rata", "date",
      ])
    var mfn = MostFavoredNation.none
    if try fields.bool("mfn") == true { mfn = .granted }
    if let adopt = try fields.text("mfn-adopt") { mfn = .adopting(SecurityID(adopt)) }
    guard let amount = try fields.amount("amount") else {
      throw fields.error("amount", "is required")
    }
    return SAFE(
      id: SecurityID(try fields.required("id")),
      holder: .newInvestor(try fields.required("holder")),
      kind: try fields.choice("type", ["post-money": SAFE.Kind.postMoney, "pre-money": .preMoney])
        ?? .postMoney,
      purchaseAmount: amount, valuationCap: try fields.amount("cap"),
      discount: try fields.percentage("discount"),
      mostFavoredNation: mfn, proRata: try fields.bool("pro-rata") ?? false,
      issued: try fields.date("date"))
  }

  static func note(_ node: Node, path: String, file: String) throws(ScenarioError)
    -> ConvertibleNote
  {
    let fields = try Fields(
      node, path: path, file: file,
      allowed: [
        "id", "holder", "principal", "rate", "date", "maturity", "cap", "discount", "compounding",
        "day-count", "cap-basis",
      ])
    guard let principal = try fields.amount("principal") else {
      throw fields.error("principal", "is required")
    }
    guard let rate = try fields.percentage("rate") else {
      throw fields.error("rate", "is required")
    }
    guard let issued = try fields.date("date") else { throw fields.error("date", "is required") }
    let bases = Dictionary(
      uniqueKeysWithValues: CapitalizationBasis.allCases.map { ($0.rawValue, $0) })
    return ConvertibleNote(
      id: SecurityID(try fields.required("id")),
      holder: .newInvestor(try fields.required("holder")),
      principal: principal,
      interestRate: rate,
      compounding: try fields.choice(
        "compounding", ["simple": InterestCompounding.simple, "annual": .annual])
        ?? .simple,
      dayCount: try fields.choice(
        "day-count", ["act/365": DayCount.actual365, "30/360": .thirty360])
        ?? .actual365,
      issued: issued, maturity: try fields.date("maturity"), valuationCap: try fields.amount("cap"),
      discount: try fields.percentage("discount"),
      capBasis: try fields.choice("cap-basis", bases) ?? .preMoneyFullyDiluted)
  }

  static func event(_ node: Node, path: String, file: String) throws(ScenarioError) -> ScenarioEvent
  {
    let wrapper = try Fields(
      node, path: path, file: file,
      allowed: ["round", "issue", "exit", "change-of-control", "termination", "milestone"])
    if wrapper.mapping.count == 1, let vesting = try vestingEvent(wrapper, path: path, file: file) {
      return vesting
    }
    if let exitNode = wrapper.node("exit"), wrapper.mapping.count == 1 {
      let fields = try Fields(
        exitNode, path: path + ".exit", file: file,
        allowed: ["value", "expenses", "options", "date"])
      guard let value = try fields.amount("value") else {
        throw fields.error("value", "is required")
      }
      guard let date = try fields.date("date") else { throw fields.error("date", "is required") }
      let exercise = try fields.choice("options", ["exercise": true, "exclude": false]) ?? true
      return .exit(
        ScenarioExit(
          value: value, expenses: try fields.amount("expenses") ?? .zero, exerciseOptions: exercise,
          date: date))
    }
    guard wrapper.mapping.count == 1 else {
      throw ScenarioError(
        file: file, line: node.mark?.line, key: path,
        message:
          "an event is one of round:, issue:, exit:, change-of-control:, termination: or milestone:"
      )
    }
    if let issueNode = wrapper.node("issue") {
      let fields = try Fields(
        issueNode, path: path + ".issue", file: file, allowed: ["holder", "shares", "date"])
      guard let shares = try fields.shares("shares") else {
        throw fields.error("shares", "is required")
      }
      guard let date = try fields.date("date") else { throw fields.error("date", "is required") }
      return .issue(holder: try fields.required("holder"), shares: shares, date: date)
    }
    guard let roundNode = wrapper.node("round") else {
      throw ScenarioError(
        file: file, line: node.mark?.line, key: path,
        message:
          "an event is one of round:, issue:, exit:, change-of-control:, termination: or milestone:"
      )
    }
    return .round(try round(roundNode, path: path + ".round", file: file))
  }

  static func round(_ node: Node, path: String, file: String) throws(ScenarioError) -> ScenarioRound
  {
    let fields = try Fields(
      node, path: path, file: file,
      allowed: [
        "name", "date", "pre-money", "post-money", "price", "invest", "pool-target",
        "pool-increase",
        "basis", "pro-rata", "invest-tokens",
      ])
    let valuations: [Valuation] = [
      try fields.amount("pre-money").map(Valuation.preMoney),
      try fields.amount("post-money").map(Valuation.postMoney),
      try fields.amount("price").map(Valuation.pricePerShare),
    ].compactMap { $0 }
    guard valuations.count == 1, let valuation = valuations.first else {
      throw ScenarioError(
        file: file, line: node.mark?.line, key: path,
        message: "give exactly one of pre-money, post-money or price")
    }
    let tokenInvestments = try tokenInvestments(
      fields, file: file, closing: try fields.date("date"))
    var invest = Node.Mapping([])
    if let investNode = fields.node("invest") {
      guard case .mapping(let mapping) = investNode else {
        throw fields.error("invest", "expected a mapping of investor names to amounts")
      }
      invest = mapping
    } else if tokenInvestments.isEmpty {
      throw fields.error("invest", "is required: a mapping of investor names to amounts")
    }
    var investors: [Investor] = []
    for (key, value) in invest {
      let name = key.scalar?.string ?? ""
      let amount = try Fields.amount(value, key: fields.key("invest") + "." + name, file: file)
      investors.append(Investor(.newInvestor(name), amount: amount))
    }
    var pool = PoolTopUp.none
    if let target = try fields.percentage("pool-target") { pool = .target(target) }
    if let increase = try fields.shares("pool-increase") {
      if case .target = pool {
        throw fields.error("pool-increase", "give pool-target or pool-increase, not both")
      }
      pool = .increase(increase)
    }
    var elections: [ProRataElection] = []
    if let proRata = fields.node("pro-rata") {
      guard case .mapping(let mapping) = proRata else {
        throw fields.error("pro-rata", "expected holder: full|declined|AMOUNT")
      }
      for (key, value) in mapping {
        let name = key.scalar?.string ?? ""
        let holder = RoundParticipant.newInvestor(name)
        switch value.scalar?.string.lowercased() {
        case "full": elections.append(ProRataElection(holder, take: .full))
        case "declined": elections.append(ProRataElection(holder, take: .declined))
        default:
          let amount = try Fields.amount(
            value, key: fields.key("pro-rata") + "." + name, file: file)
          elections.append(ProRataElection(holder, take: .amount(amount)))
        }
      }
    }
    let bases = Dictionary(uniqueKeysWithValues: PricingBasis.allCases.map { ($0.rawValue, $0) })
    guard let date = try fields.date("date") else { throw fields.error("date", "is required") }
    var round = ScenarioRound(
      name: try fields.text("name") ?? "Round", date: date, valuation: valuation,
      investors: investors, pool: pool,
      pricingBasis: try fields.choice("basis", bases) ?? .includingConversions, proRata: elections)
    round.tokenInvestments = try tokenInvestments.map { investment throws(ScenarioError) in
      var dated = investment
      if case .vesting(let schedule) = investment.unlock {
        dated.unlock = .vesting(
          VestingSchedule(
            start: date, totalMonths: schedule.totalMonths, cliffMonths: schedule.cliffMonths,
            frequencyMonths: schedule.frequencyMonths))
      }
      return dated
    }
    return round
  }
}

extension Fields {
  /// An amount from a bare node (a value in a mapping of names to amounts).
  static func amount(_ node: Node, key: String, file: String) throws(ScenarioError) -> Ratio {
    guard let text = node.scalar?.string else {
      throw ScenarioError(
        file: file, line: node.mark?.line, key: key, message: "expected an amount")
    }
    do {
      return try AmountParser.amount(text)
    } catch {
      throw ScenarioError(
        file: file, line: node.mark?.line, key: key, message: "cannot read '\(text)' as an amount")
    }
  }
}
