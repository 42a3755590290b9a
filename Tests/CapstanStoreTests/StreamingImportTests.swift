import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

/// `SQLiteWorkspace.importStreaming`: rows inserted as they come (on a second thread, foreign
/// keys checked in memory), then read back and replayed before the commit.
@Suite struct StreamingImportTests {
  struct Interrupted: Error, Equatable {}

  /// Adds the sample company's people, classes and plan, no transactions.
  static func header(_ draft: inout WorkspaceDraft) throws -> (company: Company.ID, context: Int) {
    let company = try draft.addCompany(
      name: "Acme AI", currency: .usd, incorporated: SampleCompany.incorporated,
      rounding: SampleCompany.rounding)
    try SampleCompany.addPeople(to: &draft)
    _ = try draft.addClass(SampleCompany.common, to: company.id)
    _ = try draft.addClass(SampleCompany.seed, to: company.id)
    _ = try draft.addPlan(
      StockPlan(
        id: "ignored", name: "2024 Plan", shareClass: SampleCompany.commonID,
        initialReserve: 1_000_000, adopted: day("2024-02-01"), cancellationBehavior: .retire),
      to: company.id)
    return (company.id, 42)
  }

  /// Streams `events` into a new workspace at `path`.
  static func stream(
    _ events: [(date: CalendarDate, event: LedgerEvent)], into workspace: SQLiteWorkspace,
    dryRun: Bool = false
  ) throws -> Int {
    try workspace.importStreaming(dryRun: dryRun, header: header) { _, append in
      for (date, event) in events { try append(date, event) }
    }
  }

  /// Stock held per security and outstanding per class: what a replay computes.
  static func holdings(_ ledger: Ledger) throws -> [String: Int64] {
    let table = try ledger.replay()
    var result = table.stock.mapValues(\.quantity.count).reduce(into: [String: Int64]()) {
      $0[$1.key.rawValue] = $1.value
    }
    for (id, state) in table.classes { result["class " + id.rawValue] = state.outstanding.count }
    for (id, grant) in table.options.mapValues({ $0 }) {
      result["grant " + id.rawValue] = grant.outstanding.count
    }
    return result
  }

  /// In file order, and with the dates' groups reversed (so the store must sort them): the
  /// ledger read back is the one `write` records from the same events (a second method).
  @Test(arguments: [false, true])
  func streamedLedgerEqualsTheWrittenOne(reversedDates: Bool) throws {
    try withTemporaryFolder { folder in
      let written = try SQLiteWorkspace.create(at: folder + "/written.capstan")
      try written.write { try SampleCompany.record(in: &$0) }
      let expected = try written.ledger(for: "acme-ai")

      var events = SampleCompany.events
      if reversedDates {
        // Same-day events keep their order: replay order is (date, then file order).
        let days = Dictionary(grouping: events.indices, by: { events[$0].date })
        events = days.keys.sorted(by: >).flatMap { day in days[day, default: []].map { events[$0] }
        }
        #expect(events.first?.date != SampleCompany.events.first?.date)
      }
      let streamed = try SQLiteWorkspace.create(at: folder + "/streamed.capstan")
      #expect(try Self.stream(events, into: streamed) == 42)
      let ledger = try streamed.ledger(for: "acme-ai")
      #expect(ledger.transactions.count == SampleCompany.events.count)
      #expect(ledger.transactions.map(\.event) == expected.transactions.map(\.event))
      #expect(ledger.transactions.map(\.date) == expected.transactions.map(\.date))
      #expect(try Self.holdings(ledger) == Self.holdings(expected))
    }
  }

  /// 5,000 issuances of 100 shares (five batches for the inserting thread): 500,000 shares
  /// outstanding, every row stored.
  @Test func manyRowsCrossTheBatches() throws {
    try withTemporaryFolder { folder in
      let workspace = try SQLiteWorkspace.create(at: folder + "/many.capstan")
      let events = (1...5_000).map { n in
        (
          date: day("2024-03-01"),
          event: LedgerEvent.issueStock(
            StockIssuance(
              security: SecurityID("CS-\(n)"),
              holder: n % 2 == 0 ? SampleCompany.ada : SampleCompany.grace,
              shareClass: SampleCompany.commonID, quantity: 100, pricePerShare: fraction(1, 100)))
        )
      }
      _ = try Self.stream(events, into: workspace)
      let table = try workspace.ledger(for: "acme-ai").replay()
      #expect(table.stock.count == 5_000)
      #expect(table.classes[SampleCompany.commonID]?.outstanding == 500_000)
      #expect(try rowCounts(workspace.path)["transactions"] == 5_000)
    }
  }

  /// A rule only the replay sees (more than Common's authorized shares), in the third batch:
  /// the failure names that transaction's sequence, and nothing is written.
  @Test func aLedgerFailureWritesNothing() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      let before = try rowCounts(path)
      // Common authorizes 10,000,000, of which the 2024 Plan (adopted 2024-02-01) reserves
      // 1,000,000: 9,000,000 / 4,000 = 2,250 issuances fit, the 2,251st cannot.
      let events = (1...2_600).map { n in
        (
          date: day("2024-03-01"),
          event: LedgerEvent.issueStock(
            StockIssuance(
              security: SecurityID("CS-\(n)"), holder: SampleCompany.ada,
              shareClass: SampleCompany.commonID, quantity: 4_000, pricePerShare: .zero))
        )
      }
      do {
        _ = try Self.stream(events, into: workspace)
        Issue.record("the import should fail")
      } catch let failure as LedgerFailure {
        #expect(failure.transaction?.sequence == 2_251)
        guard case .exceedsAuthorized = failure.error else {
          Issue.record("unexpected \(failure.error)")
          return
        }
      }
      #expect(try rowCounts(path) == before)
      #expect(try workspace.companies().isEmpty)
    }
  }

  /// A row naming a stakeholder the workspace does not have is refused by the in-memory
  /// foreign-key check, nothing written; the connection's foreign keys are on again after.
  @Test func anUnknownStakeholderIsRefused() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      let events = [
        (
          date: day("2024-03-01"),
          event: LedgerEvent.issueStock(
            StockIssuance(
              security: "CS-1", holder: "nobody", shareClass: SampleCompany.commonID,
              quantity: 10, pricePerShare: .zero))
        )
      ]
      #expect(throws: LedgerFailure.self) { try Self.stream(events, into: workspace) }
      #expect(try rowCounts(path)["transactions"] == 0)
      #expect(try workspace.companies().isEmpty)
      // A later write on the same workspace works normally.
      try workspace.write { try SampleCompany.record(in: &$0) }
      #expect(try rowCounts(path)["transactions"] == SampleCompany.events.count)
    }
  }

  /// The producer failing after 2,500 events (while the inserting thread works): its error
  /// comes back unchanged, nothing is written, and the workspace is usable after.
  @Test func aProducerErrorWritesNothing() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      #expect(throws: Interrupted()) {
        try workspace.importStreaming(dryRun: false, header: Self.header) { _, append in
          for n in 1...2_500 {
            try append(
              day("2024-03-01"),
              .issueStock(
                StockIssuance(
                  security: SecurityID("CS-\(n)"), holder: SampleCompany.ada,
                  shareClass: SampleCompany.commonID, quantity: 1, pricePerShare: .zero)))
          }
          throw Interrupted()
        }
      }
      #expect(try rowCounts(path)["transactions"] == 0)
      try workspace.write { try SampleCompany.record(in: &$0) }
      #expect(try workspace.ledger(for: "acme-ai").transactions.count == SampleCompany.events.count)
    }
  }

  /// A dry run checks everything and keeps nothing.
  @Test func aDryRunKeepsNothing() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      #expect(try Self.stream(SampleCompany.events, into: workspace, dryRun: true) == 42)
      #expect(try workspace.companies().isEmpty)
      #expect(try rowCounts(path)["transactions"] == 0)
    }
  }
}
