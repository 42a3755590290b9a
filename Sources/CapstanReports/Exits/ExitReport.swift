import BigInt
import CapstanEngine
import CapstanModel

/// A liquidation waterfall as people and programs read it: one exit's distribution, a sweep
/// of exit values, or the breakpoints.
public enum ExitReport {
  /// A breakpoint event as a phrase.
  public static func describe(_ event: Breakpoint.Event) -> String {
    switch event {
    case .proceedsBegin: "proceeds begin"
    case .preferenceFilled(let seniority, let names):
      "preference of \(names.joined(separator: ", ")) (seniority \(seniority)) filled"
    case .converts(let name): "\(name) converts to common"
    case .capReached(let name): "\(name) reaches its participation cap"
    case .optionsInTheMoney(let strike, let count):
      "\(count) options/warrants at \(strike.decimalString(places: 4)) come into the money"
    }
  }

  /// A distribution as text (classes, convertibles, holders), CSV or JSON; `classes` and
  /// `waterfall` add the classes' and convertibles' tables.
  public static func distribution(
    _ distribution: WaterfallDistribution, table: CapTable, company: Company, format: ViewFormat,
    classes classList: [WaterfallClass] = [], waterfall: Waterfall? = nil,
    laterEntries: JSON? = nil
  ) -> String {
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    let invested = table.investedCapital
    switch format {
    case .text:
      var out = "\(company.name): exit at \(money(distribution.exit.exitValue)), "
      out += "distributable \(money(distribution.distributable))\n"
      if !distribution.classes.converted.isEmpty {
        out += "Converted to common: \(distribution.classes.converted.joined(separator: ", "))\n"
      }
      out +=
        "Common per share: \(Price(distribution.commonPerShare, company.currency).formatted(places: 6))\n\n"
      if !classList.isEmpty {
        var classes = TextTable([
          ("Class", .left), ("Preference", .right), ("Participation", .right),
          ("As converted", .right),
          ("Total", .right), ("Multiple", .right),
        ])
        for (item, payout) in zip(classList, distribution.classes.classes) {
          let breakdown = ExitBreakdown(
            item, payout: payout, converted: distribution.classes.converted.contains(item.name))
          classes.add([
            item.name, breakdown.preference.map(money) ?? "-",
            breakdown.participation.map(money) ?? "-",
            breakdown.asConverted.map(money) ?? "-", money(payout),
            breakdown.multiple.map { $0.decimalString(places: 2) + "x" } ?? "-",
          ])
        }
        out += classes.render() + "\n"
      }
      if let waterfall, !waterfall.capitalization.convertibles.isEmpty {
        out += convertiblesTable(distribution, waterfall, currency: company.currency) + "\n"
      }
      var holders = TextTable([
        ("Holder", .left), ("Payout", .right), ("Share", .right), ("Invested", .right),
        ("Multiple", .right),
      ])
      for holder in distribution.holders {
        let paid = invested[holder.holder]
        let multiple = paid.flatMap { $0.isZero ? nil : holder.payout / $0 }
        holders.add([
          holder.holderName, Money(Ratio(holder.cents, 100), company.currency).formatted,
          distribution.distributable.isZero
            ? "-" : (holder.payout / distribution.distributable).percentString(),
          paid.map(money) ?? "-", multiple.map { $0.decimalString(places: 2) + "x" } ?? "-",
        ])
      }
      let totalCents = WaterfallDistribution.cents(distribution.distributable)
      holders.footer = [
        "Total", Money(Ratio(totalCents, 100), company.currency).formatted, "100.00%", "", "",
      ]
      return out + holders.render() + roundingNote(distribution, currency: company.currency)
    case .csv:
      return CSV.render(
        header: ["holder", "payout", "payout_exact"],
        rows: distribution.holders.map {
          [$0.holderName, Ratio($0.cents, 100).decimalString(places: 2), $0.payout.fractionString]
        })
    case .json:
      let document = json(distribution, waterfall: waterfall)
      guard let laterEntries, case .object(let fields) = document else {
        return document.render()
      }
      return JSON.object(fields + [("later_entries", laterEntries)]).render()
    }
  }

  /// The line under the holders' table when their payouts, each rounded half-up to the cent,
  /// do not add up to the total shown; empty otherwise.
  public static func roundingNote(_ distribution: WaterfallDistribution, currency: Currency)
    -> String
  {
    let difference = distribution.roundingDifference
    guard difference != 0 else { return "" }
    let shown = WaterfallDistribution.cents(distribution.distributable) + difference
    let size = difference.magnitude
    return "\nNote: each payout is rounded half-up to the cent, so the payouts shown add up to "
      + Money(Ratio(shown, 100), currency).formatted + ", \(size) cent\(size == 1 ? "" : "s") "
      + (difference > 0 ? "more" : "less")
      + " than the total; --format json gives the exact amounts.\n"
  }

  /// Each SAFE or note outstanding: its cash-out amount, Liquidity Price and conversion
  /// shares, whether it converts, and what it receives.
  public static func convertiblesTable(
    _ distribution: WaterfallDistribution, _ waterfall: Waterfall, currency: Currency
  ) -> String {
    var table = TextTable([
      ("Convertible", .left), ("Holder", .left), ("Cash-out", .right),
      ("Liquidity price", .right), ("Shares", .right), ("Converts", .left), ("Payout", .right),
    ])
    let convertibles = waterfall.capitalization.convertibles
    for (index, convertible) in convertibles.enumerated() {
      let liquidity = waterfall.liquidity[index]
      table.add([
        convertible.name, convertible.holderName,
        Money(convertible.cashOutAmount, currency).formatted,
        liquidity.price.map { Price($0, currency).formatted(places: 6) } ?? "-",
        liquidity.shares.formatted,
        distribution.classes.converted.contains(convertible.name) ? "yes" : "no",
        Money(distribution.classes.convertibles[index], currency).formatted,
      ])
    }
    return table.render()
  }

  /// The convertibles of `waterfall` as JSON rows (see `convertiblesTable`).
  public static func convertiblesJSON(_ distribution: WaterfallDistribution, _ waterfall: Waterfall)
    -> JSON
  {
    .array(
      waterfall.capitalization.convertibles.enumerated().map { index, convertible in
        let liquidity = waterfall.liquidity[index]
        return .object([
          ("name", .string(convertible.name)), ("holder", .string(convertible.holderName)),
          ("cash_out_amount", .string(convertible.cashOutAmount.decimalString(places: 2))),
          (
            "liquidity_capitalization",
            liquidity.capitalization.map { .string($0.fractionString) } ?? .null
          ),
          ("liquidity_price", liquidity.price.map { .string($0.fractionString) } ?? .null),
          ("conversion_shares", .int(liquidity.shares.count)),
          ("converted", .bool(distribution.classes.converted.contains(convertible.name))),
          (
            "payout",
            .string(distribution.classes.convertibles[index].decimalString(places: 2))
          ),
          ("payout_exact", .string(distribution.classes.convertibles[index].fractionString)),
        ])
      })
  }

  /// The distribution as JSON: exit value, distributable, common per share, holders' payouts,
  /// and the convertibles outstanding when `waterfall` is given.
  public static func json(_ distribution: WaterfallDistribution, waterfall: Waterfall? = nil)
    -> JSON
  {
    var fields: [(String, JSON)] = [
      ("exit_value", .string(distribution.exit.exitValue.decimalString(places: 2))),
      ("distributable", .string(distribution.distributable.decimalString(places: 2))),
      ("common_per_share", .string(distribution.commonPerShare.fractionString)),
      ("converted", .array(distribution.classes.converted.map(JSON.string))),
      (
        "rounding_difference",
        .string(Ratio(distribution.roundingDifference, 100).decimalString(places: 2))
      ),
      (
        "holders",
        .array(
          distribution.holders.map {
            .object([
              ("holder", .string($0.holderName)),
              ("payout", .string(Ratio($0.cents, 100).decimalString(places: 2))),
              ("payout_exact", .string($0.payout.fractionString)),
            ])
          })
      ),
    ]
    if let waterfall, !waterfall.capitalization.convertibles.isEmpty {
      fields.append(("convertibles", convertiblesJSON(distribution, waterfall)))
    }
    if let waterfall, !waterfall.capitalization.leftOutWarrants.isEmpty {
      fields.append(
        ("left_out_warrants", .array(waterfall.capitalization.leftOutWarrants.map(\.json))))
    }
    return JSON.object(fields)
  }
}
