import CapstanEngine
import CapstanModel

/// A financing comparison as people and programs read it: one column per offer (text), one
/// row per metric (CSV), one object per offer (JSON).
public enum ComparisonReport {
  /// The outcomes as `format`; `provider` is the provider's name (empty: none), `unit` the
  /// compute unit's name.
  public static func render(
    _ outcomes: [FinancingComparison.Outcome], company: Company, date: CalendarDate,
    unit: String, provider: String, format: ViewFormat, laterEntries: JSON = .null
  ) -> String {
    let money = { (value: Ratio) in Money(value, company.currency).formatted }
    let percent = { (value: Ratio?) in value.map { $0.percentString(places: 2) } ?? "-" }
    let metrics: [(key: String, title: String, value: (FinancingComparison.Outcome) -> String)] = [
      ("amount", "Counted as", { money($0.amount) }),
      ("covers_need", "Covers the need", { $0.coversNeed ? "yes" : "no" }),
      ("founders_dilution", "Founders' dilution", { percent($0.foundersDilution) }),
      (
        "investor_fully_diluted", "New investor, fully diluted",
        { percent($0.investorFullyDiluted) }
      ),
      ("new_shares", "New shares", { $0.newShares.decimalString(places: 0, grouping: true) }),
      ("post_money", "Post-money", { $0.postMoney.map(money) ?? "-" }),
      (
        "compute_units", "Compute bought (\(unit)s)",
        { $0.computeUnits.decimalString(places: 0, grouping: true) }
      ),
      (
        "runway_months", "Runway (months)",
        { $0.runwayMonths.map { $0.decimalString(places: 1) } ?? "-" }
      ),
      ("value_today", "Value today", { money($0.valueToday) }),
      ("value_after_drop", "Value if the token falls", { money($0.valueAfterDrop) }),
      ("liquidity", "Liquidity", { $0.liquidity }),
      ("provider_fully_diluted", "Provider, fully diluted", { percent($0.providerFullyDiluted) }),
      ("provider_voting", "Provider, voting", { percent($0.providerVoting) }),
      (
        "provider_compute_share", "Provider's share of compute",
        { percent($0.providerComputeShare) }
      ),
    ]
    switch format {
    case .csv:
      return CSV.render(
        header: ["metric"] + outcomes.map(\.name),
        rows: metrics.map { metric in [metric.key] + outcomes.map(metric.value) })
    case .json:
      return JSON.object([
        ("company", .string(company.name)), ("as_of", .string(date.iso)),
        ("provider", .string(provider)),
        (
          "offers",
          .array(
            outcomes.map { outcome in
              .object(
                [("offer", .string(outcome.name))]
                  + metrics.map { ($0.key, .string($0.value(outcome))) })
            })
        ),
        ("later_entries", laterEntries),
      ]).render()
    case .text:
      var table = TextTable([("", .left)] + outcomes.map { ($0.name.capitalized, .right) })
      for metric in metrics where metric.key != "liquidity" {
        table.add([metric.title] + outcomes.map(metric.value))
      }
      var text =
        "\(company.name): financing compared as of \(date)"
        + (provider.isEmpty ? "" : " (provider: \(provider))") + "\n\n" + table.render()
      text += "\nLiquidity\n"
      for outcome in outcomes { text += "  \(outcome.name): \(outcome.liquidity)\n" }
      return text
    }
  }
}
