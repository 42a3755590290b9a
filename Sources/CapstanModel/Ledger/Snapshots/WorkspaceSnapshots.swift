extension LedgerSnapshot {
  /// How many snapshots a store keeps per company (the latest checkpoints).
  public static let keptPerCompany = 3
}

/// Which stored snapshots a write makes stale: the store deletes them in the same transaction
/// as the write (`WorkspaceChanges.staleSnapshots`).
public struct StaleSnapshots: Sendable, Equatable {
  /// The company.
  public var company: Company.ID
  /// Snapshots whose checkpoint is dated on or after this day are stale; nil: all of them.
  public var from: CalendarDate?
}

extension WorkspaceChanges {
  /// The snapshots this write makes stale, per company it writes to: all of them when it
  /// records a void or a class or plan amendment, or adds a class or a plan; else those dated
  /// on or after the earliest transaction it records (a backdated one comes before their
  /// checkpoints).
  ///
  /// Replay checks every snapshot against the ledger before resuming from it
  /// (`Ledger.isValid(_:)`), so this is the store keeping its table small and true, not the
  /// only guard.
  public var staleSnapshots: [StaleSnapshots] {
    var earliest: [Company.ID: CalendarDate] = [:]
    var all: Set<Company.ID> = []
    var order: [Company.ID] = []
    func touch(_ company: Company.ID) {
      if earliest[company] == nil && !all.contains(company) { order.append(company) }
    }
    for entry in classes {
      touch(entry.company)
      all.insert(entry.company)
    }
    for entry in plans {
      touch(entry.company)
      all.insert(entry.company)
    }
    for entry in transactions {
      touch(entry.company)
      if entry.item.event.invalidatesSnapshots { all.insert(entry.company) }
      earliest[entry.company] = min(earliest[entry.company] ?? entry.item.date, entry.item.date)
    }
    return order.map { company in
      StaleSnapshots(company: company, from: all.contains(company) ? nil : earliest[company])
    }
  }
}
