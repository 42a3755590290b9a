import CapstanEngine
import CapstanModel

extension OfferReport {
  /// A compute-SAFE leg's terms in words: commitment, agreed price and value, window, cap,
  /// discount and SLA suspension.
  static func computeSAFETerms(_ leg: Offer.ComputeSAFELeg, currency: Currency) -> String {
    var text =
      "\(leg.commitment.decimalString(places: 0, grouping: true)) GPU-hours at "
      + "\(Price(leg.agreedPrice, currency).formatted(places: 4)) = "
      + "\(Money(leg.agreedValue, currency).formatted) agreed value, drawn "
      + "\(leg.windowStart) to \(leg.windowEnd)"
    text += leg.valuationCap.map { ", cap \(Money($0, currency).formatted)" } ?? ", no cap"
    text += leg.discount.map { ", discount \($0.percentString(places: 2))" } ?? ""
    if leg.slaSuspension { text += ", SLA suspension" }
    return text
  }

  /// The estimated conversion in words, labelled as an estimate.
  static func computeSAFEEstimate(_ estimate: ComputeSAFEEstimate) -> String {
    guard let shares = estimate.shares else { return "no cap: not estimated" }
    return "est. \(shares.ratio.decimalString(places: 0, grouping: true)) shares"
  }

  /// The compute-SAFE legs as `offer show` prints them.
  static func computeSAFEText(_ priced: PricedOffer, currency: Currency) -> String {
    var text = ""
    for estimate in priced.computeSAFEEstimates {
      text +=
        "  Compute-SAFE from \(estimate.leg.provider): "
        + "\(computeSAFETerms(estimate.leg, currency: currency))\n"
        + "    no shares in this round (converts at the next priced round); "
      if let shares = estimate.shares, let price = estimate.capPrice {
        text +=
          "estimated conversion if fully drawn, at the cap on this round's "
          + "\(priced.result.postMoneyFullyDiluted.ratio.decimalString(places: 0, grouping: true))"
          + " shares fully diluted: cap price "
          + "\(Price(price, currency).formatted(places: 4)), "
          + "\(shares.ratio.decimalString(places: 0, grouping: true)) shares (an estimate)\n"
      } else {
        text += "no cap: not estimated\n"
      }
    }
    if !priced.offer.computeSAFEs.isEmpty {
      text +=
        "    round save --from-offer does not carry it: record it with capstan compute-safe "
        + "add once signed\n"
    }
    return text
  }

  /// The compute-SAFE legs as JSON.
  static func computeSAFEJSON(_ priced: PricedOffer) -> JSON {
    .array(
      priced.computeSAFEEstimates.map { estimate in
        let leg = estimate.leg
        return .object([
          ("provider", .string(leg.provider)),
          ("commitment_gpu_hours", .string(leg.commitment.decimalString(places: 2))),
          ("agreed_price", .string(leg.agreedPrice.decimalString(places: 4))),
          ("agreed_value", .string(leg.agreedValue.decimalString(places: 2))),
          ("window_start", .string(leg.windowStart.iso)),
          ("window_end", .string(leg.windowEnd.iso)),
          ("valuation_cap", leg.valuationCap.map { .string($0.decimalString(places: 2)) } ?? .null),
          ("discount", leg.discount.map { .string($0.percentString(places: 2)) } ?? .null),
          ("sla_suspension", .bool(leg.slaSuspension)),
          (
            "estimated_shares_at_cap",
            estimate.shares.map { .string($0.ratio.decimalString(places: 0)) } ?? .null
          ),
        ])
      })
  }
}

extension OfferReport {
  /// What `offer add` adds for compute-SAFE legs: one line each, or nothing.
  static func computeSAFEAddedNote(_ offer: Offer) -> String {
    offer.computeSAFEs.map { leg in
      "Compute-SAFE from \(leg.provider): no shares in this round (converts at the next priced "
        + "round); round save --from-offer does not carry it\n"
    }.joined()
  }
}

extension OfferComparisonReport {
  /// The compute-SAFE legs' rows (none when no offer has one): commitment, agreed value,
  /// window, cap and discount, and the estimated conversion at the cap, fully drawn, on the
  /// round's post-money fully diluted shares. Several legs of one offer are joined by "; ".
  static func computeSAFEMetrics(_ outcomes: [OfferComparison.Outcome], currency: Currency)
    -> [Metric]
  {
    guard outcomes.contains(where: { !$0.priced.offer.computeSAFEs.isEmpty }) else { return [] }
    func row(_ key: String, _ title: String, _ value: (ComputeSAFEEstimate) -> String) -> Metric {
      (
        key, title,
        outcomes.map { outcome in
          let estimates = outcome.priced.computeSAFEEstimates
          return estimates.isEmpty ? "-" : estimates.map(value).joined(separator: "; ")
        }
      )
    }
    let money = { (value: Ratio) in Money(value, currency).formatted }
    return [
      row("compute_safe_commitment", "Compute-SAFE: GPU-hours committed") {
        "\($0.leg.provider) \($0.leg.commitment.decimalString(places: 0, grouping: true))"
      },
      row("compute_safe_agreed_value", "Compute-SAFE: agreed value") {
        money($0.leg.agreedValue)
      },
      row("compute_safe_window", "Compute-SAFE: draw window") {
        "\($0.leg.windowStart) to \($0.leg.windowEnd)"
      },
      row("compute_safe_cap_discount", "Compute-SAFE: cap / discount") {
        ($0.leg.valuationCap.map(money) ?? "no cap") + " / "
          + ($0.leg.discount.map { $0.percentString(places: 2) } ?? "none")
      },
      row("compute_safe_estimated_shares", "Compute-SAFE: est. shares at cap, fully drawn") {
        OfferReport.computeSAFEEstimate($0)
      },
    ]
  }
}

extension OfferReport {
  /// What `round save --from-offer` adds: the legs the saved round does not carry (the
  /// compute-SAFEs, to record with `compute-safe add` once signed), or nothing.
  public static func notCarried(_ offer: Offer) -> String {
    offer.computeSAFEs.map { leg in
      "Not carried: the compute-SAFE from \(leg.provider) "
        + "(\(leg.commitment.decimalString(places: 0, grouping: true)) GPU-hours); record it "
        + "with capstan compute-safe add once signed\n"
    }.joined()
  }
}
