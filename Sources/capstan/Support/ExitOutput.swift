import BigInt
import CapstanEngine
import CapstanModel

/// Prints a waterfall distribution.
enum ExitOutput {
  static func describe(_ event: Breakpoint.Event) -> String {
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

  static func distribution(
    _ distribution: WaterfallDistribution, table: CapTable, company: Company, format: OutputFormat,
    classes classList: [WaterfallClass] = []
  ) -> String {
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    var invested: [String: Ratio] = [:]
    for (holder, amount) in table.investedCapital {
      invested[table.name(of: holder), default: .zero] += amount
    }
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
      var holders = TextTable([
        ("Holder", .left), ("Payout", .right), ("Share", .right), ("Invested", .right),
        ("Multiple", .right),
      ])
      for holder in distribution.holders {
        let paid = invested[holder.holder]
        let multiple = paid.flatMap { $0.isZero ? nil : holder.payout / $0 }
        holders.add([
          holder.holder, Money(Ratio(holder.cents, 100), company.currency).formatted,
          distribution.distributable.isZero
            ? "-" : (holder.payout / distribution.distributable).percentString(),
          paid.map(money) ?? "-", multiple.map { $0.decimalString(places: 2) + "x" } ?? "-",
        ])
      }
      let totalCents = distribution.holders.reduce(BigInt(0)) { $0 + $1.cents }
      holders.footer = [
        "Total", Money(Ratio(totalCents, 100), company.currency).formatted, "100.00%", "", "",
      ]
      return out + holders.render()
    case .csv:
      return CSV.render(
        header: ["holder", "payout", "payout_exact"],
        rows: distribution.holders.map {
          [$0.holder, Ratio($0.cents, 100).decimalString(places: 2), $0.payout.fractionString]
        })
    case .json:
      return json(distribution).render()
    }
  }

  /// The distribution as JSON: exit value, distributable, common per share, holders' payouts.
  static func json(_ distribution: WaterfallDistribution) -> JSON {
    JSON.object([
      ("exit_value", .string(distribution.exit.exitValue.decimalString(places: 2))),
      ("distributable", .string(distribution.distributable.decimalString(places: 2))),
      ("common_per_share", .string(distribution.commonPerShare.fractionString)),
      ("converted", .array(distribution.classes.converted.map(JSON.string))),
      (
        "holders",
        .array(
          distribution.holders.map {
            .object([
              ("holder", .string($0.holder)),
              ("payout", .string(Ratio($0.cents, 100).decimalString(places: 2))),
              ("payout_exact", .string($0.payout.fractionString)),
            ])
          })
      ),
    ])
  }
}
