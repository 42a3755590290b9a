import CapstanEngine
import CapstanModel

extension RoundView {
  /// A note's accrued interest (rounded to cents), or null for a SAFE.
  static func interest(_ conversion: SecurityConversion) -> JSON {
    guard case .note(let accrual) = conversion.instrument else { return .null }
    return .string(accrual.interest.decimalString(places: 2))
  }

  /// The round as JSON (exact values as decimal strings or fractions).
  public func json() -> JSON {
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
              ("series", conversionClasses.map { .string($0[index].name) } ?? .null),
              (
                "series_issue_price",
                conversionClasses.map { .string($0[index].issuePrice.fractionString) } ?? .null
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
              ("shares", .int(conversion.shares.count)), ("interest", Self.interest(conversion)),
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
      ("compute_safe_notes", .array(computeSAFENotes.map(JSON.string))),
    ])
  }
}
