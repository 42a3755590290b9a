extension Ledger {
  /// The later transactions that depend on transaction `sequence`: those (not voided) that name
  /// a security it names, and, in turn, those that depend on them; in replay order.
  public func dependants(of sequence: Int) -> [Transaction] {
    guard let target = transaction(sequence) else { return [] }
    var ids = Set(target.event.securityIDs)
    guard !ids.isEmpty else { return [] }
    let voided = hasVoids ? voids : [:]
    var found: [Transaction] = []
    var after = false
    for transaction in transactions {
      if transaction.sequence == sequence {
        after = true
        continue
      }
      guard after, voided[transaction.sequence] == nil, !transaction.event.isVoid else {
        continue
      }
      let named = transaction.event.securityIDs
      if named.contains(where: ids.contains) {
        found.append(transaction)
        ids.formUnion(named)
      }
    }
    return found
  }
}

extension Ledger {
  /// Whether a transaction outside `chosen` (and not voided) depends on one in it: a single
  /// walk in replay order that carries the security ids the chosen ones name, and those named
  /// beside them later (the union of `dependants(of:)` over `chosen`).
  func dependOnAny(of chosen: Set<Int>, voided: [Int: Int]) -> Bool {
    var ids = Set<SecurityID>()
    for transaction in transactions {
      guard voided[transaction.sequence] == nil, !transaction.event.isVoid else { continue }
      let named = transaction.event.securityIDs
      if chosen.contains(transaction.sequence) {
        ids.formUnion(named)
      } else if !ids.isEmpty, named.contains(where: ids.contains) {
        return true
      }
    }
    return false
  }
}

extension WorkspaceDraft {
  /// Voids transactions (a void event each, dated `date`); refused when one is unknown, a void
  /// itself, voided already, or when a later transaction not voided with it depends on it.
  /// The whole ledger is replayed without them before anything is kept.
  @discardableResult
  public mutating func void(
    _ sequences: [Int], reason: String, date: CalendarDate, company: Company.ID
  ) throws -> [Transaction] {
    let ledger = try ledger(for: company)
    let voided = ledger.hasVoids ? ledger.voids : [:]
    let chosen = Set(sequences)
    guard !reason.trimmingSpaces.isEmpty else {
      throw LedgerError.invalidVoid(
        transaction: sequences.first ?? 0, problem: "give a reason (--reason TEXT)")
    }
    let bySequence = Dictionary(
      ledger.transactions.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
    // One pass decides whether anything outside the chosen set depends on them (an import of
    // 100,000 transactions is voided whole); the slower walk per target below only runs to
    // name what blocks.
    let blocked = ledger.dependOnAny(of: chosen, voided: voided)
    for sequence in sequences {
      guard let target = bySequence[sequence] else {
        throw LedgerError.invalidVoid(
          transaction: sequence, problem: "the ledger has no transaction \(sequence)")
      }
      if target.event.isVoid {
        throw LedgerError.invalidVoid(transaction: sequence, problem: "it is a void itself")
      }
      if let by = voided[sequence] {
        throw LedgerError.invalidVoid(
          transaction: sequence, problem: "it is voided already (by transaction \(by))")
      }
      guard blocked else { continue }
      let blocking = ledger.dependants(of: sequence).filter { !chosen.contains($0.sequence) }
      if !blocking.isEmpty {
        let names = blocking.map { Ledger.describe($0) }.joined(separator: "; ")
        throw LedgerError.invalidVoid(
          transaction: sequence,
          problem:
            "later transactions depend on it: \(names) (void those first, or use --cascade)")
      }
    }
    // The latest first, so each void's dependants are voided before it.
    let ordered = sequences.sorted(by: >)
    return try append(
      ordered.map { (date, .void(Voiding(transaction: $0, reason: reason.trimmingSpaces))) },
      to: company)
  }
}

extension Ledger {
  /// `transaction 7 (transfer CS-2, 2026-03-01)`.
  public static func describe(_ transaction: Transaction) -> String {
    let security = transaction.event.securityIDs.first.map { " \($0)" } ?? ""
    return
      "transaction \(transaction.sequence) (\(transaction.event.kind)\(security), \(transaction.date))"
  }
}
