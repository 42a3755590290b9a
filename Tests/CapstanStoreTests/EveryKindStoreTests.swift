import CapstanModel
import CapstanStore
import CapstanTestSupport
import GRDB
import Testing

/// Every `LedgerEvent.Kind` survives the SQLite store: a kind the store forgets fails here.
@Suite struct EveryKindStoreTests {
  @Test func theSampleCompanyRecordsEveryKind() {
    let kinds = Set(SampleCompany.everyKindEvents.map(\.event.kind))
    for kind in LedgerEvent.Kind.allCases {
      #expect(kinds.contains(kind), "SampleCompany has no \(kind) event")
    }
  }

  @Test func everyKindReadsBackAsWrittenUnderItsWord() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let memory = InMemoryWorkspace()
      let id = try memory.write { try SampleCompany.recordEveryKind(in: &$0) }
      _ = try SQLiteWorkspace.create(at: path).write { try SampleCompany.recordEveryKind(in: &$0) }
      let expected = try memory.ledger(for: id).transactions
      let loaded = try SQLiteWorkspace.open(at: path).ledger(for: id).transactions
      #expect(loaded.map(\.sequence) == Array(1...38))
      for kind in LedgerEvent.Kind.allCases {
        let written = expected.filter { $0.event.kind == kind }
        #expect(!written.isEmpty, "no \(kind) written")
        #expect(loaded.filter { $0.event.kind == kind } == written, "\(kind)")
      }
      // The kind column holds the kind's word, one word per kind.
      let words = try withRawDatabase(path) { db in
        try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM transactions")
      }
      #expect(Set(words) == Set(LedgerEvent.Kind.allCases.map(\.rawValue)))
    }
  }

  /// The effects of the events after the sample's 22 (worked in `SampleCompany.laterEvents`),
  /// replayed from the SQLite store.
  @Test func theLaterEventsHaveTheirHandCheckedEffects() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let id = try SQLiteWorkspace.create(at: path).write {
        try SampleCompany.recordEveryKind(in: &$0)
      }
      let ledger = try SQLiteWorkspace.open(at: path).ledger(for: id)
      let table = try ledger.replay()
      // 23-24: the voided issue is left out.
      #expect(ledger.voids == [23: 24])
      #expect(table.stock["CS-30"] == nil)
      // 26: 1,000 of OP-1 accelerated on 2026-10-06, none the day before.
      let op1 = try #require(table.options["OP-1"])
      #expect(op1.vestingFacts.accelerated(asOf: day("2026-10-05")) == .zero)
      #expect(op1.vestingFacts.accelerated(asOf: day("2026-10-06")) == 1_000)
      // 25, 27, 29: OP-2 vests 240 on the milestone, then stops: 960 cancelled, 240 left.
      let op2 = try #require(table.options["OP-2"])
      #expect(op2.vested(asOf: day("2026-10-06")) == .zero)
      #expect(op2.vested(asOf: day("2026-10-07")) == 240)
      #expect(op2.vested(asOf: day("2027-10-05")) == 240)
      #expect(op2.vestingFacts.termination?.date == day("2026-10-09"))
      #expect(op2.vestingFacts.termination?.forfeited == 960)
      #expect(op2.outstanding == 240)
      // 28: the change of control is dated.
      #expect(table.changesOfControl == [day("2026-10-08")])
      // 30: the seed class votes 1 per share from 2026-10-12, 1/3 before.
      let before = try ledger.replay(asOf: day("2026-10-11"))
      #expect(before.classes[SampleCompany.seedID]?.definition.votesPerShare == fraction(1, 3))
      #expect(table.classes[SampleCompany.seedID]?.definition.votesPerShare == Ratio(1))
      // 31: the plan retires cancelled options until 2026-10-13, then returns them.
      #expect(before.plans[SampleCompany.planID]?.definition.cancellationBehavior == .retire)
      #expect(table.plans[SampleCompany.planID]?.definition.cancellationBehavior == .returnToPool)
      // 32: Grace held stock and OP-1 before the merge; afterwards Ada holds them.
      #expect(before.stock.values.contains { $0.holder == SampleCompany.grace })
      #expect(before.options["OP-1"]?.holder == SampleCompany.grace)
      #expect(!table.stock.values.contains { $0.holder == SampleCompany.grace })
      #expect(op1.holder == SampleCompany.ada)
      // 33: the note reads back with its text and changes no number: on 2026-10-15 every
      // security and class holds what it held on 2026-10-14.
      #expect(
        ledger.transactions.first { $0.sequence == 33 }?.event
          == .noteCompany(CompanyNote(text: "board minutes filed")))
      let eve = try ledger.replay(asOf: day("2026-10-14"))
      let after = try ledger.replay(asOf: day("2026-10-15"))
      #expect(after.stock.values.map(\.quantity) == eve.stock.values.map(\.quantity))
      #expect(after.options.values.map(\.outstanding) == eve.options.values.map(\.outstanding))
      #expect(
        after.classes.mapValues(\.outstanding) == eve.classes.mapValues(\.outstanding))
      // 34-37: CSAFE-1 is no convertible until something accrues; the draw inside the breach
      // (100 on 2026-10-22) accrues nothing, the one after it 200 × $2.50 = $500.
      #expect(after.computeSAFEs["CSAFE-1"] == nil)
      let drawnInBreach = try ledger.replay(asOf: day("2026-10-22"))
      #expect(drawnInBreach.computeSAFEs["CSAFE-1"]?.drawn == Ratio(100))
      #expect(drawnInBreach.computeSAFEs["CSAFE-1"]?.accrued == .zero)
      #expect(drawnInBreach.convertibles["CSAFE-1"] == nil)
      let csafe = try #require(table.computeSAFEs["CSAFE-1"])
      #expect(csafe.drawn == Ratio(300))
      #expect(csafe.suspendedUnits == Ratio(100))
      #expect(csafe.undrawn == Ratio(700))
      #expect(csafe.accrued == Ratio(500))
      #expect(
        table.convertibles["CSAFE-1"]
          == .safe(
            SAFEIssuance(
              security: "CSAFE-1", holder: SampleCompany.fund, purchaseAmount: Ratio(500),
              valuationCap: Ratio(8_000_000), discount: fraction(1, 5)),
            issued: day("2026-10-16")))
      // 38: RS-1 reads back with its terms; it changes no number (the table of 2026-10-27 holds
      // what 2026-10-26's does) and the ledger lists it as owed: cap 1.5 × $10,000 = $15,000.
      let drawn = try ledger.replay(asOf: day("2026-10-26"))
      #expect(table.stock.values.map(\.quantity) == drawn.stock.values.map(\.quantity))
      #expect(table.convertibles == drawn.convertibles)
      let shares = ledger.revenueShares()
      #expect(shares.map(\.granted) == [day("2026-10-27")])
      #expect(shares.first?.terms.provider == SampleCompany.fund)
      #expect(shares.first?.terms.capAmount == Ratio(15_000))
      #expect(shares.first?.terms.percentage == fraction(1, 20))
      #expect(ledger.revenueShares(asOf: day("2026-10-26")).isEmpty)
    }
  }
}
