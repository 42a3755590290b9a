import CapstanModel
import CapstanTestSupport
import Foundation
import PropertyBased
import Synchronization
import Testing

/// Issue 19, stored snapshots: replay resumed from a snapshot gives exactly the table a full
/// replay gives, whatever was written after the snapshot was taken, and a snapshot that no
/// longer describes the ledger is not used.
///
/// `make test` runs a bounded number of random ledgers; `make verify` sets
/// `CAPSTAN_SNAPSHOT_CASES` (10,000).
@Suite struct LedgerSnapshotPropertyTests {
  static let cases =
    ProcessInfo.processInfo.environment["CAPSTAN_SNAPSHOT_CASES"]
    .flatMap { Int($0) } ?? 60

  /// A write after the snapshot: 0 none, 1 the later random steps only, 2 plus a void of a
  /// random transaction, 3 plus a class amendment, 4 plus a backdated issuance, 5 plus an
  /// import (issuances at the first date, a random date and after the last, in one batch),
  /// 6 plus a holder merge (h1 into h0) on a random date.
  static let writes = Gen.int(in: 0...6)
  /// Picks in 0...999: where the snapshot's ledger ends, its as-of date, the view's date.
  static let picks = Gen.int(in: 0...999)

  @Test("replay from a snapshot equals a full replay after every kind of write")
  func snapshotPathEqualsFullReplay() async {
    var used = 0
    await propertyCheck(
      count: Self.cases, input: steps, Self.writes, Self.picks, Self.picks, Self.picks
    ) { steps, write, cut, taken, viewed in
      let full = RandomLedger(steps).ledger
      guard !full.transactions.isEmpty else { return }
      // The ledger as it was when the snapshot was taken: the first `s` recorded.
      let s = 1 + cut % full.transactions.count
      let earlier = Self.ledger(full, keeping: { $0.sequence <= s })
      let dates = full.transactions.map(\.date).sorted()
      let takenOn = dates[taken % dates.count]
      guard let run = try? earlier.replayRun(asOf: takenOn, checkpointAfter: 0),
        let snapshot = run.checkpoint
      else { return }
      var later = full
      Self.write(write, to: &later, pick: viewed)
      later.snapshots = [snapshot]
      var plain = later
      plain.snapshots = []
      for asOf in [dates[viewed % dates.count], takenOn, nil] {
        let resumed = Self.outcome { try later.replayRun(asOf: asOf) }
        let expected = Self.outcome { try plain.replayRun(asOf: asOf) }
        #expect(resumed.description == expected.description, "\(steps) write \(write)")
        // Nothing recorded since comes at or before the checkpoint, and no correction was
        // recorded: the snapshot must have been used (else this test proves nothing).
        let untouched = later.transactions.allSatisfy {
          $0.sequence <= snapshot.lastSequence
            || (($0.date, $0.sequence) > (snapshot.date, snapshot.sequence)
              && !$0.event.invalidatesSnapshots)
        }
        if untouched && asOf.map({ $0 >= snapshot.date }) ?? true && expected.succeeded {
          #expect(resumed.resumed, "\(steps) write \(write): the snapshot was not used")
          used += 1
        }
        if !untouched { #expect(!resumed.resumed, "\(steps) write \(write): a stale snapshot") }
      }
    }
    #expect(used > 0)
  }

  /// What a replay gave: the table's contents or the error, and whether it resumed.
  struct Outcome: CustomStringConvertible {
    var description: String
    var succeeded: Bool
    var resumed: Bool
  }

  static func outcome(_ body: () throws -> ReplayRun) -> Outcome {
    do {
      let run = try body()
      return Outcome(
        description: run.table.contentsDescription, succeeded: true,
        resumed: run.resumedFrom != nil)
    } catch {
      return Outcome(description: "\(error)", succeeded: false, resumed: false)
    }
  }

  static func ledger(_ ledger: Ledger, keeping keep: (Transaction) -> Bool) -> Ledger {
    Ledger(
      company: ledger.company, stakeholders: Array(ledger.stakeholders.values),
      classes: ledger.classes, plans: ledger.plans,
      transactions: ledger.transactions.filter(keep))
  }

  /// Records one more write of kind `write` (see `writes`) in `ledger`, unvalidated: a replay
  /// that then fails must fail the same way on both paths.
  static func write(_ write: Int, to ledger: inout Ledger, pick: Int) {
    let dates = ledger.transactions.map(\.date).sorted()
    guard let first = dates.first else { return }
    let date = dates[pick % dates.count]
    let target = ledger.transactions[pick % ledger.transactions.count].sequence
    let event: LedgerEvent
    switch write {
    case 2: event = .void(Voiding(transaction: target, reason: "property test"))
    case 3:
      event = .amendClass(ClassAmendment(shareClass: "seed", votesPerShare: Ratio(2)))
    case 4:
      event = .issueStock(
        StockIssuance(
          security: "BACK-1", holder: "h0", shareClass: "common", quantity: 1_000,
          pricePerShare: .one, vesting: nil))
      ledger.insert(Transaction(sequence: ledger.nextSequence, date: first, event: event))
      return
    case 5:
      let sequence = ledger.nextSequence
      let last = dates[dates.count - 1]
      let batch = [first, date, last.adding(days: 1)].enumerated().map { offset, day in
        Transaction(
          sequence: sequence + offset, date: day,
          event: .issueStock(
            StockIssuance(
              security: SecurityID("IMP-\(offset)"), holder: "h2", shareClass: "common",
              quantity: 10, pricePerShare: .one, vesting: nil)))
      }
      ledger.insert(contentsOf: batch)
      return
    case 6: event = .mergeHolders(HolderMerge(from: "h1", into: "h0"))
    default: return
    }
    ledger.insert(Transaction(sequence: ledger.nextSequence, date: date, event: event))
  }
}

@Suite struct LedgerSnapshotTests {
  /// Every kind of event (SampleCompany's ledger): a snapshot at each transaction, read at each
  /// date from there on, gives the full replay's table; at the end it round-trips the whole
  /// state (nothing left to replay).
  @Test func everyKindResumesAtEveryCheckpoint() throws {
    let ledger = try SampleCompany.everyKindLedger()
    let dates = Array(Set(ledger.transactions.map(\.date))).sorted()
    var resumedCount = 0
    for (index, takenOn) in dates.enumerated() {
      let snapshot = try #require(
        try ledger.replayRun(asOf: takenOn, checkpointAfter: 0).checkpoint)
      var resuming = ledger
      resuming.snapshots = [snapshot]
      for asOf in dates[index...] {
        let run = try resuming.replayRun(asOf: asOf)
        #expect(run.resumedFrom != nil, "snapshot of \(takenOn) read at \(asOf)")
        #expect(
          run.table.contentsDescription == (try ledger.replay(asOf: asOf)).contentsDescription,
          "snapshot of \(takenOn) read at \(asOf)")
        resumedCount += 1
      }
      // Before the checkpoint the snapshot does not apply.
      if index > 0 {
        #expect(try resuming.replayRun(asOf: dates[index - 1]).resumedFrom == nil)
      }
    }
    let end = try #require(try ledger.replayRun(checkpointAfter: 0).checkpoint)
    var resuming = ledger
    resuming.snapshots = [end]
    let run = try resuming.replayRun()
    #expect(run.replayed == 0)
    #expect(run.table.contentsDescription == (try ledger.replay()).contentsDescription)
    #expect(resumedCount == dates.count * (dates.count + 1) / 2)
  }

  /// A snapshot of another format, another company, or other reference data is not used.
  @Test func aSnapshotThatDoesNotMatchIsIgnored() throws {
    let ledger = try SampleCompany.everyKindLedger()
    let snapshot = try #require(try ledger.replayRun(checkpointAfter: 0).checkpoint)
    #expect(ledger.isValid(snapshot))
    var older = snapshot
    older.format = LedgerSnapshot.currentFormat - 1
    var newer = snapshot
    newer.format = LedgerSnapshot.currentFormat + 1
    var otherCompany = snapshot
    otherCompany.company = "other"
    var corrupt = snapshot
    corrupt.state = Data("{}".utf8)
    for stale in [older, newer, otherCompany, corrupt] {
      var resuming = ledger
      resuming.snapshots = [stale]
      let run = try resuming.replayRun()
      #expect(run.resumedFrom == nil)
      #expect(run.table.contentsDescription == (try ledger.replay()).contentsDescription)
    }
    // A new stakeholder, class or plan changes the fingerprint.
    var moreHolders = ledger
    moreHolders.stakeholders["new-holder"] = Stakeholder(id: "new-holder", name: "New Holder")
    #expect(!moreHolders.isValid(snapshot))
    var moreClasses = ledger
    moreClasses.classes.append(ShareClass(id: "extra", name: "Extra", initialAuthorized: 10))
    #expect(!moreClasses.isValid(snapshot))
  }

  /// `replay(asOf:)` hands a checkpoint to the sink only past `checkpointInterval`
  /// transactions, and the workspace keeps it: the next read resumes from it.
  @Test func theSinkGetsACheckpointOnlyForLongReplays() throws {
    let ledger = try SampleCompany.everyKindLedger()
    let taken = Taken()
    var sinking = ledger
    sinking.snapshotSink = { snapshot in taken.add(snapshot) }
    _ = try sinking.replay()
    // 37 transactions, far fewer than the interval (5,000).
    #expect(taken.snapshots.isEmpty)
    #expect(Ledger.checkpointInterval == 5_000)
  }
}

/// The snapshots a sink was given.
final class Taken: Sendable {
  private let taken = Mutex<[LedgerSnapshot]>([])
  /// Adds one.
  func add(_ snapshot: LedgerSnapshot) { taken.withLock { $0.append(snapshot) } }
  /// Those given so far.
  var snapshots: [LedgerSnapshot] { taken.withLock { $0 } }
}
