/// Why a company's last write cannot be undone.
public enum UndoRefusal: Error, Sendable, Equatable, CustomStringConvertible {
  /// The company's ledger has no transactions.
  case emptyLedger(company: String)
  /// No write that kept track of its batch recorded anything in the company.
  case nothingRecorded(company: String)
  /// The last batch is not the end of the ledger: the last entries came before batches.
  case notLatest(company: String, last: Int)
  /// The last write recorded only voids.
  case onlyVoids(company: String)

  /// The facts.
  public var description: String {
    switch self {
    case .emptyLedger(let company):
      "nothing to undo in \(company): its ledger has no transactions"
    case .nothingRecorded(let company):
      "nothing to undo in \(company): its transactions were recorded before this version of "
        + "Capstan kept track of commands (schema step v11-ledger-batches)"
    case .notLatest(let company, let last):
      "the last entry of \(company) (transaction \(last)) was recorded before this version of "
        + "Capstan kept track of commands (schema step v11-ledger-batches)"
    case .onlyVoids(let company):
      "the last command in \(company) recorded only voids, which cannot be voided; "
        + "nothing to undo"
    }
  }
}

extension Ledger {
  /// What undoing the last write voids: the transactions of `lastBatch` (the sequences the
  /// last write recorded, `Workspace.lastBatch(for:)`) that are neither voids nor voided
  /// already, in sequence order.
  public func undoTargets(lastBatch: ClosedRange<Int>?) throws(UndoRefusal) -> [Transaction] {
    guard !transactions.isEmpty else { throw .emptyLedger(company: company.name) }
    guard let batch = lastBatch else { throw .nothingRecorded(company: company.name) }
    let last = transactions.map(\.sequence).max() ?? 0
    guard batch.upperBound == last else { throw .notLatest(company: company.name, last: last) }
    let voided = hasVoids ? voids : [:]
    let targets = transactions.filter {
      batch.contains($0.sequence) && !$0.event.isVoid && voided[$0.sequence] == nil
    }.sorted { $0.sequence < $1.sequence }
    guard !targets.isEmpty else { throw .onlyVoids(company: company.name) }
    return targets
  }
}
