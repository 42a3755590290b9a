import CapstanEngine
import CapstanModel

/// `compare OFFER...` as people and programs read it: one column per offer (text), one row
/// per metric (CSV), one object per offer (JSON).
public enum OfferComparisonReport {
  /// A metric: its JSON/CSV key, its title, and its value per offer.
  typealias Metric = (key: String, title: String, values: [String])

  /// The comparison as `format`; `unit` is the compute unit's name.
  public static func render(
    _ comparison: OfferComparison, company: Company, unit: String, drop: Ratio,
    format: ViewFormat
  ) -> String {
    let outcomes = comparison.outcomes
    let metrics = self.metrics(outcomes, currency: company.currency, unit: unit, drop: drop)
    let names = outcomes.map(\.priced.offer.name)
    switch format {
    case .csv:
      return CSV.render(header: ["metric"] + names, rows: metrics.map { [$0.key] + $0.values })
    case .json:
      return JSON.object([
        ("company", .string(company.name)),
        ("drop", .string(drop.percentString(places: 2))),
        (
          "offers",
          .array(
            names.indices.map { index in
              .object(
                [("offer", .string(names[index]))]
                  + metrics.map { ($0.key, .string($0.values[index])) }
                  + [("liquidity", .string(outcomes[index].liquidity))])
            })
        ),
      ]).render()
    case .text:
      var table = TextTable([("", .left)] + names.map { ($0, .right) })
      for metric in metrics { table.add([metric.title] + metric.values) }
      var text =
        "\(company.name): offers compared (priced by the round engine; nothing written)\n\n"
      text += table.render() + "\nLiquidity\n"
      for outcome in outcomes {
        text += "  \(outcome.priced.offer.name): \(outcome.liquidity)\n"
      }
      return text
    }
  }

  /// Months of runway to one place; "> N" past the horizon.
  static func months(_ projection: RunwayProjection) -> String {
    guard projection.months.contains(where: { $0.cashOut > .zero }) else { return "-" }
    return projection.runway.map { $0.decimalString(places: 1) }
      ?? "> \(RunwayProjection.horizon)"
  }

  static func metrics(
    _ outcomes: [OfferComparison.Outcome], currency: Currency, unit: String, drop: Ratio
  ) -> [Metric] {
    let money = { (value: Ratio) in Money(value, currency).formatted }
    let count = { (value: Shares) in value.ratio.decimalString(places: 0, grouping: true) }
    func row(_ key: String, _ title: String, _ value: (OfferComparison.Outcome) -> String)
      -> Metric
    { (key, title, outcomes.map(value)) }
    var metrics: [Metric] = [
      row("price_per_share", "Price per share") {
        Price($0.priced.result.price.rounded, currency).formatted(places: 4)
      },
      row("pre_money", "Pre-money") { money($0.priced.result.preMoneyValuation) },
      row("cash", "Cash") { money($0.priced.offer.cash) },
      row("tokens_agreed_value", "Tokens at the agreed price") {
        money($0.priced.offer.tokenValue)
      },
      row("credits", "Cloud credits") { money($0.priced.offer.creditValue) },
      row("revenue_share_credits", "Revenue-share credits") {
        money($0.priced.offer.revenueShareValue)
      },
      row("post_money", "Post-money") { money($0.priced.result.postMoneyValuation) },
      row("post_money_fully_diluted", "Post-money fully diluted") {
        count($0.priced.result.postMoneyFullyDiluted)
      },
      row("pool_increase", "Pool increase") { count($0.priced.result.pool.increase) },
      row("conversion_shares", "SAFE and note shares") {
        count($0.priced.result.conversions.reduce(Shares.zero) { $0 + $1.shares })
      },
    ]
    // Holders by key (stakeholder id, new investor's name, pool), in first appearance order.
    var keys: [(key: String, name: String)] = []
    for outcome in outcomes {
      for holder in outcome.holders where !keys.contains(where: { $0.key == holder.key }) {
        keys.append((holder.key, holder.name))
      }
    }
    for (key, name) in keys {
      metrics.append(
        row("holder:\(key)", "\(name), fully diluted after") { outcome in
          guard let holder = outcome.holders.first(where: { $0.key == key }) else { return "-" }
          return "\(count(holder.after)) (\(holder.fractionAfter.percentString(places: 2)))"
        })
    }
    var providers: [String] = []
    for outcome in outcomes {
      for provider in outcome.providers where !providers.contains(provider.name) {
        providers.append(provider.name)
      }
    }
    for name in providers {
      let stake = { (outcome: OfferComparison.Outcome) in
        outcome.providers.first { $0.name == name }
      }
      metrics += [
        row("provider:\(name):shares", "\(name): shares for tokens") {
          stake($0).map { count($0.shares) } ?? "-"
        },
        row("provider:\(name):fully_diluted", "\(name): fully diluted") {
          stake($0).map { $0.fullyDiluted.percentString(places: 2) } ?? "-"
        },
        row("provider:\(name):votes", "\(name): votes") {
          stake($0).map { $0.votes.percentString(places: 2) } ?? "-"
        },
      ]
    }
    metrics += [
      row("compute_units", "Compute bought (\(unit)s)") {
        $0.computeUnits.decimalString(places: 0, grouping: true)
      },
      row("runway_months", "Runway, redeeming (months)") { months($0.runway) },
      row("runway_if_sold_months", "Runway, selling unlocked") { months($0.runwayIfSold) },
      row("tokens_value_today", "Tokens at market") { money($0.valueToday) },
      row("tokens_value_after_drop", "Tokens after a \(drop.percentString(places: 0)) fall") {
        money($0.valueAfterDrop)
      },
      row("runway_after_drop_months", "Runway, selling after the fall") {
        months($0.runwayAfterDrop)
      },
    ]
    if outcomes.contains(where: { !$0.revenueShares.isEmpty }) {
      metrics += [
        row("revenue_share_paid", "Revenue share: total paid") {
          $0.revenueShares.isEmpty ? "-" : money(Ratio.sum($0.revenueShares.map(\.totalPaid)))
        },
        row("revenue_share_months", "Revenue share: months to repay") {
          $0.revenueShares.isEmpty
            ? "-"
            : $0.revenueShares.map { $0.monthsToRepay.map(String.init) ?? "not in plan" }
              .joined(separator: ", ")
        },
      ]
    }
    metrics += computeSAFEMetrics(outcomes, currency: currency)
    metrics.append(
      row("control", "Largest votes after") { outcome in
        outcome.control.map { "\($0.name) \($0.votes.percentString(places: 1))" }
          .joined(separator: ", ")
      })
    return metrics
  }
}
