import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import GRDB
import Testing

/// Issue 19, saving snapshots on read in the SQLite store: best effort, never in a writer's
/// way. (Saving itself is `WorkspaceContract.readsSaveSnapshots`, on every store.)
@Suite struct SnapshotSavingTests {
  /// While another connection holds the write lock, a read that takes a checkpoint neither
  /// waits for it (the workspace waits up to 10 s for a writer) nor fails, and saves nothing;
  /// once the lock is released, the next read saves.
  @Test func aBusyDatabaseIsNotWaitedFor() throws {
    try withTemporaryFolder { folder in
      let path = "\(folder)/busy.db"
      let location = try WorkspaceLocation("sqlite:\(path)")
      _ = try location.create()
      let workspace = try location.open(wait: 10)
      let company = try workspace.write { try SampleCompany.recordEveryKind(in: &$0) }
      let notes = (0..<Ledger.checkpointInterval).map { index in
        (day("2026-12-01"), LedgerEvent.noteCompany(CompanyNote(text: "note \(index)")))
      }
      try workspace.write { draft in _ = try draft.append(notes, to: company) }
      let ledger = try workspace.ledger(for: company)
      let expected = try ledger.replayRun().table.contentsDescription
      try withRawDatabase(path) { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        defer { try? db.execute(sql: "ROLLBACK") }
        let started = ContinuousClock.now
        let table = try ledger.replay()
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(table.contentsDescription == expected)
      }
      #expect(try workspace.snapshots(for: company).isEmpty)
      _ = try workspace.ledger(for: company).replay()
      #expect(try workspace.snapshots(for: company).count == 1)
    }
  }
}
