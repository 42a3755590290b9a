import CapstanModel
import CapstanTestSupport
import Testing

/// `Ledger.undoTargets(lastBatch:)`: what `capstan undo` voids, and why it refuses.
@Suite struct LedgerUndoTests {
  /// The sample company in one write: its batch is every transaction, 1...N.
  func sample() throws -> (InMemoryWorkspace, Company.ID) {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { try SampleCompany.record(in: &$0) }
    return (workspace, company)
  }

  @Test func theLastWriteIsVoidedInSequenceOrder() throws {
    let (workspace, company) = try sample()
    try workspace.write { draft in
      _ = try draft.issueStock(
        to: "Grace Hopper", quantity: 1_000, className: "Common", pricePerShare: .zero,
        date: day("2026-01-05"), vesting: nil, company: company)
    }
    let ledger = try workspace.ledger(for: company)
    // The sample records N events in its first write; the issue is N + 1, alone in its batch.
    let issue = SampleCompany.events.count + 1
    let targets = try ledger.undoTargets(lastBatch: try workspace.lastBatch(for: company))
    #expect(targets.map(\.sequence) == [issue])
  }

  @Test func refusals() throws {
    let empty = InMemoryWorkspace()
    let bare = try empty.write { draft in
      try draft.addCompany(name: "Bare", currency: .usd, incorporated: day("2025-01-01")).id
    }
    #expect(throws: UndoRefusal.emptyLedger(company: "Bare")) {
      try empty.ledger(for: bare).undoTargets(lastBatch: nil)
    }
    let (workspace, company) = try sample()
    let ledger = try workspace.ledger(for: company)
    let count = SampleCompany.events.count
    #expect(throws: UndoRefusal.nothingRecorded(company: "Acme AI")) {
      try ledger.undoTargets(lastBatch: nil)
    }
    // A batch that ends before the last entry: the last entries came before batches.
    #expect(throws: UndoRefusal.notLatest(company: "Acme AI", last: count)) {
      try ledger.undoTargets(lastBatch: 1...(count - 1))
    }
    // Voiding the last entry leaves a batch of one void: nothing to undo.
    try workspace.write { draft in
      _ = try draft.void([count], reason: "test", date: day("2026-02-01"), company: company)
    }
    #expect(throws: UndoRefusal.onlyVoids(company: "Acme AI")) {
      try workspace.ledger(for: company).undoTargets(
        lastBatch: try workspace.lastBatch(for: company))
    }
  }
}
