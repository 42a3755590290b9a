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
    guard let shares = estimate.shares, let basis = estimate.basis else {
      return "no cap or discount: not estimated"
    }
    return "est. \(shares.ratio.decimalString(places: 0, grouping: true)) shares at the "
      + (basis == .cap ? "cap" : "discount")
  }

  /// The compute-SAFE legs as `offer show` prints them.
  static func computeSAFEText(_ priced: PricedOffer, currency: Currency) -> String {
    var text = ""
    let price = { (value: Ratio) in Price(value, currency).formatted(places: 4) }
    for estimate in priced.computeSAFEEstimates {
      text +=
        "  Compute-SAFE from \(estimate.leg.provider): "
        + "\(computeSAFETerms(estimate.leg, currency: currency))\n"
        + "    no shares in this round (converts at the next priced round); "
      if let shares = estimate.shares, let basis = estimate.basis {
        var prices: [String] = []
        if let cap = estimate.capPrice { prices.append("cap price \(price(cap))") }
        if let discount = estimate.discountPrice {
          prices.append("discount price \(price(discount))")
        }
        text +=
          "estimated conversion if fully drawn, with this round standing in for the next ("
          + "\(priced.result.postMoneyFullyDiluted.ratio.decimalString(places: 0, grouping: true))"
          + " shares fully diluted, \(price(priced.result.price.rounded)) a share): "
          + prices.joined(separator: ", ") + "; at the "
          + (basis == .cap ? "cap" : "discount") + ", "
          + "\(shares.ratio.decimalString(places: 0, grouping: true)) shares (an estimate)\n"
      } else {
        text += "no cap or discount: not estimated\n"
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
            "estimated_cap_price",
            estimate.capPrice.map { .string($0.decimalString(places: 6)) } ?? .null
          ),
          (
            "estimated_discount_price",
            estimate.discountPrice.map { .string($0.decimalString(places: 6)) } ?? .null
          ),
          ("estimate_basis", estimate.basis.map { .string($0.rawValue) } ?? .null),
          (
            "estimated_shares",
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
  /// The compute-SAFE legs' rows (none when no offer has one): provider, commitment, agreed
  /// value, window, cap, discount, and the estimated conversion, fully drawn, at the better of
  /// the cap and the discount with the offer's round standing in for the next. Several legs
  /// of one offer are joined by "; ".
  static func computeSAFEMetrics(_ outcomes: [OfferComparison.Outcome], currency: Currency)
    -> [Metric]
  {
    guard outcomes.contains(where: { !$0.priced.offer.computeSAFEs.isEmpty }) else { return [] }
    func row(_ key: String, _ title: String?, _ value: (ComputeSAFEEstimate) -> Cell) -> Metric {
      Metric(
        key: key, title: title,
        cells: outcomes.map { outcome in
          let estimates = outcome.priced.computeSAFEEstimates
          guard !estimates.isEmpty else { return .blank }
          let cells = estimates.map(value)
          return Cell(
            text: cells.map(\.text).joined(separator: "; "),
            plain: cells.map { $0.plain ?? "" }.joined(separator: "; "))
        })
    }
    let money = { (value: Ratio) in OfferComparisonReport.money(value, currency) }
    return [
      row("compute_safe_provider", "Compute-SAFE: provider") {
        Cell(text: $0.leg.provider, plain: $0.leg.provider)
      },
      row("compute_safe_commitment", "Compute-SAFE: GPU-hours committed") {
        Cell(
          text: $0.leg.commitment.decimalString(places: 0, grouping: true),
          plain: $0.leg.commitment.decimalString(places: 2, minimumPlaces: 0))
      },
      row("compute_safe_agreed_value", "Compute-SAFE: agreed value") {
        money($0.leg.agreedValue)
      },
      row("compute_safe_window", "Compute-SAFE: draw window") {
        let window = "\($0.leg.windowStart) to \($0.leg.windowEnd)"
        return Cell(text: window, plain: "\($0.leg.windowStart.iso):\($0.leg.windowEnd.iso)")
      },
      row("compute_safe_cap", "Compute-SAFE: cap") {
        $0.leg.valuationCap.map(money) ?? Cell(text: "no cap", plain: nil)
      },
      row("compute_safe_discount", "Compute-SAFE: discount") {
        $0.leg.discount.map(fraction) ?? Cell(text: "none", plain: nil)
      },
      row("compute_safe_estimated_shares", "Compute-SAFE: est. shares, fully drawn") {
        Cell(
          text: OfferReport.computeSAFEEstimate($0),
          plain: $0.shares.map { $0.ratio.decimalString(places: 0) })
      },
      row("compute_safe_estimate_basis", nil) {
        Cell(text: "", plain: $0.basis?.rawValue)
      },
    ]
  }
}

extension OfferReport {
  /// What `round save --from-offer` adds: the legs the saved round does not carry (the
  /// compute-SAFEs, to record with `compute-safe add` once signed; the revenue shares, with
  /// `revenue-share add` dated on the closing, where the round's term sheet finds them), or
  /// nothing.
  public static func notCarried(_ offer: Offer) -> String {
    offer.computeSAFEs.map { leg in
      "Not carried: the compute-SAFE from \(leg.provider) "
        + "(\(leg.commitment.decimalString(places: 0, grouping: true)) GPU-hours); record it "
        + "with capstan compute-safe add once signed\n"
    }.joined()
      + offer.revenueShares.map { leg in
        let terms = RevenueShareIssuance(
          security: "RS", provider: "", credits: leg.credits, percentage: leg.percentage,
          capMultiple: leg.capMultiple)
        let from = leg.provider.isEmpty ? "" : " from \(leg.provider)"
        return "Not carried: the revenue share\(from) "
          + "(\(leg.credits.decimalString(places: 2, grouping: true)) of credits, "
          + "\(terms.percentageText) of revenue, cap \(terms.capMultipleText)); record it with "
          + "capstan revenue-share add --date \(offer.closing) once signed\n"
      }.joined()
  }
}
