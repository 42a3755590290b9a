import CapstanModel
import Foundation
import GRDB

extension SQLiteWorkspace {
  /// The company's stored replay snapshots.
  public func snapshots(for company: Company.ID) throws -> [LedgerSnapshot] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).snapshots(for: company) }
    }
  }

  /// Keeps a snapshot (see `Workspace.saveSnapshot(_:)`), in a short transaction of its own:
  /// only when the company's highest sequence is still the snapshot's `lastSequence`.
  ///
  /// Best effort, for a read that took a checkpoint (`ledger(for:)` sets it as the ledger's
  /// `snapshotSink`): nothing is saved while a `write(_:)` runs, through a workspace opened
  /// read-only, or when another connection holds the database (it is not waited for: the
  /// read goes on and the next one saves). It writes through the reading connection, so a
  /// file in rollback-journal mode stays one.
  public func saveSnapshot(_ snapshot: LedgerSnapshot) throws {
    guard writesInProgress.withLock({ $0 == 0 }), !queue.configuration.readonly else { return }
    try translatingDatabaseErrors {
      try queue.writeWithoutTransaction { db in
        let wait = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
        try db.execute(sql: "PRAGMA busy_timeout = 0")
        defer { try? db.execute(sql: "PRAGMA busy_timeout = \(wait)") }
        do {
          try db.inTransaction(.immediate) {
            try WorkspaceWriter(db: db).save(snapshot)
            return .commit
          }
        } catch let error as DatabaseError
          where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
          return
        }
      }
    }
  }

  /// Deletes every stored snapshot (after a migration).
  func dropAllSnapshots() throws {
    try translatingDatabaseErrors {
      try writer().write { db in
        if try db.tableExists("snapshots") { try db.execute(sql: "DELETE FROM snapshots") }
      }
    }
  }
}

extension Ledger {
  /// The ledger, whose replay saves its checkpoints into `workspace` (best effort).
  func savingSnapshots(to workspace: SQLiteWorkspace) -> Ledger {
    var ledger = self
    ledger.snapshotSink = { snapshot in try? workspace.saveSnapshot(snapshot) }
    return ledger
  }
}

extension WorkspaceReader {
  /// The company's stored snapshots (none in a file from before `v15-snapshots`); a row that
  /// cannot be read is left out, as a snapshot that does not apply is.
  func snapshots(for company: Company.ID) throws -> [LedgerSnapshot] {
    guard try db.tableExists("snapshots") else { return [] }
    let rows = try Row.fetchCursor(
      db.cachedStatement(
        sql: """
          SELECT date, sequence, format, fingerprint, covered, last_sequence, state
          FROM snapshots WHERE company_id = ?
          """), arguments: [company.rawValue])
    var snapshots: [LedgerSnapshot] = []
    while let row = try rows.next() {
      guard let text = row[0] as String?, let date = CalendarDate(iso: text),
        let sequence = row[1] as Int?, let format = row[2] as Int?,
        let fingerprint = row[3] as String?, let covered = row[4] as Int?,
        let lastSequence = row[5] as Int?, let state = row[6] as Data?
      else { continue }
      snapshots.append(
        LedgerSnapshot(
          format: format, company: company, date: date, sequence: sequence,
          fingerprint: fingerprint, covered: covered, lastSequence: lastSequence, state: state))
    }
    return snapshots
  }
}

extension WorkspaceWriter {
  /// Keeps `snapshot` when the company's ledger has nothing recorded after it was taken, and
  /// only the company's latest `LedgerSnapshot.keptPerCompany`.
  func save(_ snapshot: LedgerSnapshot) throws {
    let company = snapshot.company.rawValue
    let highest = try Int.fetchOne(
      db.cachedStatement(sql: "SELECT max(sequence) FROM transactions WHERE company_id = ?"),
      arguments: [company])
    guard (highest ?? 0) == snapshot.lastSequence else { return }
    try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO snapshots
          (company_id, date, sequence, format, fingerprint, covered, last_sequence, state)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      company, snapshot.date.description, snapshot.sequence, snapshot.format,
      snapshot.fingerprint, snapshot.covered, snapshot.lastSequence, snapshot.state,
    ])
    try db.cachedStatement(
      sql: """
        DELETE FROM snapshots WHERE company_id = ?1 AND (date, sequence) NOT IN (
          SELECT date, sequence FROM snapshots WHERE company_id = ?1
          ORDER BY date DESC, sequence DESC LIMIT ?2)
        """
    ).execute(arguments: [company, LedgerSnapshot.keptPerCompany])
  }

  /// Deletes the snapshots a write makes stale, in the write's transaction.
  func dropSnapshots(_ stale: [StaleSnapshots]) throws {
    for entry in stale {
      if let from = entry.from {
        try db.cachedStatement(sql: "DELETE FROM snapshots WHERE company_id = ? AND date >= ?")
          .execute(arguments: [entry.company.rawValue, from.description])
      } else {
        try db.cachedStatement(sql: "DELETE FROM snapshots WHERE company_id = ?")
          .execute(arguments: [entry.company.rawValue])
      }
    }
  }
}
