import BigInt
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanModel

/// Issue 19, the binary snapshot state: every field of the replay state survives the encoding,
/// and a state that is truncated, damaged or of another format is refused, so replay starts
/// from the first transaction instead of reading another table.
@Suite struct ReplayStateBinaryTests {
  /// The state after every prefix of a ledger holding every kind of event decodes to the equal
  /// state (every field: `ReplayState` is `Equatable` over all of them, positions included,
  /// with their vesting terms and facts), and resuming from it with nothing left to replay
  /// gives the full replay's table.
  @Test func everyKindRoundTripsAtEveryDate() throws {
    let ledger = try SampleCompany.everyKindLedger()
    // The sample must hold every kind, or a field only a new kind sets goes untested.
    let kinds = Set(ledger.transactions.map(\.event.kind))
    #expect(
      kinds == Set(LedgerEvent.Kind.allCases),
      "missing: \(Set(LedgerEvent.Kind.allCases).subtracting(kinds))")
    let dates = Array(Set(ledger.transactions.map(\.date))).sorted()
    for date in dates {
      let snapshot = try #require(try ledger.replayRun(asOf: date, checkpointAfter: 0).checkpoint)
      #expect(snapshot.state.first == ReplayState.binaryFormat)
      let state = try ReplayState.decoded(from: snapshot.state)
      var replay = LedgerReplay(
        company: ledger.company, stakeholders: ledger.stakeholders, classes: ledger.classes,
        plans: ledger.plans)
      _ = try ledger.apply(0..<snapshot.covered, asOf: date, into: &replay)
      #expect(state == replay.state, "state on \(date)")
      var resuming = ledger
      resuming.snapshots = [snapshot]
      let run = try resuming.replayRun(asOf: date)
      #expect(run.resumedFrom != nil && run.replayed == 0, "resumed on \(date)")
      #expect(
        run.table.contentsDescription == (try ledger.replay(asOf: date)).contentsDescription,
        "table on \(date)")
    }
  }

  /// Values past 64 bits (a BigInt price), fractions, zero and the largest share count, an
  /// option without expiry and one with every vesting part, survive the encoding.
  @Test func wideValuesRoundTrip() throws {
    let huge = Ratio(BigInt(10).power(30) + BigInt(1), BigInt(7))
    let stock = [
      StockPosition(
        security: "CS-1", holder: "h1", shareClass: "common", quantity: Shares.maximumInput,
        pricePerShare: huge, date: CalendarDate(year: 2024, month: 2, day: 29)!, vesting: nil),
      StockPosition(
        security: "CS-2", holder: "h2", shareClass: "common", quantity: .zero,
        pricePerShare: Ratio(-1, 3), date: CalendarDate(year: 1, month: 1, day: 1)!,
        vesting: VestingSchedule(
          start: CalendarDate(year: 9999, month: 12, day: 31)!,
          totalMonths: 48, cliffMonths: 12, frequencyMonths: 1)),
    ]
    let terms = VestingTermsReference(
      VestingTerms(
        start: CalendarDate(year: 2026, month: 1, day: 31)!, periodic: PeriodicVesting(length: 48),
        milestones: [VestingMilestone(name: "Launch", amount: 240)], basis: 1_200))
    var facts = VestingFacts.none
    facts.changeOfControl = CalendarDate(year: 2026, month: 3, day: 1)
    let options = [
      OptionPosition(
        security: "OP-1", holder: "h1", plan: "plan", granted: 1_200, exercised: 7,
        cancelled: 3, strike: Ratio(1, 10_000), date: CalendarDate(year: 2026, month: 1, day: 31)!,
        vesting: VestingSchedule(
          start: CalendarDate(year: 2026, month: 1, day: 31)!,
          totalMonths: 48),
        expires: nil, termsReference: terms,
        factsReference: VestingFactsReference(facts)),
      OptionPosition(
        security: "OP-2", holder: "h3", plan: "plan", granted: 1, exercised: 0, cancelled: 0,
        strike: huge, date: CalendarDate(year: 2026, month: 2, day: 1)!, vesting: nil,
        expires: CalendarDate(year: 2036, month: 2, day: 1)!),
    ]
    var table = CapTable(
      company: try SampleCompany.everyKindLedger().company, stakeholders: [:], classes: [],
      plans: [])
    table.stock = PositionTable(positions: stock, closed: ["CS-0"])
    table.options = PositionTable(positions: options, closed: ["OP-0", "OP-9"])
    table.otherSecurityIDs = ["W-1", "SAFE-1"]
    let state = ReplayState(table: table, pending: [StockPlan]())
    #expect(try ReplayState.decoded(from: state.encoded()) == state)
  }

  /// Every truncation, every damaged byte and another format byte are refused; a replay given
  /// such a snapshot replays from the first transaction and gives the same table.
  @Test func aDamagedStateIsRefused() throws {
    let ledger = try SampleCompany.everyKindLedger()
    let snapshot = try #require(try ledger.replayRun(checkpointAfter: 0).checkpoint)
    let bytes = [UInt8](snapshot.state)
    var damaged: [Data] = (0..<bytes.count).map { Data(bytes[..<$0]) }
    for index in bytes.indices {
      var copy = bytes
      copy[index] ^= 0x5a
      damaged.append(Data(copy))
    }
    damaged.append(Data(bytes + [0]))
    for state in damaged {
      #expect(throws: (any Error).self) { try ReplayState.decoded(from: state) }
    }
    var otherFormat = bytes
    otherFormat[0] = 1
    #expect(throws: SnapshotStateError.format(found: 1)) {
      try ReplayState.decoded(from: Data(otherFormat))
    }
    let expected = try ledger.replay().contentsDescription
    for state in [Data(bytes[..<(bytes.count / 2)]), Data(otherFormat), damaged[bytes.count + 20]] {
      var resuming = ledger
      var stale = snapshot
      stale.state = state
      resuming.snapshots = [stale]
      let run = try resuming.replayRun()
      #expect(run.resumedFrom == nil)
      #expect(run.table.contentsDescription == expected)
    }
  }
}
