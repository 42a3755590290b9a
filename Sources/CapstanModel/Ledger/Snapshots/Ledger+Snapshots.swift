import Foundation
import Synchronization

/// What one replay did: the table, the stored snapshot it resumed from, and the checkpoint it
/// took (issue 19).
public struct ReplayRun: Sendable {
  /// The table as of the date asked.
  public var table: CapTable
  /// The snapshot replay resumed from (nil: it replayed from the first transaction).
  public var resumedFrom: LedgerSnapshot?
  /// How many transactions replay read past its start (the snapshot's checkpoint, or the
  /// first transaction), voids and voided ones included.
  public var replayed: Int
  /// A snapshot at the last transaction on or before the date asked, when one was asked for
  /// and replay read enough transactions to take it.
  public var checkpoint: LedgerSnapshot?
}

extension Ledger {
  /// How many transactions a replay reads past its start before `replay(asOf:)` hands a
  /// checkpoint to `snapshotSink`.
  public static let checkpointInterval = 5_000

  /// Replays to `date` from the latest valid snapshot in `snapshots` (or from the start), and
  /// takes a checkpoint when `interval` is given and replay read at least that many
  /// transactions past its start.
  public func replayRun(
    asOf date: CalendarDate? = nil, checkpointAfter interval: Int? = nil
  ) throws(LedgerFailure) -> ReplayRun {
    let plans = plans(asOf: date)
    // A plan whose adoption date is amended is adopted on the date in force on the view's
    // date, which the state at a checkpoint cannot know: such ledgers replay from the start.
    let usable = !hasAdoptionAmendments
    // Computed only when a snapshot is read or taken (every write's checks replay too).
    var fingerprint: String?
    var start = 0
    var resumedFrom: LedgerSnapshot?
    var replay = LedgerReplay(
      company: company, stakeholders: stakeholders, classes: classes, plans: plans)
    if usable, !snapshots.isEmpty {
      fingerprint = snapshotFingerprint(plans: plans)
      if let fingerprint, let resumed = resume(asOf: date, fingerprint: fingerprint, plans: plans) {
        replay = resumed.replay
        start = resumed.snapshot.covered
        resumedFrom = resumed.snapshot
      }
    }
    let end = try apply(start..<transactions.endIndex, asOf: date, into: &replay)
    var checkpoint: LedgerSnapshot?
    if let interval, usable, end > start, end - start >= interval,
      let fingerprint = fingerprint ?? snapshotFingerprint(plans: plans)
    {
      checkpoint = try? snapshot(of: replay, through: end, fingerprint: fingerprint)
    }
    let table = try replay.finish(asOf: date)
    return ReplayRun(
      table: table, resumedFrom: resumedFrom, replayed: end - start, checkpoint: checkpoint)
  }

  /// Whether `snapshot` still describes this ledger up to its checkpoint: the format is this
  /// version's, the company and the fingerprint are this ledger's, the checkpoint's
  /// transaction is there, exactly `covered` transactions come at or before it (a backdated
  /// transaction recorded since would add one), none of them was recorded after the snapshot,
  /// and no void or class or plan amendment was recorded after it.
  public func isValid(_ snapshot: LedgerSnapshot) -> Bool {
    guard !hasAdoptionAmendments,
      let fingerprint = snapshotFingerprint(plans: plans(asOf: nil))
    else { return false }
    return isValid(snapshot, fingerprint: fingerprint)
  }

  func isValid(_ snapshot: LedgerSnapshot, fingerprint: String) -> Bool {
    guard snapshot.format == LedgerSnapshot.currentFormat, snapshot.company == company.id,
      snapshot.fingerprint == fingerprint, snapshot.covered > 0,
      snapshot.covered == replayCount(through: (snapshot.date, snapshot.sequence)),
      transactions[snapshot.covered - 1].sequence == snapshot.sequence
    else { return false }
    for index in 0..<snapshot.covered where transactions[index].sequence > snapshot.lastSequence {
      return false
    }
    for index in snapshot.covered..<transactions.endIndex
    where transactions[index].sequence > snapshot.lastSequence
      && transactions[index].event.invalidatesSnapshots
    {
      return false
    }
    return true
  }

  /// How many transactions come at or before `key` in replay order (they are sorted).
  private func replayCount(through key: (CalendarDate, Int)) -> Int {
    var low = 0
    var high = transactions.endIndex
    while low < high {
      let middle = (low + high) / 2
      if (transactions[middle].date, transactions[middle].sequence) <= key {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// The replay resumed from the latest valid snapshot on or before `date`.
  private func resume(
    asOf date: CalendarDate?, fingerprint: String, plans: [StockPlan]
  ) -> (replay: LedgerReplay, snapshot: LedgerSnapshot)? {
    let candidates = snapshots.filter { snapshot in date.map { snapshot.date <= $0 } ?? true }
      .sorted { $1.precedes($0) }
    for snapshot in candidates where isValid(snapshot, fingerprint: fingerprint) {
      guard let state = decodedStates.state(of: snapshot),
        let replay = LedgerReplay(
          resuming: state, company: company, stakeholders: stakeholders, plans: plans)
      else { continue }
      return (replay, snapshot)
    }
    return nil
  }

  /// The snapshot of `replay` after the first `end` transactions.
  private func snapshot(
    of replay: LedgerReplay, through end: Int, fingerprint: String
  ) throws -> LedgerSnapshot {
    let last = transactions[end - 1]
    var highest = 0
    for transaction in transactions where transaction.sequence > highest {
      highest = transaction.sequence
    }
    return LedgerSnapshot(
      format: LedgerSnapshot.currentFormat, company: company.id, date: last.date,
      sequence: last.sequence, fingerprint: fingerprint, covered: end, lastSequence: highest,
      state: try replay.state.encoded())
  }

  /// The hash of what replay reads besides the transactions: the company, the stakeholders'
  /// ids, the classes and the plans (nil when one cannot be encoded).
  func snapshotFingerprint(plans: [StockPlan]) -> String? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let company = try? encoder.encode(company),
      let classes = try? encoder.encode(classes),
      let plans = try? encoder.encode(plans)
    else { return nil }
    var hash = StableHash()
    hash.add(String(LedgerSnapshot.currentFormat))
    hash.add(company)
    hash.add(CollectionOfOne(0xff))
    hash.add(classes)
    hash.add(CollectionOfOne(0xff))
    hash.add(plans)
    // The stakeholders in any order: a sum of each id's mixed hash.
    var holders: UInt64 = 0
    for id in stakeholders.keys {
      var mixed = StableHash.of(id.rawValue)
      mixed ^= mixed >> 33
      mixed = mixed &* 0xff51_afd7_ed55_8ccd
      mixed ^= mixed >> 33
      holders = holders &+ mixed
    }
    hash.add(UInt64(stakeholders.count))
    hash.add(holders)
    return String(hash.value, radix: 16)
  }
}

extension LedgerEvent {
  /// Whether recording the event makes every stored snapshot of its company stale: a void
  /// (replay then leaves out a transaction it may have applied) or an amendment of a class or
  /// a plan.
  public var invalidatesSnapshots: Bool {
    if case .void = self { return true }
    if case .amendClass = self { return true }
    if case .amendPlan = self { return true }
    return false
  }
}

/// The states of a ledger's `snapshots` already decoded, shared by the copies of the ledger
/// (a new one each time `snapshots` is set), so the views of one command, which replay the
/// same ledger several times, decode a snapshot once.
final class DecodedStates: Sendable {
  private let states = Mutex<[String: ReplayState]>([:])

  /// The state of `snapshot`, one of the ledger's, decoded once; nil when it cannot be.
  func state(of snapshot: LedgerSnapshot) -> ReplayState? {
    let key = "\(snapshot.date) \(snapshot.sequence)"
    if let known = states.withLock({ $0[key] }) { return known }
    guard let state = try? ReplayState.decoded(from: snapshot.state) else { return nil }
    states.withLock { $0[key] = state }
    return state
  }
}
