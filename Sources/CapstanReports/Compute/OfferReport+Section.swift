import CapstanEngine
import CapstanModel

extension OfferReport {
  /// The company report's section for an offer not yet closed (`report company --offer`):
  /// its key numbers, runway month by month (redeeming and selling tokens as they unlock) as
  /// a table and as a chart of the cash at the start of each month; its compute-SAFE legs
  /// (drawn by the runway in their windows) with their estimated conversion.
  public static func section(
    _ priced: PricedOffer, redeeming: RunwayProjection, selling: RunwayProjection,
    currency: Currency
  ) -> ReportSection {
    let result = priced.result
    let months = { (projection: RunwayProjection) -> ReportCell in
      projection.runway.map { .quantity($0) } ?? .text("> \(RunwayProjection.horizon)")
    }
    let rows = redeeming.months.map { month -> [ReportCell] in
      [
        .count(month.index + 1), .date(month.date), .money(month.cashStart),
        .quantity(month.unlocked), .quantity(month.redeemed),
        .quantity(month.unitsBoughtWithCash), .money(month.cashOut), .money(month.cashEnd),
      ]
    }
    let length = max(redeeming.months.count, selling.months.count)
    let cash = { (projection: RunwayProjection) in
      (0..<length).map { index in
        index < projection.months.count ? max(.zero, projection.months[index].cashStart) : .zero
      }
    }
    let chart = LineChart(
      title: "Cash at the start of each month",
      x: (0..<length).map { Ratio($0 + 1) }, xLabels: (0..<length).map { "\($0 + 1)" },
      series: [
        ChartSeries(name: "redeeming tokens", values: cash(redeeming)),
        ChartSeries(name: "selling tokens", values: cash(selling)),
      ], format: .money(currency))
    return ReportSection(
      key: "offer", title: "Offer \(priced.offer.name) (not closed)",
      facts: [
        ReportFact("offer", "Offer", .text(priced.offer.name)),
        ReportFact("closing", "Closing", .date(priced.offer.closing)),
        ReportFact("price_per_share", "Price per share", .price(result.price.rounded)),
        ReportFact(
          "post_money_fully_diluted", "Post-money fully diluted",
          .shares(result.postMoneyFullyDiluted)),
        ReportFact("runway_months", "Runway, redeeming tokens (months)", months(redeeming)),
        ReportFact("runway_if_sold_months", "Runway, selling tokens (months)", months(selling)),
      ]
        + redeeming.priceNotes.map { note in
          ReportFact(
            "token_price_source:\(note.symbol)", "\(note.symbol) valued at",
            .text(note.source.key))
        },
      tables: [
        ReportTable(
          key: "runway", title: "Runway month by month (redeeming tokens as they unlock)",
          columns: [
            .init("month", "Month"), .init("from", "From"), .init("cash_start", "Cash at start"),
            .init("unlocked", "Tokens unlocked"), .init("redeemed", "Tokens redeemed"),
            .init("bought_with_cash", "Compute bought with cash"),
            .init("cash_out", "Cash out"), .init("cash_end", "Cash at end"),
          ], rows: rows)
      ] + tokenPriceTables(redeeming.priceNotes) + computeSAFETables(priced),
      charts: [ReportChart(key: "runway", svg: chart.svg())],
      notes: [
        "The table and the rest of this report are as if the offer had closed on its closing "
          + "date; nothing is written to the ledger. Runway counts the cash given plus the "
          + "offer's cash; tokens are redeemed or sold only once unlocked."
      ]
        + redeeming.priceNotes.filter(\.isFallback).map { note in
          "The base price of \(note.symbol) is \(Price(note.price, currency).formatted(places: 4)): "
            + "\(note.reason)."
        })
  }

  /// The token prices the offer's figures use (`TokenPriceNote`), as a table (none without
  /// token investors): symbol, base price, where it comes from and why; the text's note says
  /// the same of a price that is not a market price.
  static func tokenPriceTables(_ notes: [TokenPriceNote]) -> [ReportTable] {
    guard !notes.isEmpty else { return [] }
    return [
      ReportTable(
        key: "token_prices", title: "Token prices used",
        columns: [
          .init("symbol", "Token"), .init("price", "Base price"), .init("source", "Source"),
          .init("reason", "Why"),
        ],
        rows: notes.map { note in
          [.text(note.symbol), .price(note.price), .text(note.source.key), .text(note.reason)]
        })
    ]
  }

  /// The compute-SAFE legs of the offer as a table (none without legs): provider, GPU-hours,
  /// agreed price and value, window, cap, discount, and the estimated conversion, fully
  /// drawn, at the better of the cap and the discount with this round standing in for the
  /// next.
  static func computeSAFETables(_ priced: PricedOffer) -> [ReportTable] {
    let estimates = priced.computeSAFEEstimates
    guard !estimates.isEmpty else { return [] }
    return [
      ReportTable(
        key: "compute_safes", title: "Compute-SAFE legs (convert at the next priced round)",
        columns: [
          .init("provider", "Provider"), .init("gpu_hours", "GPU-hours"),
          .init("agreed_price", "Agreed price"), .init("agreed_value", "Agreed value"),
          .init("window_start", "Window from"), .init("window_end", "Window to"),
          .init("valuation_cap", "Cap"), .init("discount", "Discount"),
          .init("estimated_price", "Est. price"), .init("estimate_basis", "At the"),
          .init("estimated_shares", "Est. shares"),
        ],
        rows: estimates.map { estimate in
          let leg = estimate.leg
          return [
            .text(leg.provider), .quantity(leg.commitment), .price(leg.agreedPrice),
            .money(leg.agreedValue), .date(leg.windowStart), .date(leg.windowEnd),
            leg.valuationCap.map { .money($0) } ?? .none,
            leg.discount.map { .percent($0) } ?? .none,
            estimate.price.map { .price($0) } ?? .none,
            estimate.basis.map { .text($0.rawValue) } ?? .none,
            estimate.shares.map { .shares($0) } ?? .none,
          ]
        })
    ]
  }
}
