import CapstanModel
import Testing

extension WorkspaceContract {
  /// Replay snapshots (issue 19): saved and read back through another handle, used by the
  /// ledger `ledger(for:)` gives; kept by a write after their checkpoints, dropped by a
  /// backdated write (those dated on or after it) and by a void (all); a snapshot taken before
  /// the ledger's last write is not kept.
  static func snapshotsFollowTheLedger(_ subject: Subject) throws {
    let workspace = subject.workspace
    let company = try workspace.write { try SampleCompany.recordEveryKind(in: &$0) }
    let ledger = try workspace.ledger(for: company)
    #expect(try workspace.snapshots(for: company).isEmpty)
    let end = try #require(try ledger.replayRun(checkpointAfter: 0).checkpoint)
    try workspace.saveSnapshot(end)
    try workspace.saveSnapshot(end)
    let other = try subject.reopen()
    #expect(try other.snapshots(for: company) == [end])
    // The ledger read back resumes from it, with nothing left to replay.
    let run = try other.ledger(for: company).replayRun()
    #expect(run.resumedFrom == end)
    #expect(run.replayed == 0)
    #expect(run.table.contentsDescription == (try ledger.replay()).contentsDescription)
    // The last transaction on or before 2025-01-01 (the sample's early entries).
    let early = try #require(
      try ledger.replayRun(asOf: day("2025-01-01"), checkpointAfter: 0).checkpoint)
    try workspace.saveSnapshot(early)
    #expect(Set(try other.snapshots(for: company)) == [end, early])

    // A write dated after every checkpoint keeps them.
    let note = try workspace.write { draft in
      try draft.append(
        [(day("2026-12-01"), .noteCompany(CompanyNote(text: "later")))], to: company)
    }
    #expect(Set(try other.snapshots(for: company)) == [end, early])
    // A snapshot of the ledger before that write is not kept.
    let before = try #require(
      try ledger.replayRun(asOf: day("2025-09-30"), checkpointAfter: 0).checkpoint)
    try workspace.saveSnapshot(before)
    #expect(Set(try other.snapshots(for: company)) == [end, early])
    // The ledger now resumes from the end snapshot and replays the note only.
    let afterNote = try other.ledger(for: company).replayRun()
    #expect(afterNote.resumedFrom == end)
    #expect(afterNote.replayed == 1)

    // A backdated issuance (2025-06-01) drops the checkpoints dated on or after it.
    try workspace.write { draft in
      _ = try draft.append(
        [
          (
            day("2025-06-01"),
            .issueStock(
              StockIssuance(
                security: "CS-90", holder: SampleCompany.fund, shareClass: SampleCompany.commonID,
                quantity: 100, pricePerShare: fraction(1, 10), vesting: nil))
          )
        ], to: company)
    }
    #expect(try other.snapshots(for: company) == [early])
    let backdated = try other.ledger(for: company)
    var full = backdated
    full.snapshots = []
    #expect(try backdated.replayRun().resumedFrom == early)
    #expect(
      try backdated.replay().contentsDescription == (try full.replay()).contentsDescription)

    // A void drops every snapshot of the company.
    try workspace.write { draft in
      _ = try draft.void(
        note.map(\.sequence), reason: "filed twice", date: day("2026-12-02"), company: company)
    }
    #expect(try other.snapshots(for: company).isEmpty)
  }

  /// Saving on read (issue 19): replaying a ledger read through `ledger(for:)` that is at
  /// least `Ledger.checkpointInterval` transactions long saves one snapshot, at its last
  /// transaction; the ledger read through another handle resumes from it with nothing left to
  /// replay and gives the same table; a read of the same ledger saves no second one.
  static func readsSaveSnapshots(_ subject: Subject) throws {
    let workspace = subject.workspace
    let company = try workspace.write { try SampleCompany.recordEveryKind(in: &$0) }
    // The sample's transactions (one per kind) and 5,000 company notes after them: past the
    // interval.
    let sample = try workspace.ledger(for: company).transactions.count
    let notes = (0..<Ledger.checkpointInterval).map { index in
      (day("2026-12-01"), LedgerEvent.noteCompany(CompanyNote(text: "note \(index)")))
    }
    try workspace.write { draft in _ = try draft.append(notes, to: company) }
    #expect(try workspace.snapshots(for: company).isEmpty)
    let table = try workspace.ledger(for: company).replay()
    let other = try subject.reopen()
    let saved = try other.snapshots(for: company)
    #expect(saved.count == 1)
    #expect(saved.first?.covered == sample + Ledger.checkpointInterval)
    #expect(saved.first?.date == day("2026-12-01"))
    let run = try other.ledger(for: company).replayRun()
    #expect(run.resumedFrom == saved.first)
    #expect(run.replayed == 0)
    #expect(run.table.contentsDescription == table.contentsDescription)
    // Resumed, that read replayed nothing, so it took no checkpoint to save.
    _ = try other.ledger(for: company).replay()
    #expect(try workspace.snapshots(for: company) == saved)
  }
}
