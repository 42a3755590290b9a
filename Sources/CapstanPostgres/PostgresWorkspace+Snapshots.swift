import CapstanModel
import Foundation
import PostgresNIO

extension PostgresWorkspace {
  /// The company's stored replay snapshots.
  public func snapshots(for company: Company.ID) throws -> [LedgerSnapshot] {
    try read { try $0.snapshots(for: company) }
  }

  /// Keeps a snapshot (see `Workspace.saveSnapshot(_:)`) in a transaction of its own, under
  /// the company's advisory lock. When the handle is busy (a replay inside a write's body,
  /// which holds it), nothing is saved. `ledger(for:)` sets it as the ledger's
  /// `snapshotSink`, and ignores its errors (a read-only role saves nothing).
  public func saveSnapshot(_ snapshot: LedgerSnapshot) throws {
    _ = try lockedIfFree {
      try connection.transaction {
        let reader = PostgresReader(connection: connection)
        // A writer holding the company is not waited for: the next read saves.
        guard try reader.tryLockCompany(snapshot.company) else { return }
        try PostgresWriter(connection: connection, reader: reader).save(snapshot)
      }
    }
  }
}

extension Ledger {
  /// The ledger, whose replay saves its checkpoints into `workspace` (best effort).
  func savingSnapshots(to workspace: PostgresWorkspace) -> Ledger {
    var ledger = self
    ledger.snapshotSink = { snapshot in try? workspace.saveSnapshot(snapshot) }
    return ledger
  }
}

extension PostgresReader {
  /// Takes the company's advisory lock for this transaction when no other holds it.
  func tryLockCompany(_ id: Company.ID) throws -> Bool {
    try connection.rows(
      """
      SELECT pg_try_advisory_xact_lock(\(PostgresSchema.lockNamespace), hashtext(\(id.rawValue)))
      """
    ).first?.decode(Bool.self) ?? false
  }

  /// The company's stored snapshots; a row that cannot be read is left out.
  func snapshots(for company: Company.ID) throws -> [LedgerSnapshot] {
    try connection.rows(
      """
      SELECT date::text, sequence, format, fingerprint, covered, last_sequence, state
      FROM snapshots WHERE company_id = \(company.rawValue)
      """
    ).compactMap { row in
      let (date, sequence, format, fingerprint, covered, last, state) = try row.decode(
        (String, Int, Int, String, Int, Int, String).self)
      // The binary state is kept as base64 in the step-4 text column.
      guard let day = CalendarDate(iso: date), let bytes = Data(base64Encoded: state) else {
        return nil
      }
      return LedgerSnapshot(
        format: format, company: company, date: day, sequence: sequence,
        fingerprint: fingerprint, covered: covered, lastSequence: last, state: bytes)
    }
  }
}

extension PostgresWriter {
  /// Keeps `snapshot` when the company's ledger has nothing recorded after it was taken, and
  /// only the company's latest `LedgerSnapshot.keptPerCompany`.
  func save(_ snapshot: LedgerSnapshot) throws {
    let company = snapshot.company.rawValue
    let highest = try connection.rows(
      "SELECT coalesce(max(sequence), 0) FROM transactions WHERE company_id = \(company)"
    ).first?.decode(Int.self)
    guard highest == snapshot.lastSequence else { return }
    let state = snapshot.state.base64EncodedString()
    try connection.rows(
      """
      INSERT INTO snapshots
        (company_id, date, sequence, format, fingerprint, covered, last_sequence, state)
      VALUES (\(company), \(snapshot.date.iso)::date, \(snapshot.sequence), \(snapshot.format),
        \(snapshot.fingerprint), \(snapshot.covered), \(snapshot.lastSequence), \(state))
      ON CONFLICT (company_id, date, sequence) DO UPDATE SET format = excluded.format,
        fingerprint = excluded.fingerprint, covered = excluded.covered,
        last_sequence = excluded.last_sequence, state = excluded.state
      """)
    try connection.rows(
      """
      DELETE FROM snapshots WHERE company_id = \(company) AND (date, sequence) NOT IN (
        SELECT date, sequence FROM snapshots WHERE company_id = \(company)
        ORDER BY date DESC, sequence DESC LIMIT \(LedgerSnapshot.keptPerCompany))
      """)
  }

  /// Deletes the snapshots a write makes stale, in the write's transaction.
  func dropSnapshots(_ stale: [StaleSnapshots]) throws {
    for entry in stale {
      if let from = entry.from {
        try connection.rows(
          """
          DELETE FROM snapshots WHERE company_id = \(entry.company.rawValue)
          AND date >= \(from.iso)::date
          """)
      } else {
        try connection.rows(
          "DELETE FROM snapshots WHERE company_id = \(entry.company.rawValue)")
      }
    }
  }
}
