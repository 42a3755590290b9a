import CapstanEngine
import CapstanModel

/// Prints a modelled round: price, pool, conversions, new money, pro rata, pro forma.
enum RoundOutput {
  static func text(_ name: String, _ result: RoundResult, currency: Currency) -> String {
    func money(_ value: Ratio) -> String { Money(value, currency).formatted }
    func price(_ value: Ratio) -> String { Price(value, currency).formatted(places: 6) }
    func percent(_ value: Ratio) -> String { value.percentString(places: 4) }
    var out = "\(name), closing \(result.closing)\n\n"
    out += "  Price per share          \(price(result.price.rounded))"
    out += " (exact \(price(result.price.exact)))\n"
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
          conversion.id.rawValue, conversion.holder, money(conversion.convertingAmount),
          conversion.capPrice.map(price) ?? "-", conversion.discountPrice.map(price) ?? "-",
          price(conversion.conversionPrice), conversion.binding.rawValue,
          conversion.shares.formatted,
        ])
      }
      out += "\nConversions\n" + table.render()
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
          allocation.holder, money(allocation.entitlement), money(allocation.taken),
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
        label, row.before.formatted, percent(row.fractionBefore), row.conversion.formatted,
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

  static func json(_ name: String, _ result: RoundResult, antiDilution: [ClassAntiDilution] = [])
    -> JSON
  {
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
          result.conversions.map { conversion in
            .object([
              ("security", .string(conversion.id.rawValue)), ("holder", .string(conversion.holder)),
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
