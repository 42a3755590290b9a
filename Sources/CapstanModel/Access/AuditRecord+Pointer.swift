/// The audit pointer (issue 20 item 4): every ledger row a write records keeps the id of that
/// write's audit record for its company, set when the row is inserted and never changed.
extension Array where Element == AuditRecord {
  /// The id of each company's record among these (a write makes at most one per company):
  /// the id its transaction rows point at.
  public var idsByCompany: [Company.ID: String] {
    var ids: [Company.ID: String] = [:]
    for record in self {
      if let company = record.company, ids[company] == nil { ids[company] = record.id }
    }
    return ids
  }
}

extension Workspace {
  /// The audit record of the write that recorded the company's transaction `sequence`; nil
  /// for a row written before rows kept the pointer (or an unknown sequence).
  public func auditRecord(ofTransaction sequence: Int, company: Company.ID) throws
    -> AuditRecord?
  {
    guard let id = try transactionAuditIDs(for: company)[sequence] else { return nil }
    return try auditRecords().first { $0.id == id }
  }
}

extension WorkspaceChanges {
  /// The audit records a store keeps for this write, in order: those copied from another
  /// workspace, then `made` (this write's own, `auditRecords()`).
  public func storedAudit(_ made: [AuditRecord]) -> [AuditRecord] { copiedAudit + made }

  /// The audit record `entry`'s row points at: for a copied company the record it pointed at
  /// in the workspace copied (nil there, nil here), else this write's record for its company
  /// (`made`: `idsByCompany` of this write's records).
  public func auditID(of entry: CompanyItem<Transaction>, made: [Company.ID: String]) -> String? {
    if let copied = copiedAuditIDs[entry.company] { return copied[entry.item.sequence] }
    return made[entry.company]
  }
}
