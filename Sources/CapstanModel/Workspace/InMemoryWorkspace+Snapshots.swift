import Foundation

extension InMemoryWorkspace {
  /// The company's stored replay snapshots.
  public func snapshots(for company: Company.ID) throws -> [LedgerSnapshot] {
    lock.withLock { storedSnapshots[company] ?? [] }
  }

  /// Keeps a snapshot (see `Workspace.saveSnapshot(_:)`).
  /// The lock is only tried: a replay inside a write's body (which holds it) saves nothing.
  public func saveSnapshot(_ snapshot: LedgerSnapshot) throws {
    guard lock.try() else { return }
    defer { lock.unlock() }
    do {
      let highest = transactions[snapshot.company]?.map(\.sequence).max() ?? 0
      guard highest == snapshot.lastSequence else { return }
      var kept = (storedSnapshots[snapshot.company] ?? []).filter {
        ($0.date, $0.sequence) != (snapshot.date, snapshot.sequence)
      }
      kept.append(snapshot)
      kept.sort { $1.precedes($0) }
      storedSnapshots[snapshot.company] = Array(kept.prefix(LedgerSnapshot.keptPerCompany))
    }
  }

  /// Deletes the snapshots a write made stale (called inside the write, under the lock).
  func dropSnapshots(_ stale: [StaleSnapshots]) {
    for entry in stale {
      guard let from = entry.from else {
        storedSnapshots[entry.company] = nil
        continue
      }
      storedSnapshots[entry.company]?.removeAll { $0.date >= from }
    }
  }
}
