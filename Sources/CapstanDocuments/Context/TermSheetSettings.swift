import CapstanModel

/// The non-numeric fields a user sets with `--set key=value`: parties, law, dates, clauses.
///
/// Numbers are never settable: they come from the engine. A key that is neither settable nor a
/// name the template uses is an error, so a typo cannot silently do nothing; a custom template
/// may use names of its own and take their values from `--set`.
public enum TermSheetSettings {
  /// A settable field: its name and what it means.
  public struct Field: Sendable, Hashable {
    /// The context name.
    public var key: String
    /// What it is, for `capstan templates list` and the docs.
    public var summary: String
  }

  /// Every settable field, in the order the docs list them.
  public static let fields: [Field] = [
    Field(key: "company_legal_name", summary: "the company's legal name (default: its name)"),
    Field(
      key: "term_sheet_date", summary: "the date on the term sheet (default: the closing date)"),
    Field(key: "governing_law", summary: "governing law (default: the State of Delaware)"),
    Field(key: "lead_investor", summary: "the lead investor (default: the first investor)"),
    Field(key: "board_composition", summary: "the board after closing"),
    Field(key: "dividends", summary: "the dividend provision"),
    Field(key: "no_shop_days", summary: "days of exclusivity (default: 30)"),
    Field(key: "expenses_cap", summary: "cap on investor counsel fees the company pays"),
    Field(
      key: "major_investor_threshold",
      summary: "the investment that makes a Major Investor (information and pro rata rights)"),
    Field(key: "gpu_type", summary: "the GPUs the tokens run on (default: from the token's unit)"),
    Field(key: "clawback_events", summary: "events on which undelivered tokens are clawed back"),
    Field(key: "redemption_notice", summary: "notice to schedule a token redemption"),
  ]

  /// The settable keys.
  public static let keys: Set<String> = Set(fields.map(\.key))

  /// Every name the deal's context can hold (some only for some deals: a SAFE's cap, a
  /// compute deal's tokens). None can be set by hand, even when this deal lacks it: a
  /// `valuation_cap` is the engine's or nobody's. A test keeps this list complete.
  public static let computedNames: Set<String> = [
    "company", "currency", "round_name", "class_name", "security", "closing_date", "closed",
    "price_per_share", "pre_money_valuation", "post_money_valuation", "new_money",
    "pre_money_fully_diluted", "post_money_fully_diluted", "new_shares", "new_shares_percent",
    "investors", "conversions", "has_conversions", "pool_before", "pool_increase", "pool_after",
    "pool_percent", "pool_target", "pro_forma", "pro_forma_total_before",
    "pro_forma_total_after", "liquidation_multiple", "participation", "participating",
    "participation_cap", "seniority", "anti_dilution", "anti_dilution_adjustments",
    "has_anti_dilution_adjustments", "preferred_name", "signatories",
    // the round's token investors (the round-level sheet)
    "has_token_investors", "token_investors", "cash_raised", "token_investment",
    // the round's revenue-share credits
    "has_revenue_shares", "revenue_shares",
    // a SAFE
    "safe_id", "investor", "purchase_amount", "safe_date", "safe_kind", "post_money_safe",
    "valuation_cap", "discount", "discount_rate", "mfn", "pro_rata", "conversion",
    // a compute-for-equity deal
    "provider", "token_symbol", "token_unit", "units_per_token", "token_issuer",
    "tokens", "compute_units", "agreed_token_price", "investment", "market_price", "shares",
    "fully_diluted_percent", "delivery_start", "delivery_months", "cliff_months",
    "delivery_frequency", "delivery_summary", "released_in_step", "equity_release",
    "delivery_schedule",
    "token_expiry", "price_volatility",
  ]

  /// The clawback events of a token investment that names none.
  static let defaultClawbackEvents =
    "the Provider's failure to deliver a scheduled tranche within 30 days of its date, its insolvency, or its material breach of the data firewall"

  /// Default values for the settable fields of a deal, from its context; the term sheet is
  /// dated the closing date, else `today`.
  public static func defaults(
    _ context: TermSheetFields, currency: Currency, today: CalendarDate
  ) -> [String: String] {
    func text(_ name: String) -> String? {
      if case .text(let value) = context[name] { return value }
      return nil
    }
    let format = TermSheetFormat(currency: currency)
    var firstInvestor: String?
    if case .list(let rows) = context["investors"], let first = rows.first,
      case .text(let name) = first["name"]
    {
      firstInvestor = name
    }
    let security = text("security") ?? "Preferred Stock"
    var defaults: [String: String] = [
      "company_legal_name": text("company") ?? "the Company",
      "term_sheet_date": text("closing_date") ?? today.iso,
      "governing_law": "the State of Delaware",
      "board_composition":
        "three directors: two elected by the holders of Common Stock and one elected by the holders of \(security)",
      "dividends":
        "Dividends will be paid on the \(security) on an as-converted basis when, as and if paid on the Common Stock; no dividends accrue.",
      "no_shop_days": "30",
      "expenses_cap": format.money(Ratio(30_000)),
      "major_investor_threshold": format.money(Ratio(500_000)),
      "clawback_events": defaultClawbackEvents,
      "redemption_notice": "seven days' written notice",
    ]
    if let firstInvestor { defaults["lead_investor"] = firstInvestor }
    return defaults
  }

  /// The context with defaults filled in (dated `today` when the deal has no closing date)
  /// and `assignments` (`key=value`) applied.
  ///
  /// - Throws: `malformedSetting` for text without `=`, `computedSetting` for a name the deal
  ///   computes, `unknownSetting` for a key that is neither settable nor used by the template.
  public static func apply(
    _ assignments: [String], to context: TermSheetFields, currency: Currency,
    template: TermSheetTemplate, today: CalendarDate
  ) throws(DocumentError) -> TermSheetFields {
    var result = context
    for (key, value) in defaults(context, currency: currency, today: today) where result[key] == nil
    {
      result.set(key, value)
    }
    let used = template.names
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "=") else {
        throw DocumentError.malformedSetting(assignment)
      }
      let key = String(assignment[..<equals]).trimmingSpaces
      let value = String(assignment[assignment.index(after: equals)...])
      guard !key.isEmpty else { throw DocumentError.malformedSetting(assignment) }
      if keys.contains(key) {
        result.set(key, value)
      } else if context[key] != nil || computedNames.contains(key) {
        throw DocumentError.computedSetting(key: key)
      } else if used.contains(key) {
        result.set(key, value)
      } else {
        throw DocumentError.unknownSetting(key: key, known: fields.map(\.key))
      }
    }
    return result
  }
}
