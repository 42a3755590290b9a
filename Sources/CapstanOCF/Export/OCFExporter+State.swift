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

  /// The OCF objects of one transaction: by its kind's `OCFEventMapping`, a list line in
  /// `skipped`, the objects its payload exports (`OCFExportedEvent`), or both.
  mutating func objects(for transaction: Transaction, skipped: inout [String: Int])
    -> [[String: Any]]
  {
    defer {
      for (reason, count) in termsSkipped { skipped[reason, default: 0] += count }
      termsSkipped = [:]
    }
    let event = transaction.event
    if event.amendsAdoption {
      skipped[OCFEventMapping.adoptionAmendmentLine, default: 0] += 1
      return []
    }
    let mapping = OCFEventMapping.of(event.kind)
    if let line = mapping.line { skipped[line, default: 0] += 1 }
    guard mapping.exportsObjects, let payload = event.payload as? any OCFExportedEvent else {
      return []
    }
    return payload.ocfObjects(
      in: &self, id: "tx-\(transaction.sequence)", date: transaction.date, skipped: &skipped)
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
