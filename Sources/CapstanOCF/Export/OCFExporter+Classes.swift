import CapstanModel

/// STOCK_CLASS objects: seniority in OCF's order and the conversion rights.
extension OCFExporter {
  /// The STOCK_CLASS objects of a ledger's classes.
  ///
  /// OCF orders repayment by seniority, higher first, and common is paid last: common is
  /// written with seniority 1 and each preferred class with its rank moved up so the lowest is
  /// 2 (ranks 1 and 3 are written 2 and 4; equal ranks stay equal).
  static func classObjects(_ ledger: Ledger, currency: String) -> [[String: Any]] {
    let ranks = ledger.classes.filter { $0.kind == .preferred }.map {
      $0.preference?.seniority ?? 1
    }
    let offset = max(0, 2 - (ranks.min() ?? 2))
    let common = ledger.classes.first { $0.kind == .common }
    return ledger.classes.map { c in
      let seniority =
        c.kind == .common ? 1 : (c.preference?.seniority ?? 1) + offset
      var object: [String: Any] = [
        "object_type": "STOCK_CLASS", "id": c.id.rawValue, "name": c.name,
        "class_type": c.kind == .preferred ? "PREFERRED" : "COMMON",
        "default_id_prefix": OCFExporter.prefix(c.name),
        "initial_shares_authorized": "\(c.initialAuthorized.count)",
        "votes_per_share": OCFExporter.number(c.votesPerShare),
        "seniority": "\(seniority)",
      ]
      if let price = c.originalIssuePrice {
        object["price_per_share"] = OCFExporter.money(price, currency)
      }
      if let preference = c.preference {
        object["liquidation_preference_multiple"] = OCFExporter.number(preference.multiple)
        if case .capped(let multiple) = preference.participation {
          object["participation_cap_multiple"] = OCFExporter.number(multiple)
        }
      }
      let target: ShareClass.ID?
      let rounding: ConversionRounding
      switch c.conversion {
      case .standard:
        (target, rounding) = (c.kind == .preferred ? common?.id : nil, .floor)
      case .into(let into, _, let how): (target, rounding) = (into, how)
      case .none: (target, rounding) = (nil, .floor)
      }
      if let target {
        object["conversion_rights"] = [
          [
            "type": "STOCK_CLASS_CONVERSION_RIGHT",
            "conversion_mechanism": ratioMechanism(
              ratio: c.initialConversionRatio,
              price: c.conversionPrice ?? c.originalIssuePrice, rounding: rounding,
              currency: currency),
            "converts_to_future_round": false,
            "converts_to_stock_class_id": target.rawValue,
          ] as [String: Any]
        ]
      } else if c.kind == .preferred {
        object["conversion_rights"] = [[String: Any]]()
      }
      return object
    }
  }

  /// A RATIO_CONVERSION mechanism; OCF requires a conversion price, written 0 when the class
  /// has none (its ratio governs; the import reads a price of 0 as none).
  static func ratioMechanism(
    ratio: Ratio, price: Ratio?, rounding: ConversionRounding, currency: String
  ) -> [String: Any] {
    [
      "type": "RATIO_CONVERSION",
      "ratio": [
        "numerator": ratio.numerator.description, "denominator": ratio.denominator.description,
      ],
      "conversion_price": money(price ?? .zero, currency),
      "rounding_type": rounding.rawValue,
    ]
  }
}

/// Each class's conversion ratio and price as the exported ledger moves, for the
/// TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT items (the same rules as `CapTable`).
extension ExportState {
  /// The classes' conversion terms when created.
  static func initialConversions(_ ledger: Ledger) -> [ShareClass.ID: ClassConversionNow] {
    Dictionary(
      uniqueKeysWithValues: ledger.classes.map {
        (
          $0.id,
          ClassConversionNow(
            ratio: $0.initialConversionRatio, price: $0.conversionPrice ?? $0.originalIssuePrice)
        )
      })
  }

  /// A split moves the terms of the classes that convert into the split class, and the split
  /// class's own (NVCA model charter 4.7).
  mutating func splitConversions(_ split: StockSplit) {
    guard let splitClass = ledger.classes.first(where: { $0.id == split.shareClass }) else {
      return
    }
    func scale(_ id: ShareClass.ID, by factor: Ratio) {
      guard var now = conversions[id] else { return }
      now.ratio *= factor
      now.price = now.price.map { $0 / factor }
      conversions[id] = now
    }
    for c in ledger.classes where c.converts(into: splitClass) { scale(c.id, by: split.ratio) }
    if splitClass.hasConversionRight { scale(split.shareClass, by: .one / split.ratio) }
  }

  /// A TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT: the new price, and the ratio scaled by the
  /// old price ÷ the new.
  mutating func ratioAdjustment(_ change: ConversionPriceChange, id: String, _ date: CalendarDate)
    -> [String: Any]
  {
    var now = conversions[change.shareClass] ?? ClassConversionNow(ratio: .one, price: nil)
    if let cp1 = now.price, cp1 > .zero {
      now.ratio = now.ratio * cp1 / change.newConversionPrice
    }
    now.price = change.newConversionPrice
    conversions[change.shareClass] = now
    let rounding: ConversionRounding
    if case .into(_, _, let how) = ledger.classes.first(where: { $0.id == change.shareClass })?
      .conversion
    {
      rounding = how
    } else {
      rounding = .floor
    }
    var object = base("TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT", id, date)
    object["stock_class_id"] = change.shareClass.rawValue
    object["new_ratio_conversion_mechanism"] = OCFExporter.ratioMechanism(
      ratio: now.ratio, price: now.price, rounding: rounding, currency: currency)
    return object
  }
}

/// A class's conversion ratio and price at a point of the export.
struct ClassConversionNow {
  /// Target shares per share.
  var ratio: Ratio
  /// The conversion price, if any.
  var price: Ratio?
}
