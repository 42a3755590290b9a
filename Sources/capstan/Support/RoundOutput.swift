import CapstanEngine
import CapstanModel
import CapstanReports

/// Prints a modelled round: price, pool, conversions, new money, pro rata, pro forma.
enum RoundOutput {
  /// The round as text; `series` names the class each conversion goes into (in order).
  static func text(
    _ name: String, _ result: RoundResult, currency: Currency,
    series: [RoundCommand.ConversionClass]? = nil
  ) -> String {
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
      if let series {
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

  /// A note's accrued interest (rounded to cents), or null for a SAFE.
  static func interest(_ conversion: SecurityConversion) -> JSON {
    guard case .note(let accrual) = conversion.instrument else { return .null }
    return .string(accrual.interest.decimalString(places: 2))
  }

  /// The round as JSON; `series` names the class each conversion goes into (in order).
  static func json(
    _ name: String, _ result: RoundResult, antiDilution: [ClassAntiDilution] = [],
    series: [RoundCommand.ConversionClass]? = nil
  ) -> JSON {
    func exact(_ value: Ratio) -> JSON { .string(value.exactDecimalString ?? value.fractionString) }
    return .object([
      ("round", .string(name)),
      ("closing", .string(result.closing.iso)),
      ("price_per_share", exact(result.price.rounded)),
      ("price_per_share_exact", .string(result.price.exact.fractionString)),
      ("pricing_basis", .string(result.pricingBasis.rawValue)),
      ("pre_money_valuation", exact(result.preMoneyValuation)),
      ("new_money", exact(result.newMoney)),
      ("post_money_valuation", exact(result.postMoneyValuation)),
      ("post_money_fully_diluted", .int(result.postMoneyFullyDiluted.count)),
      ("pool_before", .int(result.pool.existing.count)),
      ("pool_increase", .int(result.pool.increase.count)),
      (
        "anti_dilution",
        .array(
          antiDilution.map { item in
            .object([
              ("class", .string(item.name)),
              ("protection", .string(item.adjustment.protection.rawValue)),
              ("cp1", .string(item.adjustment.cp1.fractionString)),
              (
                "cp2",
                .string(
                  item.adjustment.cp2.exactDecimalString ?? item.adjustment.cp2.fractionString)
              ),
              ("as_converted", .int(item.adjustment.asConvertedShares.count)),
            ])
          })
      ),
      (
        "conversions",
        .array(
          result.conversions.enumerated().map { index, conversion in
            .object([
              ("series", series.map { .string($0[index].name) } ?? .null),
              (
                "series_issue_price",
                series.map { .string($0[index].issuePrice.fractionString) } ?? .null
              ),
              ("security", .string(conversion.id.rawValue)),
              ("holder", .string(conversion.holder.name)),
              ("converting_amount", exact(conversion.convertingAmount)),
              ("conversion_price", .string(conversion.conversionPrice.fractionString)),
              (
                "conversion_price_display",
                .string(conversion.conversionPrice.decimalString(places: 6))
              ),
              ("bound_by", .string(conversion.binding.rawValue)),
              ("shares", .int(conversion.shares.count)), ("interest", interest(conversion)),
            ])
          })
      ),
      (
        "investors",
        .array(
          result.investors.map { investor in
            .object([
              ("name", .string(investor.name)), ("amount", exact(investor.amount)),
              ("shares", .int(investor.shares.count)), ("cost", exact(investor.cost)),
            ])
          })
      ),
      (
        "pro_forma",
        .array(
          result.proForma.rows.map { row in
            .object([
              ("name", .string(row.name)), ("kind", .string(row.kind.rawValue)),
              ("before", .int(row.before.count)),
              ("conversion", .int(row.conversion.count)), ("new_money", .int(row.newMoney.count)),
              ("pro_rata", .int(row.proRata.count)),
              ("anti_dilution", .int(row.antiDilution.count)),
              ("pool_increase", .int(row.poolIncrease.count)),
              ("after", .int(row.after.count)),
              ("fraction_before", .string(row.fractionBefore.fractionString)),
              ("fraction_after", .string(row.fractionAfter.fractionString)),
              ("percent_after", .string((row.fractionAfter * Ratio(100)).decimalString(places: 4))),
              ("dilution", row.dilution.map { .string($0.fractionString) } ?? .null),
            ])
          })
      ),
    ])
  }
}
