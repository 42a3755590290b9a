import CapstanModel
import Foundation

/// What the exporter must know about securities to write the issuances OCF wants: who holds
/// each one, how many shares, at what price. Follows the ledger's own rules (splits floor
/// each position).
struct ExportState {
  struct Stock {
    var holder: Stakeholder.ID
    var shareClass: ShareClass.ID
    var quantity: Shares
    var price: Ratio
    var vesting: VestingSchedule?
    /// Richer vesting terms (they take the place of `vesting`).
    var terms: VestingTerms? = nil
  }

  struct Grant {
    var holder: Stakeholder.ID
    var plan: StockPlan.ID
    var outstanding: Shares
    var strike: Ratio
    /// Richer vesting terms, for the milestones a TX_VESTING_EVENT names.
    var terms: VestingTerms? = nil
  }

  let ledger: Ledger
  let currency: String
  var stock: [SecurityID: Stock] = [:]
  var grants: [SecurityID: Grant] = [:]
  var convertibles: [SecurityID: Ratio] = [:]
  var warrants: Set<SecurityID> = []
  /// Each warrant's terms, for the stock its exercises issue.
  var warrantTerms: [SecurityID: WarrantIssuance] = [:]
  var reserves: [StockPlan.ID: Shares] = [:]
  var planClass: [StockPlan.ID: ShareClass.ID] = [:]
  var vestingTerms: [String: (total: Int, cliff: Int, frequency: Int)] = [:]
  /// Richer terms written so far, by terms (see OCFExporter+Vesting.swift), and their objects.
  var richTermsIDs: [VestingTerms: String] = [:]
  var richTerms: [[String: Any]] = []
  /// Terms not exported, by reason (filled while writing issuances).
  var termsSkipped: [String: Int] = [:]
  /// The ledger replayed to the date of the last change of control or termination exported.
  var lastReplay: (date: CalendarDate, table: CapTable)?
  var holdersUsed: [Stakeholder.ID] = []
  /// The ids people know securities by (`Ledger.customIDs`), written as `custom_id`.
  var customIDs: [SecurityID: String] = [:]
  /// Each class's conversion ratio and price so far.
  var conversions: [ShareClass.ID: ClassConversionNow]

  init(ledger: Ledger) {
    self.ledger = ledger
    conversions = ExportState.initialConversions(ledger)
    currency = ledger.company.currency.code
    for plan in ledger.plans {
      reserves[plan.id] = plan.initialReserve
      planClass[plan.id] = plan.shareClass
    }
  }

  func money(_ value: Ratio) -> [String: String] { OCFExporter.money(value, currency) }

  mutating func termsID(_ vesting: VestingSchedule?) -> String? {
    guard let vesting else { return nil }
    let id = "vesting-\(vesting.totalMonths)-\(vesting.cliffMonths)-\(vesting.frequencyMonths)"
    vestingTerms[id] = (vesting.totalMonths, vesting.cliffMonths, vesting.frequencyMonths)
    return id
  }

  func base(_ type: String, _ id: String, _ date: CalendarDate, security: SecurityID? = nil)
    -> [String: Any]
  {
    var object: [String: Any] = ["object_type": type, "id": id, "date": date.description]
    if let security { object["security_id"] = security.rawValue }
    return object
  }

  /// A TX_STOCK_ISSUANCE for a security, and a TX_VESTING_START when it vests.
  mutating func issuance(_ id: String, _ date: CalendarDate, security: SecurityID, _ s: Stock)
    -> [[String: Any]]
  {
    stock[security] = s
    holdersUsed.append(s.holder)
    var object = base("TX_STOCK_ISSUANCE", id, date, security: security)
    object["custom_id"] = customIDs[security] ?? security.rawValue
    object["stakeholder_id"] = s.holder.rawValue
    object["stock_class_id"] = s.shareClass.rawValue
    object["share_price"] = money(s.price)
    object["quantity"] = "\(s.quantity.count)"
    object["security_law_exemptions"] = [] as [Any]
    object["stock_legend_ids"] = [] as [Any]
    var out = [object]
    if let terms = termsID(s.vesting), let start = s.vesting?.start {
      object["vesting_terms_id"] = terms
      out = [object, vestingStart(id, start, security)]
    } else if let rich = s.terms {
      object["vesting_terms_id"] = richTermsID(rich, quantity: s.quantity)
      out = [object, vestingStart(id, rich.start, security, condition: ExportState.richStart)]
    }
    return out
  }

  func vestingStart(
    _ id: String, _ date: CalendarDate, _ security: SecurityID, condition: String = "start"
  ) -> [String: Any] {
    var start = base("TX_VESTING_START", id + "-vesting-start", date, security: security)
    start["vesting_condition_id"] = condition
    return start
  }

  /// The remainder of a partial action, as its own issuance.
  mutating func balance(
    _ id: String, _ date: CalendarDate, source: Stock, taken: Shares, balance: SecurityID?
  ) -> [[String: Any]] {
    guard let balance, source.quantity > taken else { return [] }
    var rest = source
    rest.quantity = source.quantity - taken
    return issuance(id + "-balance", date, security: balance, rest)
  }

  // swiftlint:disable:next cyclomatic_complexity function_body_length
  mutating func objects(for transaction: Transaction, skipped: inout [String: Int])
    -> [[String: Any]]
  {
    let id = "tx-\(transaction.sequence)"
    let date = transaction.date
    defer {
      for (reason, count) in termsSkipped { skipped[reason, default: 0] += count }
      termsSkipped = [:]
    }
    switch transaction.event {
    case .grantCompute, .redeemTokens, .sellTokens, .clawbackTokens:
      // OCF has no compute tokens: listed, not exported.
      skipped["compute-token transaction (\(transaction.event.kind))", default: 0] += 1
      return []
    case .changeOfControl, .terminate, .reachMilestone, .accelerateVesting:
      return vestingEventObjects(transaction, skipped: &skipped)
    case .void, .amendClass, .mergeHolders, .amendPlan:
      ExportState.skipCorrection(transaction.event, skipped: &skipped)
      return []
    case .issueStock(let e):
      return issuance(
        id, date, security: e.security,
        Stock(
          holder: e.holder, shareClass: e.shareClass, quantity: e.quantity,
          price: e.pricePerShare, vesting: e.vesting, terms: e.vestingTerms))

    case .grantOptions(let e):
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

    case .exercise(let e) where warrantTerms[e.grant] != nil:
      return warrantExercise(id, date, e)

    case .exercise(let e):
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

    case .transfer(let e):
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

    case .cancel(let e):
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

    case .repurchase(let e):
      var object = base("TX_STOCK_REPURCHASE", id, date, security: e.security)
      object["quantity"] = "\(e.quantity.count)"
      object["price"] = money(e.pricePerShare)
      if let balance = e.balanceSecurity { object["balance_security_id"] = balance.rawValue }
      guard let source = stock.removeValue(forKey: e.security) else { return [object] }
      return [object]
        + balance(id, date, source: source, taken: e.quantity, balance: e.balanceSecurity)

    case .split(let e):
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

    case .authorizeShares(let e):
      var object = base("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT", id, date)
      object["stock_class_id"] = e.shareClass.rawValue
      object["new_shares_authorized"] = "\(e.newTotal.count)"
      return [object]

    case .increasePool(let e):
      let total = (reserves[e.plan] ?? .zero) + e.quantity
      reserves[e.plan] = total
      var object = base("TX_STOCK_PLAN_POOL_ADJUSTMENT", id, date)
      object["stock_plan_id"] = e.plan.rawValue
      object["shares_reserved"] = "\(total.count)"
      return [object]

    case .issueSAFE(let e):
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

    case .issueNote(let e):
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

    case .issueWarrant(let e):
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

    case .convert(let e):
      var object = base("TX_CONVERTIBLE_CONVERSION", id, date, security: e.security)
      object["resulting_security_ids"] = [e.resultingSecurity.rawValue]
      object["trigger_id"] = e.security.rawValue + "-conversion"
      object["reason_text"] = "converted at a priced round"
      convertibles[e.security] = nil
      let holder =
        ledger.transactions.lazy.compactMap { t -> Stakeholder.ID? in
          switch t.event {
          case .issueSAFE(let s) where s.security == e.security: s.holder
          case .issueNote(let n) where n.security == e.security: n.holder
          default: nil
          }
        }.first ?? ""
      return [object]
        + issuance(
          id + "-result", date, security: e.resultingSecurity,
          Stock(
            holder: holder, shareClass: e.shareClass, quantity: e.quantity,
            price: e.pricePerShare, vesting: nil))

    case .adjustConversionPrice(let e):
      return [ratioAdjustment(e, id: id, date)]
    }
  }

  mutating func convertible(
    _ id: String, _ date: CalendarDate, _ security: SecurityID, _ holder: Stakeholder.ID,
    _ type: String, _ amount: Ratio, _ mechanism: [String: Any]
  ) -> [String: Any] {
    holdersUsed.append(holder)
    var object = base("TX_CONVERTIBLE_ISSUANCE", id, date, security: security)
    object["custom_id"] = customIDs[security] ?? security.rawValue
    object["stakeholder_id"] = holder.rawValue
    object["convertible_type"] = type
    object["investment_amount"] = money(amount)
    object["seniority"] = 1
    object["security_law_exemptions"] = [] as [Any]
    object["conversion_triggers"] = [
      [
        "type": "UNSPECIFIED", "trigger_id": security.rawValue + "-conversion",
        "conversion_right": [
          "type": "CONVERTIBLE_CONVERSION_RIGHT", "conversion_mechanism": mechanism,
        ],
      ]
    ]
    return object
  }
}
