import CapstanModel

extension ExportState {
  /// Lists a correction as not exported: OCF 1.2.0 has no void, no amendment of a class's
  /// preference, anti-dilution or vote terms, no dated plan amendment and no stakeholder merge.
  /// The export holds the ledger as corrected (voided transactions are left out by the caller);
  /// classes, plans and securities keep their original terms and stakeholders.
  static func skipCorrection(_ event: LedgerEvent, skipped: inout [String: Int]) {
    let reason: String
    switch event {
    case .void: reason = "void (the voided transaction is left out)"
    case .amendClass: reason = "class amendment (the stock class keeps its original terms)"
    case .amendPlan(let amendment) where amendment.adopted != nil:
      reason =
        "plan amendment of the adoption date (the stock plan is exported with its adoption "
        + "date as last amended)"
    case .amendPlan:
      reason = "plan amendment (the stock plan keeps its adopted cancellation behaviour)"
    case .mergeHolders: reason = "holder merge (the securities keep their original stakeholder)"
    default: return
    }
    skipped[reason, default: 0] += 1
  }
}
