import CapstanModel
import Foundation

/// The OCF objects of each exported payload (`OCFExportedEvent`).
extension ExportState {
  /// The OCF objects of `issueStock`.
  mutating func objects(
    _ e: StockIssuance, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    return issuance(
      id, date, security: e.security,
      Stock(
        holder: e.holder, shareClass: e.shareClass, quantity: e.quantity,
        price: e.pricePerShare, vesting: e.vesting, terms: e.vestingTerms))
  }

  /// The OCF objects of `grantOptions`.
  mutating func objects(
    _ e: OptionGrant, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    grants[e.security] = Grant(
      holder: e.holder, plan: e.plan, outstanding: e.quantity, strike: e.strike,
      terms: e.vestingTerms)
    holdersUsed.append(e.holder)
    var object = base("TX_EQUITY_COMPENSATION_ISSUANCE", id, date, security: e.security)
    object["custom_id"] = customIDs[e.security] ?? e.security.rawValue
    object["stakeholder_id"] = e.holder.rawValue
    object["stock_plan_id"] = e.plan.rawValue
    if let shareClass = planClass[e.plan] { object["stock_class_id"] = shareClass.rawValue }
    object["compensation_type"] = "OPTION"
    object["quantity"] = "\(e.quantity.count)"
    object["exercise_price"] = money(e.strike)
    object["expiration_date"] = e.expires.map { $0.description as Any } ?? NSNull()
    object["termination_exercise_windows"] = [] as [Any]
    object["security_law_exemptions"] = [] as [Any]
    if let terms = termsID(e.vesting), let start = e.vesting?.start {
      object["vesting_terms_id"] = terms
      return [object, vestingStart(id, start, e.security)]
    }
    if let rich = e.vestingTerms {
      object["vesting_terms_id"] = richTermsID(rich, quantity: e.quantity)
      return [object, vestingStart(id, rich.start, e.security, condition: ExportState.richStart)]
    }
    return [object]
  }

  /// The OCF objects of `exercise`.
  mutating func objects(
    _ e: Exercise, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    if warrantTerms[e.grant] != nil { return warrantExercise(id, date, e) }
    var object = base("TX_EQUITY_COMPENSATION_EXERCISE", id, date, security: e.grant)
    object["quantity"] = "\(e.quantity.count)"
    object["resulting_security_ids"] = [e.resultingSecurity.rawValue]
    guard var grant = grants[e.grant], let shareClass = planClass[grant.plan] else {
      return [object]
    }
    grant.outstanding -= e.quantity
    grants[e.grant] = grant
    let issued = e.issuedStock
    return [object]
      + issuance(
        id + "-result", date, security: e.resultingSecurity,
        Stock(
          holder: issued?.holder ?? grant.holder, shareClass: issued?.shareClass ?? shareClass,
          quantity: issued?.quantity ?? e.quantity, price: issued?.pricePerShare ?? grant.strike,
          vesting: nil))
  }

  /// The OCF objects of `transfer`.
  mutating func objects(
    _ e: Transfer, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    var object = base("TX_STOCK_TRANSFER", id, date, security: e.security)
    object["quantity"] = "\(e.quantity.count)"
    object["resulting_security_ids"] = [e.resultingSecurity.rawValue]
    if let balance = e.balanceSecurity { object["balance_security_id"] = balance.rawValue }
    guard let source = stock.removeValue(forKey: e.security) else { return [object] }
    var moved = source
    moved.holder = e.to
    moved.quantity = e.quantity
    return [object] + issuance(id + "-result", date, security: e.resultingSecurity, moved)
      + balance(id, date, source: source, taken: e.quantity, balance: e.balanceSecurity)
  }

  /// The OCF objects of `cancel`.
  mutating func objects(
    _ e: Cancellation, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    if var grant = grants[e.security] {
      grant.outstanding -= e.quantity
      grants[e.security] = grant
      var object = base("TX_EQUITY_COMPENSATION_CANCELLATION", id, date, security: e.security)
      object["quantity"] = "\(e.quantity.count)"
      object["reason_text"] = e.reason ?? "cancelled"
      return [object]
    }
    if let amount = convertibles.removeValue(forKey: e.security) {
      var object = base("TX_CONVERTIBLE_CANCELLATION", id, date, security: e.security)
      object["amount"] = money(amount)
      object["reason_text"] = e.reason ?? "cancelled"
      return [object]
    }
    if warrants.contains(e.security) {
      var object = base("TX_WARRANT_CANCELLATION", id, date, security: e.security)
      object["quantity"] = "\(e.quantity.count)"
      object["reason_text"] = e.reason ?? "cancelled"
      return [object]
    }
    var object = base("TX_STOCK_CANCELLATION", id, date, security: e.security)
    object["quantity"] = "\(e.quantity.count)"
    object["reason_text"] = e.reason ?? "cancelled"
    if let balance = e.balanceSecurity { object["balance_security_id"] = balance.rawValue }
    guard let source = stock.removeValue(forKey: e.security) else { return [object] }
    return [object]
      + balance(id, date, source: source, taken: e.quantity, balance: e.balanceSecurity)
  }

  /// The OCF objects of `repurchase`.
  mutating func objects(
    _ e: Repurchase, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    var object = base("TX_STOCK_REPURCHASE", id, date, security: e.security)
    object["quantity"] = "\(e.quantity.count)"
    object["price"] = money(e.pricePerShare)
    if let balance = e.balanceSecurity { object["balance_security_id"] = balance.rawValue }
    guard let source = stock.removeValue(forKey: e.security) else { return [object] }
    return [object]
      + balance(id, date, source: source, taken: e.quantity, balance: e.balanceSecurity)
  }

  /// The OCF objects of `split`.
  mutating func objects(
    _ e: StockSplit, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    splitConversions(e)
    let n = Int128(e.ratio.numerator.description) ?? 1
    let d = Int128(e.ratio.denominator.description) ?? 1
    func scaled(_ shares: Shares) -> Shares {
      Shares(Int64(clamping: Int128(shares.count) * n / d))
    }
    for (key, var position) in stock where position.shareClass == e.shareClass {
      position.quantity = scaled(position.quantity)
      position.price = position.price / e.ratio
      stock[key] = position
    }
    for (key, var grant) in grants where planClass[grant.plan] == e.shareClass {
      grant.outstanding = scaled(grant.outstanding)
      grant.strike = grant.strike / e.ratio
      grants[key] = grant
    }
    for (plan, shareClass) in planClass where shareClass == e.shareClass {
      reserves[plan] = scaled(reserves[plan] ?? .zero)
    }
    var object = base("TX_STOCK_CLASS_SPLIT", id, date)
    object["stock_class_id"] = e.shareClass.rawValue
    object["split_ratio"] = [
      "numerator": e.ratio.numerator.description, "denominator": e.ratio.denominator.description,
    ]
    return [object]
  }

  /// The OCF objects of `authorizeShares`.
  mutating func objects(
    _ e: SharesAuthorization, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    var object = base("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT", id, date)
    object["stock_class_id"] = e.shareClass.rawValue
    object["new_shares_authorized"] = "\(e.newTotal.count)"
    return [object]
  }

  /// The OCF objects of `increasePool`.
  mutating func objects(
    _ e: PoolIncrease, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    let total = (reserves[e.plan] ?? .zero) + e.quantity
    reserves[e.plan] = total
    var object = base("TX_STOCK_PLAN_POOL_ADJUSTMENT", id, date)
    object["stock_plan_id"] = e.plan.rawValue
    object["shares_reserved"] = "\(total.count)"
    return [object]
  }

  /// The OCF objects of `issueSAFE`.
  mutating func objects(
    _ e: SAFEIssuance, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    convertibles[e.security] = e.purchaseAmount
    var mechanism: [String: Any] = [
      "type": "SAFE_CONVERSION", "conversion_mfn": e.mostFavoredNation,
      "conversion_timing": e.kind == .preMoney ? "PRE_MONEY" : "POST_MONEY",
    ]
    if let cap = e.valuationCap { mechanism["conversion_valuation_cap"] = money(cap) }
    if let discount = e.discount {
      mechanism["conversion_discount"] = OCFExporter.number(discount)
    }
    var object = convertible(id, date, e.security, e.holder, "SAFE", e.purchaseAmount, mechanism)
    if e.proRata { object["pro_rata"] = OCFExporter.number(e.purchaseAmount) }
    // OCF's seniority ranks convertibles among themselves only: a rank beside the preferred
    // classes or as debt has no field.
    if e.rank != .withPreferred { skipped["SAFE or note rank at an exit", default: 0] += 1 }
    return [object]
  }

  /// The OCF objects of `issueNote`.
  mutating func objects(
    _ e: NoteIssuance, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    convertibles[e.security] = e.principal
    var mechanism: [String: Any] = [
      "type": "CONVERTIBLE_NOTE_CONVERSION",
      "interest_rates": [
        ["rate": OCFExporter.number(e.rate), "accrual_start_date": date.description]
      ],
      "day_count_convention": e.dayCount == .thirty360 ? "30_360" : "ACTUAL_365",
      "interest_payout": "DEFERRED", "interest_accrual_period": "ANNUAL",
      "compounding_type": e.compounding == .annual ? "COMPOUNDING" : "SIMPLE",
    ]
    if let cap = e.valuationCap { mechanism["conversion_valuation_cap"] = money(cap) }
    if let discount = e.discount {
      mechanism["conversion_discount"] = OCFExporter.number(discount)
    }
    if let definition = OCFCapBasis.text(e.capBasis) {
      mechanism["capitalization_definition"] = definition
    }
    if e.maturity != nil { skipped["note maturity date", default: 0] += 1 }
    if e.rank != .withPreferred { skipped["SAFE or note rank at an exit", default: 0] += 1 }
    return [convertible(id, date, e.security, e.holder, "NOTE", e.principal, mechanism)]
  }

  /// The OCF objects of `issueWarrant`.
  mutating func objects(
    _ e: WarrantIssuance, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    warrants.insert(e.security)
    warrantTerms[e.security] = e
    holdersUsed.append(e.holder)
    var object = base("TX_WARRANT_ISSUANCE", id, date, security: e.security)
    object["custom_id"] = customIDs[e.security] ?? e.security.rawValue
    object["stakeholder_id"] = e.holder.rawValue
    object["quantity"] = "\(e.quantity.count)"
    object["exercise_price"] = money(e.strike)
    object["purchase_price"] = money(.zero)
    object["security_law_exemptions"] = [] as [Any]
    if let expires = e.expires { object["warrant_expiration_date"] = expires.description }
    object["exercise_triggers"] = [
      [
        "type": "ELECTIVE_AT_WILL", "trigger_id": e.security.rawValue + "-exercise",
        "conversion_right": [
          "type": "WARRANT_CONVERSION_RIGHT",
          "converts_to_stock_class_id": e.shareClass.rawValue,
          "conversion_mechanism": [
            "type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": "\(e.quantity.count)",
          ],
        ],
      ]
    ]
    return [object]
  }

  /// The OCF objects of `convert`.
  mutating func objects(
    _ e: Conversion, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    if let stock = computeSAFEConversion(e, id, date, skipped: &skipped) { return stock }
    var object = base("TX_CONVERTIBLE_CONVERSION", id, date, security: e.security)
    object["resulting_security_ids"] = [e.resultingSecurity.rawValue]
    object["trigger_id"] = e.security.rawValue + "-conversion"
    object["reason_text"] = "converted at a priced round"
    convertibles[e.security] = nil
    let holder =
      ledger.transactions.lazy.compactMap { t -> Stakeholder.ID? in
        if let s = t.event.payload(as: SAFEIssuance.self), s.security == e.security {
          return s.holder
        }
        if let n = t.event.payload(as: NoteIssuance.self), n.security == e.security {
          return n.holder
        }
        return nil
      }.first ?? ""
    return [object]
      + issuance(
        id + "-result", date, security: e.resultingSecurity,
        Stock(
          holder: holder, shareClass: e.shareClass, quantity: e.quantity,
          price: e.pricePerShare, vesting: nil))
  }

  /// The OCF objects of `adjustConversionPrice`.
  mutating func objects(
    _ e: ConversionPriceChange, _ id: String, _ date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    return [ratioAdjustment(e, id: id, date)]
  }
}
