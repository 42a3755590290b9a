/// A company's complete record: its reference data and its dated transactions.
///
/// State is never stored, only computed: `replay(asOf:)` folds the transactions, in date order
/// (then recording order), into a `CapTable`, validating each one on the way.
public struct Ledger: Sendable {
  /// The company.
  public var company: Company
  /// Stakeholders the transactions may name (the workspace's).
  public var stakeholders: [Stakeholder.ID: Stakeholder]
  /// The company's share classes.
  public var classes: [ShareClass]
  /// The company's stock plans.
  public var plans: [StockPlan]
  /// The transactions, sorted by date then sequence.
  public private(set) var transactions: [Transaction]

  /// A ledger; the transactions are put in replay order.
  public init(
    company: Company, stakeholders: [Stakeholder], classes: [ShareClass] = [],
    plans: [StockPlan] = [], transactions: [Transaction] = []
  ) {
    self.company = company
    self.stakeholders = Dictionary(
      stakeholders.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.classes = classes
    self.plans = plans
    // A store reads transactions already in replay order; sorting them again would copy
    // every one of them (about a fifth of the time to load a large ledger).
    let inOrder = transactions.indices.dropFirst().allSatisfy { i in
      (transactions[i - 1].date, transactions[i - 1].sequence)
        < (transactions[i].date, transactions[i].sequence)
    }
    self.transactions = inOrder ? transactions : transactions.sorted(by: Ledger.replayOrder)
    self.hasVoids = transactions.contains { $0.event.isVoid }
    self.hasAdoptionAmendments = transactions.contains { $0.event.amendsAdoption }
  }

  /// Whether any transaction is a void (replay then skips the voided ones).
  public private(set) var hasVoids = false
  /// Whether any transaction amends a plan's adoption date (replay then adopts plans on the
  /// date in force on the view's date, `plans(asOf:)`).
  public private(set) var hasAdoptionAmendments = false

  static func replayOrder(_ a: Transaction, _ b: Transaction) -> Bool {
    (a.date, a.sequence) < (b.date, b.sequence)
  }

  /// The sequence number the next recorded transaction gets.
  public var nextSequence: Int { (transactions.map(\.sequence).max() ?? 0) + 1 }

  /// Inserts a transaction at its place in replay order (no validation; see `LedgerDraft`).
  public mutating func insert(_ transaction: Transaction) {
    let index =
      transactions.firstIndex { Ledger.replayOrder(transaction, $0) } ?? transactions.endIndex
    transactions.insert(transaction, at: index)
    if transaction.event.isVoid { hasVoids = true }
    if transaction.event.amendsAdoption { hasAdoptionAmendments = true }
  }

  /// Inserts many transactions at once: appended, then sorted into replay order only when they
  /// are not already in it (an import of 100,000 stays linear).
  public mutating func insert(contentsOf new: [Transaction]) {
    guard !new.isEmpty else { return }
    let inOrder =
      (transactions.last.map { !Ledger.replayOrder(new[0], $0) } ?? true)
      && zip(new, new.dropFirst()).allSatisfy { Ledger.replayOrder($0, $1) }
    transactions.append(contentsOf: new)
    if new.contains(where: { $0.event.isVoid }) { hasVoids = true }
    if new.contains(where: { $0.event.amendsAdoption }) { hasAdoptionAmendments = true }
    if !inOrder { transactions.sort(by: Ledger.replayOrder) }
  }

  /// Stored snapshots of this company's replay (`Workspace.snapshots(for:)`; a store's
  /// `ledger(for:)` sets them): replay resumes from the latest one that is still valid for this
  /// ledger and the date asked (`Ledger+Snapshots.swift`). Empty: replay from the start.
  public var snapshots: [LedgerSnapshot] = [] { didSet { decodedStates = DecodedStates() } }
  /// Where replay hands a checkpoint when it replayed at least `checkpointInterval`
  /// transactions past its start (a store's `ledger(for:)` sets it to save the snapshot; nil:
  /// nothing is taken).
  public var snapshotSink: (@Sendable (LedgerSnapshot) -> Void)?
  /// The snapshots' states once decoded (shared by copies of this ledger).
  private(set) var decodedStates = DecodedStates()

  /// The snapshot at the end of `date` (or after every transaction when nil).
  public func replay(asOf date: CalendarDate? = nil) throws(LedgerFailure) -> CapTable {
    let interval = snapshotSink == nil ? nil : Ledger.checkpointInterval
    let run = try replayRun(asOf: date, checkpointAfter: interval)
    if let checkpoint = run.checkpoint { snapshotSink?(checkpoint) }
    return run.table
  }

  /// Replays the transactions of `range` (in replay order) that are on or before `date`
  /// into `replay`, skipping voids and voided ones; returns the index after the last one read.
  func apply(
    _ range: Range<Int>, asOf date: CalendarDate?, into replay: inout LedgerReplay
  ) throws(LedgerFailure) -> Int {
    replay.reserveCapacity(forTransactionsOf: transactions, in: range)
    let voided = hasVoids ? voids : [:]
    var index = range.lowerBound
    while index < range.upperBound {
      if let date, transactions[index].date > date { break }
      if !hasVoids
        || !(transactions[index].event.isVoid || voided[transactions[index].sequence] != nil)
      {
        try replay.applyKept(transactions[index])
      }
      index += 1
    }
    return index
  }

  /// The next unused security id with a prefix: `CS-4` after `CS-1`...`CS-3`.
  public func nextSecurityID(prefix: String) -> SecurityID {
    var highest = 0
    let head = prefix + "-"
    for transaction in transactions {
      for id in transaction.event.securityIDs where id.rawValue.hasPrefix(head) {
        if let number = Int(id.rawValue.dropFirst(head.count)), number > highest {
          highest = number
        }
      }
    }
    return SecurityID("\(head)\(highest + 1)")
  }
}

extension LedgerEvent {
  /// Whether the event is a void of another transaction.
  public var isVoid: Bool {
    if case .void = self { return true }
    return false
  }

  /// Whether the event amends a plan's adoption date.
  public var amendsAdoption: Bool {
    if case .amendPlan(let amendment) = self { return amendment.adopted != nil }
    return false
  }
}
