import CapstanModel

/// What the OCF export does with one kind of ledger event: the one table the exporter
/// (`ExportState.objects(for:skipped:)`) and `EveryKindOCFTests` read. A new kind gets a line
/// here; when it is exported, its payload conforms to `OCFExportedEvent` below.
public enum OCFEventMapping: Sendable, Hashable {
  /// Exported as the OCF transactions named.
  case exported(String)
  /// Not exported: listed in the export's `skipped` under this line.
  case notExported(String)
  /// Listed in `skipped` under this line (OCF has no transaction of its own for it); the
  /// effects it has are exported.
  case listed(String)

  /// The line listed in `skipped`, if any.
  public var line: String? {
    switch self {
    case .exported: nil
    case .notExported(let line), .listed(let line): line
    }
  }

  /// Whether the event's payload is turned into OCF objects.
  var exportsObjects: Bool {
    if case .notExported = self { return false }
    return true
  }

  /// The mapping of a kind.
  public static func of(_ kind: LedgerEvent.Kind) -> OCFEventMapping {
    table[kind] ?? .notExported("\(kind) (Capstan has no OCF mapping for it)")
  }

  /// A plan amendment of an adoption date, listed apart: the plan is exported with its
  /// adoption date as last amended.
  public static let adoptionAmendmentLine =
    "plan amendment of the adoption date (the stock plan is exported with its adoption date as "
    + "last amended)"

  /// Every kind's mapping. OCF 1.2.0 has no compute tokens, no void, no amendment of a class's
  /// preference, anti-dilution or vote terms, no dated plan amendment and no stakeholder merge:
  /// the export holds the ledger as corrected (voided transactions are left out), and classes,
  /// plans and securities keep their original terms and stakeholders.
  public static let table: [LedgerEvent.Kind: OCFEventMapping] = [
    .issue: .exported("TX_STOCK_ISSUANCE"),
    .grant: .exported("TX_EQUITY_COMPENSATION_ISSUANCE"),
    .exercise: .exported("TX_EQUITY_COMPENSATION_EXERCISE or TX_WARRANT_EXERCISE"),
    .transfer: .exported("TX_STOCK_TRANSFER"),
    .cancel: .exported(
      "TX_STOCK_CANCELLATION, TX_EQUITY_COMPENSATION_CANCELLATION, TX_CONVERTIBLE_CANCELLATION "
        + "or TX_WARRANT_CANCELLATION"),
    .repurchase: .exported("TX_STOCK_REPURCHASE"),
    .split: .exported("TX_STOCK_CLASS_SPLIT"),
    .authorize: .exported("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT"),
    .poolIncrease: .exported("TX_STOCK_PLAN_POOL_ADJUSTMENT"),
    .safe: .exported("TX_CONVERTIBLE_ISSUANCE"),
    .note: .exported("TX_CONVERTIBLE_ISSUANCE"),
    .warrant: .exported("TX_WARRANT_ISSUANCE"),
    .conversion: .exported("TX_CONVERTIBLE_CONVERSION"),
    .conversionPrice: .exported("TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT"),
    .computeGrant: .notExported("compute-token transaction (compute-grant)"),
    .tokenRedeem: .notExported("compute-token transaction (token-redeem)"),
    .tokenSale: .notExported("compute-token transaction (token-sale)"),
    .tokenClawback: .notExported("compute-token transaction (token-clawback)"),
    .changeOfControl: .listed(
      "change of control (no OCF transaction; its accelerations are exported)"),
    .termination: .listed(
      "termination (no OCF transaction; its accelerations and cancellations are exported)"),
    .milestone: .exported("TX_VESTING_EVENT"),
    .acceleration: .exported("TX_VESTING_ACCELERATION"),
    .void: .notExported("void (the voided transaction is left out)"),
    .classAmendment: .notExported("class amendment (the stock class keeps its original terms)"),
    .holderMerge: .notExported("holder merge (the securities keep their original stakeholder)"),
    .planAmendment: .notExported(
      "plan amendment (the stock plan keeps its adopted cancellation behaviour)"),
    .companyNote: .notExported("company note (OCF has no such transaction)"),
    .computeSAFE: .notExported("compute-SAFE (OCF has no object for a safe paid in compute)"),
    .computeSAFEDraw: .notExported(
      "compute-SAFE draw (OCF has no object for a safe paid in compute)"),
    .computeSAFEBreach: .notExported(
      "compute-SAFE SLA breach (OCF has no object for a safe paid in compute)"),
    .revenueShare: .notExported(
      "revenue share (OCF has no object for compute credits repaid out of revenue)"),
  ]
}

/// A payload the OCF export turns into objects (`ExportState.objects(_:_:_:skipped:)`).
protocol OCFExportedEvent: LedgerEventPayload {
  /// The OCF objects of this payload, recorded on `date` as transaction `id`.
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]]
}

extension StockIssuance: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension OptionGrant: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension Exercise: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension Transfer: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension Cancellation: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension Repurchase: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension StockSplit: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension SharesAuthorization: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension PoolIncrease: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension SAFEIssuance: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension NoteIssuance: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension WarrantIssuance: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension Conversion: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension ConversionPriceChange: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension MilestoneAchievement: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension AcceleratedVesting: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension ChangeOfControl: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}

extension Termination: OCFExportedEvent {
  func ocfObjects(
    in state: inout ExportState, id: String, date: CalendarDate, skipped: inout [String: Int]
  ) -> [[String: Any]] {
    state.objects(self, id, date, skipped: &skipped)
  }
}
