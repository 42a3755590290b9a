/// A replay fed one transaction at a time, in replay order (date, then sequence): what
/// `Ledger.replay(asOf:)` does, for a caller that never holds the whole ledger (a large import
/// checks its rows as it reads them back from the store).
public struct LedgerReplay: Sendable {
  /// The snapshot so far (a stored snapshot keeps it, `LedgerReplay+Snapshot.swift`).
  var table: CapTable
  /// Plans not adopted yet, in order of adoption.
  var pending: ArraySlice<StockPlan>

  /// A replay of a company's ledger from its start; `plans` are adopted on their dates.
  public init(
    company: Company, stakeholders: [Stakeholder.ID: Stakeholder], classes: [ShareClass],
    plans: [StockPlan]
  ) {
    table = CapTable(company: company, stakeholders: stakeholders, classes: classes, plans: [])
    pending = plans.sorted { ($0.adopted, $0.name) < ($1.adopted, $1.name) }[...]
  }

  /// Makes room for every security `events` can open (see `CapTable.reserveCapacity`).
  public mutating func reserveCapacity<Events: Sequence<LedgerEvent>>(for events: Events) {
    table.reserveCapacity(for: events)
  }

  /// Makes room for every security the transactions of `range` can open, counted without
  /// copying their events (a copy of each event is a retain and a release).
  mutating func reserveCapacity(forTransactionsOf transactions: [Transaction], in range: Range<Int>)
  {
    var capacity = SecurityCapacity()
    for index in range { capacity.count(transactions[index].event) }
    table.reserveCapacity(capacity)
  }

  /// Makes room for the securities `capacity` counted.
  public mutating func reserveCapacity(_ capacity: SecurityCapacity) {
    table.reserveCapacity(capacity)
  }

  /// The sequences of voided transactions, which `apply` skips (as it skips voids).
  public var voided: Set<Int> = []
  /// Whether a plan amendment of an adoption date reschedules a plan not adopted yet (a
  /// streamed import, which replays its rows once with the plans as added; `Ledger.replay`
  /// passes the plans already as amended by the view's date and leaves this off).
  public var reschedulesAdoptions = false

  /// Applies the next transaction; each must come after the one before in replay order.
  public mutating func apply(_ transaction: Transaction) throws(LedgerFailure) {
    if transaction.event.isVoid || (!voided.isEmpty && voided.contains(transaction.sequence)) {
      return
    }
    try applyKept(transaction)
  }

  /// Applies the next transaction, which the caller has already kept (neither a void nor
  /// voided): `Ledger.replay` checks that once for the whole ledger.
  mutating func applyKept(_ transaction: Transaction) throws(LedgerFailure) {
    let day = transaction.date
    if reschedulesAdoptions, case .amendPlan(let amendment) = transaction.event,
      let adopted = amendment.adopted
    {
      reschedule(amendment.plan, to: adopted)
    }
    if let next = pending.first, next.adopted <= day { try adopt(through: day) }
    do throws(LedgerError) {
      try table.apply(transaction.event, on: day)
    } catch {
      throw LedgerFailure(transaction: transaction, error: error)
    }
    table.asOf = day
  }

  /// The snapshot at the end of `date` (default: the last transaction's date, or the last
  /// plan's adoption when later); plans adopted by then are adopted.
  public mutating func finish(asOf date: CalendarDate? = nil) throws(LedgerFailure) -> CapTable {
    let end = date ?? max(table.asOf, pending.last?.adopted ?? table.asOf)
    try adopt(through: end)
    table.asOf = end
    return table
  }

  /// A plan not adopted yet is adopted on `date` instead (a plan amendment of its adoption
  /// date; `Ledger.replay` already passes the plans as amended by the view's date).
  private mutating func reschedule(_ plan: StockPlan.ID, to date: CalendarDate) {
    guard let index = pending.firstIndex(where: { $0.id == plan }), pending[index].adopted != date
    else { return }
    var plans = Array(pending)
    plans[index - pending.startIndex].adopted = date
    pending = plans.sorted { ($0.adopted, $0.name) < ($1.adopted, $1.name) }[...]
  }

  private mutating func adopt(through day: CalendarDate) throws(LedgerFailure) {
    while let plan = pending.first, plan.adopted <= day {
      pending = pending.dropFirst()
      do throws(LedgerError) {
        try table.adopt(plan)
      } catch {
        throw LedgerFailure(
          context: "stock plan '\(plan.name)' adopted \(plan.adopted)", error: error)
      }
    }
  }
}
