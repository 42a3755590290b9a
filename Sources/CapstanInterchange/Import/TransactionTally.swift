import CapstanModel

/// How many transactions of each kind an import read, in order of first appearance.
public struct TransactionTally: Sendable, Equatable {
  /// Every transaction counted.
  public private(set) var total = 0
  private var counts: [LedgerEvent.Kind: Int] = [:]
  private var order: [LedgerEvent.Kind] = []

  /// Nothing counted yet.
  public init() {}

  /// The latest date counted (nil when no date was given).
  public private(set) var latest: CalendarDate?

  /// Counts one transaction of `kind`, dated `date` when given.
  public mutating func add(_ kind: LedgerEvent.Kind, on date: CalendarDate? = nil) {
    total += 1
    if let date, latest.map({ date > $0 }) ?? true { latest = date }
    if let count = counts[kind] {
      counts[kind] = count + 1
    } else {
      counts[kind] = 1
      order.append(kind)
    }
  }

  /// The counts, `[(.issue, 3), (.grant, 1)]`.
  public var kinds: [(kind: LedgerEvent.Kind, count: Int)] { order.map { ($0, counts[$0] ?? 0) } }

  /// `3 issue, 1 grant`.
  public var description: String { kinds.map { "\($0.count) \($0.kind)" }.joined(separator: ", ") }
}
