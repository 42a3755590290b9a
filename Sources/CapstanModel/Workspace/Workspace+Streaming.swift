extension Workspace {
  /// The plain implementation: the events are collected and appended through `write(_:)`
  /// (fine for a workspace in memory; the SQLite store streams them instead).
  public func importStreaming<Context>(
    dryRun: Bool,
    header: (inout WorkspaceDraft) throws -> (company: Company.ID, context: Context),
    transactions: (Context, _ append: (CalendarDate, LedgerEvent) throws -> Void) throws -> Void
  ) throws -> Context {
    var kept: Context?
    do {
      try write { draft in
        let (company, context) = try header(&draft)
        guard try draft.ledger(for: company).transactions.isEmpty else {
          throw StreamedImportError.companyNotNew(company)
        }
        var events: [(date: CalendarDate, event: LedgerEvent)] = []
        try transactions(context) { date, event in events.append((date, event)) }
        try draft.append(events, to: company)
        kept = context
        if dryRun { throw StreamedImportError.dryRunRollback }
      }
    } catch StreamedImportError.dryRunRollback {}
    guard let kept else { throw StreamedImportError.dryRunRollback }
    return kept
  }
}

/// Misuse of `Workspace.importStreaming`.
public enum StreamedImportError: Error, CustomStringConvertible {
  /// The header named a company that already has transactions.
  case companyNotNew(Company.ID)
  /// Internal: unwinds a dry run's write.
  case dryRunRollback

  /// A sentence for the user.
  public var description: String {
    switch self {
    case .companyNotNew(let id): "company \(id) already has transactions; an import adds a new one"
    case .dryRunRollback: "dry run rolled back"
    }
  }
}
