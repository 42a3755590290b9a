import CapstanEngine
import CapstanModel

/// `compare OFFER...` as people and programs read it: one column per offer (text, values
/// formatted), one row per metric (CSV), one object per offer (JSON). CSV and JSON carry plain
/// numbers (no currency sign, no grouping, percentages as numbers of percent), empty (CSV) or
/// null (JSON) where the text shows "-".
public enum OfferComparisonReport {
  /// One offer's value of a metric: as people read it and as programs do (nil: none).
  struct Cell {
    /// The formatted value ("$1,234.00", "12.30%").
    var text: String
    /// The plain value ("1234.00", "12.30"), nil where there is none.
    var plain: String?

    /// No value for this offer: "-" in text, empty or null for programs.
    static let blank = Cell(text: "-", plain: nil)
  }

  /// A metric: its JSON/CSV key (nil: text only), its title in the text table (nil: CSV and
  /// JSON only), and its value per offer.
  struct Metric {
    var key: String?
    var title: String?
    var cells: [Cell]
  }

  /// The comparison as `format`; `unit` is the compute unit's name.
  public static func render(
    _ comparison: OfferComparison, company: Company, unit: String, drop: Ratio,
    format: ViewFormat
  ) -> String {
    let outcomes = comparison.outcomes
    let metrics = self.metrics(outcomes, currency: company.currency, unit: unit, drop: drop)
    let data: [(key: String, cells: [Cell])] = metrics.compactMap { metric in
      metric.key.map { (key: $0, cells: metric.cells) }
    }
    let names = outcomes.map(\.priced.offer.name)
    switch format {
    case .csv:
      return CSV.render(
        header: ["metric"] + names,
        rows: data.map { entry in [entry.key] + entry.cells.map { $0.plain ?? "" } })
    case .json:
      var offers: [JSON] = []
      for index in names.indices {
        var fields: [(String, JSON)] = [("offer", .string(names[index]))]
        for (key, cells) in data {
          fields.append((key, cells[index].plain.map { JSON.string($0) } ?? .null))
        }
        fields.append(("liquidity", .string(outcomes[index].liquidity)))
        fields.append(("token_prices", priceNotesJSON(outcomes[index].priceNotes)))
        offers.append(.object(fields))
      }
      return JSON.object([
        ("company", .string(company.name)),
        ("drop_percent", .string(percent(drop))),
        ("offers", .array(offers)),
      ]).render()
    case .text:
      var table = TextTable([("", .left)] + names.map { ($0, .right) })
      for metric in metrics {
        guard let title = metric.title else { continue }
        table.add([title] + metric.cells.map(\.text))
      }
      var text =
        "\(company.name): offers compared (priced by the round engine; nothing written)\n\n"
      text += table.render() + "\nLiquidity\n"
      for outcome in outcomes {
        text += "  \(outcome.priced.offer.name): \(outcome.liquidity)\n"
      }
      text += priceNotesText(outcomes, currency: company.currency)
      return text
    }
  }

  /// A fraction as a plain number of percent to two places (0.1 → "10.00").
  static func percent(_ fraction: Ratio) -> String {
    (fraction * Ratio(100)).decimalString(places: 2)
  }

  /// Months of runway to one place (text) or two (plain); "> N" past the horizon, "-" when
  /// nothing is spent (plain: none).
  static func months(_ projection: RunwayProjection) -> Cell {
    guard projection.months.contains(where: { $0.cashOut > .zero }) else { return .blank }
    guard let runway = projection.runway else {
      return Cell(text: "> \(RunwayProjection.horizon)", plain: nil)
    }
    return Cell(text: runway.decimalString(places: 1), plain: runway.decimalString(places: 2))
  }

  /// Money formatted in `currency` and plain to the cent.
  static func money(_ value: Ratio, _ currency: Currency) -> Cell {
    Cell(text: Money(value, currency).formatted, plain: value.decimalString(places: 2))
  }

  /// A share count grouped and plain.
  static func count(_ value: Shares) -> Cell {
    Cell(
      text: value.ratio.decimalString(places: 0, grouping: true),
      plain: value.ratio.decimalString(places: 0))
  }

  /// A fraction as "12.30%" and "12.30".
  static func fraction(_ value: Ratio) -> Cell {
    Cell(text: value.percentString(places: 2), plain: percent(value))
  }

  static func metrics(
    _ outcomes: [OfferComparison.Outcome], currency: Currency, unit: String, drop: Ratio
  ) -> [Metric] {
    let money = { (value: Ratio) in Self.money(value, currency) }
    func row(_ key: String?, _ title: String?, _ value: (OfferComparison.Outcome) -> Cell)
      -> Metric
    { Metric(key: key, title: title, cells: outcomes.map(value)) }
    var metrics: [Metric] = [
      row("price_per_share", "Price per share") {
        let price = $0.priced.result.price.rounded
        return Cell(
          text: Price(price, currency).formatted(places: 4), plain: price.decimalString(places: 4))
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
    metrics += holderMetrics(outcomes) + providerMetrics(outcomes)
    metrics += [
      row("compute_units", "Compute bought (\(unit)s)") {
        Cell(
          text: $0.computeUnits.decimalString(places: 0, grouping: true),
          plain: $0.computeUnits.decimalString(places: 0))
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
          $0.revenueShares.isEmpty ? .blank : money(Ratio.sum($0.revenueShares.map(\.totalPaid)))
        },
        row("revenue_share_months", "Revenue share: months to repay") {
          guard !$0.revenueShares.isEmpty else { return .blank }
          let months = $0.revenueShares.map(\.monthsToRepay)
          return Cell(
            text: months.map { $0.map(String.init) ?? "not in plan" }.joined(separator: ", "),
            plain: months.map { $0.map(String.init) ?? "" }.joined(separator: "; "))
        },
      ]
    }
    metrics += computeSAFEMetrics(outcomes, currency: currency)
    metrics.append(
      row("token_price_source", nil) { outcome in
        outcome.priceNotes.isEmpty
          ? .blank
          : Cell(
            text: "",
            plain: outcome.priceNotes.map { "\($0.symbol)=\($0.source.key)" }
              .joined(separator: "; "))
      })
    metrics.append(
      row("control", "Largest votes after") { outcome in
        Cell(
          text: outcome.control.map { "\($0.name) \($0.votes.percentString(places: 1))" }
            .joined(separator: ", "),
          plain: outcome.control.map { "\($0.name)=\(percent($0.votes))" }
            .joined(separator: "; "))
      })
    return metrics
  }

  /// Each holder's fully diluted shares and stake after (by key: stakeholder id, new
  /// investor's name, pool, in first appearance order): one text row "8,000,000 (57.16%)",
  /// and for programs the shares (`holder:KEY`) and the percent (`holder:KEY:percent`).
  static func holderMetrics(_ outcomes: [OfferComparison.Outcome]) -> [Metric] {
    var keys: [(key: String, name: String)] = []
    for outcome in outcomes {
      for holder in outcome.holders where !keys.contains(where: { $0.key == holder.key }) {
        keys.append((holder.key, holder.name))
      }
    }
    return keys.flatMap { entry -> [Metric] in
      let (key, name) = entry
      let holders = outcomes.map { $0.holders.first { $0.key == key } }
      return [
        Metric(
          key: nil, title: "\(name), fully diluted after",
          cells: holders.map { holder in
            holder.map {
              Cell(
                text: "\(count($0.after).text) (\($0.fractionAfter.percentString(places: 2)))",
                plain: nil)
            } ?? .blank
          }),
        Metric(
          key: "holder:\(key)", title: nil,
          cells: holders.map { $0.map { count($0.after) } ?? .blank }),
        Metric(
          key: "holder:\(key):percent", title: nil,
          cells: holders.map { $0.map { fraction($0.fractionAfter) } ?? .blank }),
      ]
    }
  }

  /// Each token investor's shares for tokens, fully diluted stake and share of the votes.
  static func providerMetrics(_ outcomes: [OfferComparison.Outcome]) -> [Metric] {
    var providers: [String] = []
    for outcome in outcomes {
      for provider in outcome.providers where !providers.contains(provider.name) {
        providers.append(provider.name)
      }
    }
    return providers.flatMap { name -> [Metric] in
      let stakes = outcomes.map { $0.providers.first { $0.name == name } }
      return [
        Metric(
          key: "provider:\(name):shares", title: "\(name): shares for tokens",
          cells: stakes.map { $0.map { count($0.shares) } ?? .blank }),
        Metric(
          key: "provider:\(name):fully_diluted", title: "\(name): fully diluted",
          cells: stakes.map { $0.map { fraction($0.fullyDiluted) } ?? .blank }),
        Metric(
          key: "provider:\(name):votes", title: "\(name): votes",
          cells: stakes.map { $0.map { fraction($0.votes) } ?? .blank }),
      ]
    }
  }

  /// The lines under the text table for token prices that are not market prices: which price
  /// stands in and why, per offer (nothing when every token has a market price).
  static func priceNotesText(_ outcomes: [OfferComparison.Outcome], currency: Currency)
    -> String
  {
    var text = ""
    for outcome in outcomes {
      for note in outcome.priceNotes where note.isFallback {
        text +=
          "  \(outcome.priced.offer.name): \(note.symbol) at "
          + "\(Price(note.price, currency).formatted(places: 4)): \(note.reason)\n"
      }
    }
    return text.isEmpty ? "" : "\nToken prices (not market prices)\n" + text
  }

  /// The token prices an offer's figures use, for programs: symbol, price, source, reason.
  static func priceNotesJSON(_ notes: [TokenPriceNote]) -> JSON {
    .array(
      notes.map { note in
        .object([
          ("symbol", .string(note.symbol)),
          ("price", .string(note.price.decimalString(places: 6, minimumPlaces: 2))),
          ("source", .string(note.source.key)),
          ("reason", .string(note.reason)),
        ])
      })
  }
}
