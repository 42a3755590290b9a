import CapstanEngine
import CapstanModel

extension TermSheetDeal {
  /// The context every template renders from; names are listed in docs/termsheets.md.
  ///
  /// - Parameter safe: the SAFE the `post-money-safe` fields describe (`investor`,
  ///   `purchase_amount`, `valuation_cap`...); nil leaves them out.
  public func context(safe selected: SAFE? = nil) throws(DocumentError) -> TermSheetFields {
    let format = TermSheetFormat(currency: currency)
    var fields = TermSheetFields()
    let postMoney = result.postMoneyFullyDiluted
    func share(_ shares: Shares) -> String {
      format.percent(postMoney.count == 0 ? .zero : Ratio(shares.count, postMoney.count))
    }

    fields.set("company", company)
    fields.set("currency", currency.code)
    fields.set("round_name", roundName)
    fields.set("class_name", newClass.name)
    fields.set("security", security)
    fields.set("closing_date", format.date(result.closing))
    fields["closed"] = .flag(closed)
    fields.set("price_per_share", format.price(result.price.rounded))
    fields.set("pre_money_valuation", format.money(result.preMoneyValuation))
    fields.set("post_money_valuation", format.money(result.postMoneyValuation))
    fields.set("new_money", format.money(result.newMoney))
    fields.set("pre_money_fully_diluted", format.shares(result.preMoneyFullyDiluted))
    fields.set("post_money_fully_diluted", format.shares(postMoney))
    let newShares = result.investors.reduce(Shares.zero) { $0 + $1.shares }
    fields.set("new_shares", format.shares(newShares))
    fields.set("new_shares_percent", share(newShares))

    let tokenLines = try self.tokenLines()
    fields["investors"] = .list(
      result.investors.enumerated().map { line, investor in
        var row = TermSheetFields()
        row.set("name", investor.name)
        let leg = tokenLines.first { $0.line == line }?.terms
        row.set("consideration", leg.map { considerationText($0, format) } ?? "cash")
        row["paid_in_tokens"] = .flag(leg != nil)
        row.set("class", security)
        row.set("amount", format.money(investor.amount))
        row.set("shares", format.shares(investor.shares))
        row.set("cost", format.money(investor.cost))
        row.set("percent", share(investor.shares))
        return row
      })
    fields["conversions"] = .list(result.conversions.map { conversionRow($0, format, share) })
    fields["has_conversions"] = .flag(!result.conversions.isEmpty)

    fields.set("pool_before", format.shares(result.pool.existing))
    fields.set("pool_increase", format.shares(result.pool.increase))
    fields.set("pool_after", format.shares(result.pool.unissuedAfter))
    fields.set("pool_percent", share(result.pool.unissuedAfter))
    fields.set("pool_target", ifPresent: result.pool.target.map { format.percent($0.target) })

    fields["pro_forma"] = .list(
      result.proForma.rows.map { row in
        var fields = TermSheetFields()
        fields.set("name", row.kind == .pool ? "Unissued option pool" : row.name)
        fields.set("before", format.shares(row.before))
        fields.set("percent_before", format.percent(row.fractionBefore))
        fields.set("conversion", format.shares(row.conversion))
        fields.set("new_shares", format.shares(row.newMoney + row.proRata + row.poolIncrease))
        fields.set("after", format.shares(row.after))
        fields.set("percent_after", format.percent(row.fractionAfter))
        return fields
      })
    fields.set("pro_forma_total_before", format.shares(result.proForma.totalBefore))
    fields.set("pro_forma_total_after", format.shares(result.proForma.totalAfter))

    let preference = newClass.preference
    fields.set("liquidation_multiple", format.multiple(preference.multiple))
    switch preference.participation {
    case .none:
      fields.set("participation", "non-participating")
      fields["participating"] = .flag(false)
    case .full:
      fields.set("participation", "fully participating")
      fields["participating"] = .flag(true)
    case .capped(let multiple):
      fields.set("participation", "participating, capped at \(format.multiple(multiple))")
      fields["participating"] = .flag(true)
      fields.set("participation_cap", format.multiple(multiple))
    }
    fields.set("seniority", seniorityText)
    fields.set("anti_dilution", Self.antiDilutionText(newClass.antiDilution))
    fields["anti_dilution_adjustments"] = .list(
      antiDilution.map { item in
        var row = TermSheetFields()
        row.set("class", item.name)
        row.set("protection", Self.antiDilutionText(item.adjustment.protection))
        row.set("cp1", format.price(item.adjustment.cp1))
        row.set("cp2", format.price(item.adjustment.cp2))
        row.set("as_converted", format.shares(item.adjustment.asConvertedShares))
        return row
      })

    fields["has_anti_dilution_adjustments"] = .flag(!antiDilution.isEmpty)
    fields.set("preferred_name", preferredName)
    fields.values.merge(try roundLegFields(tokenLines, format)) { $1 }
    fields.values.merge(revenueShareFields(format, signatories: fields["signatories"])) { $1 }

    if let selected { fields.values.merge(try safeFields(selected, format, share)) { $1 } }
    if let compute { fields.values.merge(try computeFields(compute, format)) { $1 } }
    return fields
  }

  /// "Series A Preferred Stock" (the class name, "Preferred Stock" added unless it says so).
  var security: String { Self.stockName(newClass.name) }

  /// A class's name as a security: "Preferred Stock" added unless the name says so.
  static func stockName(_ name: String) -> String {
    if name.lowercased().contains("preferred") {
      return name.lowercased().hasSuffix("stock") ? name : name + " Stock"
    }
    return name + " Preferred Stock"
  }

  var seniorityText: String {
    let rank = newClass.preference.seniority
    guard let highest = existingPreferredRanks.max() else {
      return "senior to the Common Stock"
    }
    if rank > highest { return "senior to all existing Preferred Stock and to the Common Stock" }
    if rank == highest {
      return
        "pari passu with the most senior existing Preferred Stock, and senior to the Common Stock"
    }
    return "junior to the more senior existing Preferred Stock, and senior to the Common Stock"
  }

  static func antiDilutionText(_ protection: AntiDilution) -> String {
    switch protection {
    case .none: "none"
    case .broadBasedWeightedAverage: "broad-based weighted average"
    case .narrowBasedWeightedAverage: "narrow-based weighted average"
    case .fullRatchet: "full ratchet"
    }
  }

  static func bindingText(_ binding: BindingTerm) -> String {
    switch binding {
    case .cap: "valuation cap"
    case .discount: "discount"
    case .roundPrice: "round price"
    }
  }

  func conversionRow(
    _ conversion: SecurityConversion, _ format: TermSheetFormat, _ share: (Shares) -> String
  ) -> TermSheetFields {
    var row = TermSheetFields()
    row.set("security_id", conversion.id.rawValue)
    row.set("holder", conversion.holder.name)
    switch conversion.instrument {
    case .safe(let kind, _): row.set("instrument", "\(kind.rawValue) SAFE")
    case .note: row.set("instrument", "convertible note")
    }
    row.set("amount", format.money(conversion.convertingAmount))
    row.set("valuation_cap", ifPresent: conversion.terms.valuationCap.map(format.money))
    row.set("discount", ifPresent: conversion.terms.discount.map(format.percent))
    row.set("cap_price", ifPresent: conversion.capPrice.map(format.exactPrice))
    row.set("discount_price", ifPresent: conversion.discountPrice.map(format.exactPrice))
    row.set("capitalization", format.count(conversion.capitalization))
    row.set("conversion_price", format.exactPrice(conversion.conversionPrice))
    row.set("bound_by", Self.bindingText(conversion.binding))
    row.set("shares", format.shares(conversion.shares))
    row.set("percent", share(conversion.shares))
    // The class it converts into: its own sub-series (Safe Preferred) or the round class.
    let names = result.conversionSeries(className: newClass.name, policy: conversionSeries)
    let name = zip(result.conversions, names).first { $0.0.id == conversion.id }?.1
    row.set("series", Self.stockName(name ?? newClass.name))
    return row
  }

  func safeFields(_ safe: SAFE, _ format: TermSheetFormat, _ share: (Shares) -> String)
    throws(DocumentError) -> [String: TermSheetValue]
  {
    var fields = TermSheetFields()
    fields.set("safe_id", safe.id.rawValue)
    fields.set("investor", safe.holder.name)
    fields.set("purchase_amount", format.money(safe.purchaseAmount))
    fields.set("safe_date", ifPresent: safe.issued.map(format.date))
    fields.set("safe_kind", safe.kind.rawValue)
    fields["post_money_safe"] = .flag(safe.kind == .postMoney)
    fields.set("valuation_cap", ifPresent: safe.terms.valuationCap.map(format.money))
    fields.set("discount", ifPresent: safe.terms.discount.map(format.percent))
    fields.set(
      "discount_rate", ifPresent: safe.terms.discount.map { format.percent(.one - $0) })
    switch safe.mostFavoredNation {
    case .none: fields["mfn"] = .flag(false)
    case .granted, .adopting: fields["mfn"] = .flag(true)
    }
    fields["pro_rata"] = .flag(safe.proRata)
    if let conversion = result.conversions.first(where: { $0.id == safe.id }) {
      fields["conversion"] = .fields(conversionRow(conversion, format, share))
    }
    if let position = computeSAFEs[safe.id] {
      fields["compute_safe"] = .fields(computeSAFEFields(position, format))
    }
    return fields.values
  }

  func computeFields(_ compute: ComputeEquityTerms, _ format: TermSheetFormat)
    throws(DocumentError) -> [String: TermSheetValue]
  {
    // The provider's line by position when the terms come from the round (its name must still
    // be the provider's: terms edited by hand can name someone else), else by name.
    let line = compute.investorLine.flatMap {
      result.investors.indices.contains($0) ? result.investors[$0] : nil
    }
    let candidate = line ?? result.investors.first { $0.name == compute.provider }
    guard let investor = candidate, investor.name == compute.provider else {
      throw DocumentError.dealMismatch(
        "the compute provider \(compute.provider) does not invest in \(roundName) (investors: \(result.investors.map(\.name).joined(separator: ", ")))"
      )
    }
    guard investor.amount == compute.investment else {
      throw DocumentError.dealMismatch(
        "\(compute.provider) invests \(format.money(investor.amount)) in \(roundName), but its tokens at the agreed price come to \(format.money(compute.investment))"
      )
    }
    return legFields(compute, investor: investor, format)
  }

  /// The fields of one token investor's terms, given its line of the round's investors.
  func legFields(
    _ compute: ComputeEquityTerms, investor: InvestorAllocation, _ format: TermSheetFormat
  ) -> [String: TermSheetValue] {
    var fields = TermSheetFields()
    let token = compute.token
    fields.set("provider", compute.provider)
    fields.set("token_symbol", token.symbol)
    fields.set("token_unit", token.unit)
    fields.set("gpu_type", token.gpuType)
    fields.set("units_per_token", format.count(token.unitsPerToken))
    fields.set("token_issuer", token.issuer)
    fields.set("tokens", format.count(compute.tokens))
    fields.set("compute_units", format.count(compute.tokens * token.unitsPerToken))
    fields.set("agreed_token_price", format.exactPrice(compute.agreedTokenPrice))
    fields.set("investment", format.money(compute.investment))
    fields.set("market_price", ifPresent: compute.marketPrice.map(format.exactPrice))
    fields.set("shares", format.shares(investor.shares))
    let row = result.proForma.row(investor.investor)
    fields.set(
      "fully_diluted_percent",
      format.percent(
        row?.fractionAfter
          ?? Ratio(investor.shares.count, max(1, result.postMoneyFullyDiluted.count))))
    let inStep = compute.equityRelease == .inStepWithDelivery
    fields["released_in_step"] = .flag(inStep)
    fields.set(
      "equity_release",
      inStep
        ? "released in step with the tokens delivered: floor(shares × tokens delivered ÷ tokens granted)"
        : "issued in full at closing")
    var rows: [(date: String, delivered: Ratio, cumulative: Ratio)] = []
    switch compute.delivery {
    case .schedule(let schedule):
      fields.set("delivery_start", format.date(schedule.start))
      fields.set("delivery_months", "\(schedule.months)")
      fields.set("cliff_months", "\(schedule.cliffMonths)")
      let frequency =
        switch schedule.frequencyMonths {
        case 1: "monthly"
        case 3: "quarterly"
        case 12: "annually"
        default: "every \(schedule.frequencyMonths) months"
        }
      fields.set("delivery_frequency", frequency)
      let cliff =
        schedule.cliffMonths > 0 ? ", with a \(schedule.cliffMonths)-month cliff" : ""
      fields.set(
        "delivery_summary",
        "\(frequency) over \(schedule.months) months from \(format.date(schedule.start))\(cliff)")
      rows = schedule.tranches(of: compute.tokens).map {
        (format.date($0.date), $0.delivered, $0.cumulative)
      }
    case .atClosing(let date):
      fields.set("delivery_summary", "in full at closing, on \(format.date(date))")
      rows = [(format.date(date), compute.tokens, compute.tokens)]
    case .priceGated(let start, let tranches, let end):
      fields.set(
        "delivery_summary",
        "in tranches, each when the Token's market price first reaches its target on or after \(format.date(start)), and in any case on \(format.date(end))"
      )
      var cumulative = Ratio.zero
      for tranche in tranches.sorted(by: { $0.target < $1.target }) {
        cumulative = cumulative + tranche.tokens
        rows.append(
          (
            "at \(format.exactPrice(tranche.target)) (by \(format.date(end)))", tranche.tokens,
            cumulative
          ))
      }
    case .terms(let terms):
      fields.set("delivery_start", format.date(terms.start))
      fields.set("delivery_summary", Self.deliverySummary(terms, format: format))
      let total = Shares(compute.tokens.floorInt64 ?? 0)
      var before = Shares.zero
      for installment in terms.installments(of: total) {
        rows.append(
          (
            format.date(installment.date), (installment.cumulative - before).ratio,
            installment.cumulative.ratio
          ))
        before = installment.cumulative
      }
      for milestone in terms.milestoneAmounts(of: total) {
        before = before + milestone.amount
        rows.append(("on milestone \(milestone.name)", milestone.amount.ratio, before.ratio))
      }
    }
    var releasedBefore = Shares.zero
    fields["delivery_schedule"] = .list(
      rows.map { row in
        var fields = TermSheetFields()
        fields.set("date", row.date)
        fields.set("tokens", format.count(row.delivered))
        fields.set("cumulative", format.count(row.cumulative))
        let released =
          inStep
          ? Shares(
            Int64(exactly: (investor.shares.ratio * row.cumulative / compute.tokens).floor) ?? 0)
          : investor.shares
        fields.set("shares_released", format.shares(inStep ? released - releasedBefore : .zero))
        fields.set("cumulative_shares", format.shares(released))
        releasedBefore = released
        return fields
      })
    fields.set("token_expiry", ifPresent: compute.expiry.map(format.date))
    fields.set("clawback_events", ifPresent: compute.clawbackOn)
    if let volatility = compute.priceVolatility {
      var provision = TermSheetFields()
      provision.set("threshold", format.percent(volatility.threshold))
      provision.set("measurement", volatility.measurement)
      provision.set("remedy", volatility.remedy)
      fields["price_volatility"] = .fields(provision)
    }
    return fields.values
  }
  /// "monthly over 24 months from D, with a 6-month cliff, on 2 dated tranches and on the
  /// milestones named below" for the delivery paragraph.
  static func deliverySummary(_ terms: VestingTerms, format: TermSheetFormat) -> String {
    var parts: [String] = []
    if let periodic = terms.periodic {
      let unit = periodic.unit == .months ? "month" : "day"
      let frequency =
        switch (periodic.unit, periodic.frequency) {
        case (.months, 1): "monthly"
        case (.months, 3): "quarterly"
        case (.months, 12): "annually"
        case (.days, 1): "daily"
        case (.days, 7): "weekly"
        default: "every \(periodic.frequency) \(unit)s"
        }
      var text = "\(frequency) over \(periodic.length) \(unit)s from \(format.date(terms.start))"
      if periodic.cliff > 0 {
        text += ", with a \(periodic.cliff)-\(unit) cliff"
        if let portion = periodic.cliffPortion {
          text += " delivering \(format.percent(portion)) of the scheduled Tokens"
        }
      }
      parts.append(text)
    }
    if !terms.tranches.isEmpty {
      parts.append(
        terms.tranches.count == 1 ? "on the dated tranche below" : "on the dated tranches below")
    }
    if !terms.milestones.isEmpty {
      parts.append(
        terms.milestones.count == 1
          ? "on the milestone named below, when it is reached"
          : "on the milestones named below, each when it is reached")
    }
    if parts.count > 1 { parts[parts.count - 1] = "and " + parts[parts.count - 1] }
    return parts.joined(separator: ", ")
  }
}
