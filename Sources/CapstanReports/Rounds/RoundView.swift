import CapstanEngine
import CapstanModel

/// A modelled priced round as people and programs read it: price, pool, conversions, new
/// money, pro rata and the pro forma; text here, JSON in `RoundView+JSON.swift`.
public struct RoundView: Sendable {
  /// The round's name (`Round` for terms not saved).
  public var name: String
  /// The modelled round.
  public var result: RoundResult
  /// The currency money is shown in.
  public var currency: Currency
  /// The anti-dilution adjustments the round triggers.
  public var antiDilution: [ClassAntiDilution]
  /// The class each conversion goes into, in conversion order (nil: not shown).
  public var conversionClasses: [RoundConversionClass]?
  /// The token investors' lines (empty without token investors).
  public var tokenLines: [String] = []
  /// What each compute-SAFE converts and what it does not (empty without compute-SAFEs).
  public var computeSAFENotes: [String] = []

  /// A view of `result`.
  public init(
    name: String, result: RoundResult, currency: Currency,
    antiDilution: [ClassAntiDilution] = [], conversionClasses: [RoundConversionClass]? = nil
  ) {
    self.name = name
    self.result = result
    self.currency = currency
    self.antiDilution = antiDilution
    self.conversionClasses = conversionClasses
  }

  /// A view of a round modelled on a company's ledger, with its token investors' agreed and
  /// market values from `market`.
  public init(
    name: String, model: RoundModel, terms: RoundTerms, currency: Currency, market: TokenMarket
  ) {
    self.init(
      name: name, result: model.result, currency: currency, antiDilution: model.antiDilution,
      conversionClasses: model.conversionClasses)
    tokenLines = Self.tokenLines(
      terms.tokenInvestments, market: market, closing: model.result.closing, currency: currency)
    computeSAFENotes = model.computeSAFENotes
  }

  /// The round, its token investors and its anti-dilution adjustments as text.
  public func fullText() -> String {
    var text = self.text()
    if !tokenLines.isEmpty {
      text +=
        "\nPaid in compute tokens (counted at the agreed price; the market price is not used)\n"
        + tokenLines.map { $0 + "\n" }.joined()
    }
    if !computeSAFENotes.isEmpty {
      text +=
        "\nCompute-SAFEs (the amount accrued by the closing converts; undrawn compute does not)\n"
        + computeSAFENotes.map { "  " + $0 + "\n" }.joined()
    }
    return text + antiDilutionText()
  }

  /// The round as text (price, pool, conversions, new money, pro rata, pro forma).
  public func text() -> String {
    func money(_ value: Ratio) -> String { Money(value, currency).formatted }
    // The round price is shown to the 4 places it is rounded to; conversion prices, exact, to
    // 6 places (the exact fraction is in the JSON).
    func roundPrice(_ value: Ratio) -> String {
      currency.symbol + value.decimalString(places: 6, minimumPlaces: 4, grouping: true)
    }
    func price(_ value: Ratio) -> String {
      currency.symbol + value.decimalString(places: 6, minimumPlaces: 6, grouping: true)
    }
    func percent(_ value: Ratio) -> String { value.percentString(places: 4) }
    var out = "\(name), closing \(result.closing)\n\n"
    out += "  Price per share          \(roundPrice(result.price.rounded))"
    out += " (exact \(roundPrice(result.price.exact)))\n"
    if result.pricingBasis != .includingConversions {
      out += "  Pricing basis            \(result.pricingBasis.rawValue)\n"
    }
    out += "  Pre-money valuation      \(money(result.preMoneyValuation))\n"
    out += "  New money                \(money(result.newMoney))\n"
    out += "  Post-money valuation     \(money(result.postMoneyValuation))\n"
    out += "  Post-money fully diluted \(result.postMoneyFullyDiluted)\n"
    out +=
      "  Option pool              \(result.pool.existing) + \(result.pool.increase) increase = "
    out += "\(result.pool.unissuedAfter) unissued "
    out +=
      "(\(percent(Ratio(result.pool.unissuedAfter.count, max(1, result.postMoneyFullyDiluted.count)))) post-money)\n"

    if !result.conversions.isEmpty {
      var table = TextTable([
        ("Security", .left), ("Holder", .left), ("Converting", .right), ("Cap price", .right),
        ("Discount price", .right), ("Price", .right), ("Bound by", .left), ("Shares", .right),
      ])
      for conversion in result.conversions {
        table.add([
          conversion.id.rawValue, conversion.holder.name, money(conversion.convertingAmount),
          conversion.capPrice.map(price) ?? "-", conversion.discountPrice.map(price) ?? "-",
          price(conversion.conversionPrice), conversion.binding.rawValue,
          conversion.shares.formatted,
        ])
      }
      out += "\nConversions\n" + table.render()
      if let series = conversionClasses {
        var classes = TextTable([
          ("Security", .left), ("Converts into", .left),
          ("Issue price = preference basis = conversion price", .right),
        ])
        for (conversion, series) in zip(result.conversions, series) {
          classes.add([conversion.id.rawValue, series.name, price(series.issuePrice)])
        }
        out += "\nClasses the conversions go into\n" + classes.render()
      }
    }
    var investors = TextTable([
      ("Investor", .left), ("Amount", .right), ("Shares", .right), ("Cost", .right),
    ])
    for investor in result.investors {
      investors.add([
        investor.name, money(investor.amount), investor.shares.formatted, money(investor.cost),
      ])
    }
    out += "\nNew money\n" + investors.render()
    if !result.proRata.isEmpty {
      var table = TextTable([
        ("Holder", .left), ("Entitled", .right), ("Taken", .right), ("Declined", .right),
        ("Shares", .right),
      ])
      for allocation in result.proRata {
        table.add([
          allocation.holder.name, money(allocation.entitlement), money(allocation.taken),
          money(allocation.declined),
          allocation.shares.formatted,
        ])
      }
      out += "\nPro rata\n" + table.render()
    }
    var proForma = TextTable([
      ("Holder", .left), ("Before", .right), ("%", .right), ("Converted", .right),
      ("Bought", .right),
      ("After", .right), ("%", .right),
    ])
    for row in result.proForma.rows {
      let label = row.kind == .pool ? "Unissued pool" : row.name
      proForma.add([
        label, row.before.formatted, percent(row.fractionBefore),
        (row.conversion + row.antiDilution).formatted,
        (row.newMoney + row.proRata + row.poolIncrease).formatted, row.after.formatted,
        percent(row.fractionAfter),
      ])
    }
    proForma.footer = [
      "Total", result.proForma.totalBefore.formatted, "100.0000%", "", "",
      result.proForma.totalAfter.formatted,
      "100.0000%",
    ]
    out += "\nPro forma (fully diluted)\n" + proForma.render()
    return out
  }

  /// The adjustments as text (empty when none).
  public func antiDilutionText() -> String {
    Self.antiDilutionText(antiDilution, currency: currency)
  }

  /// Conversion price adjustments as text (empty when none), as a round or an issuance
  /// triggers them.
  public static func antiDilutionText(_ antiDilution: [ClassAntiDilution], currency: Currency)
    -> String
  {
    guard !antiDilution.isEmpty else { return "" }
    var table = TextTable([
      ("Class", .left), ("Protection", .left), ("CP1", .right), ("CP2", .right),
      ("Converts into", .right),
    ])
    for item in antiDilution {
      table.add([
        item.name, item.adjustment.protection.rawValue,
        Price(item.adjustment.cp1, currency).formatted(places: 4),
        Price(item.adjustment.cp2, currency).formatted(places: 4),
        item.adjustment.asConvertedShares.formatted,
      ])
    }
    return "\nAnti-dilution (conversion price adjustments)\n" + table.render()
  }

  /// One line per token investor: the agreed value that counts, and the market value on the
  /// closing date, which does not.
  public static func tokenLines(
    _ investments: [TokenInvestment], market: TokenMarket, closing: CalendarDate,
    currency: Currency
  ) -> [String] {
    investments.map { investment in
      let money = { (value: Ratio) in Money(value, currency).formatted }
      var line =
        "  \(investment.investor): \(investment.tokens) \(investment.symbol) at "
        + "\(Price(investment.agreedPrice, currency).formatted(places: 4)) agreed = "
        + money(investment.amount)
      if let spot = market.price(investment.symbol, on: closing) {
        line +=
          " (market \(Price(spot, currency).formatted(places: 4)) on \(closing): "
          + "\(money(investment.tokens.ratio * spot)))"
      }
      if let unlock = investment.unlock { line += ", unlock \(unlock.summary)" }
      if let release = investment.release { line += ", shares released \(release.rawValue)" }
      return line
    }
  }
}
