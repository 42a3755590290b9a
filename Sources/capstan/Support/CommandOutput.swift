import CapstanEngine
import CapstanModel

/// What write commands print.
enum CommandOutput {
  /// `Recorded transaction 4 on 2025-01-15: issue CS-1, 4,000,000 Common to Ada at $0.0001`.
  static func recorded(_ transaction: Transaction, _ store: any Workspace, _ company: Company)
    throws
  {
    let ledger = try store.ledger(for: company.id)
    let entry = LedgerListing.entries(of: ledger).first { $0.sequence == transaction.sequence }
    let security = entry?.security.map { " \($0)" } ?? ""
    print(
      "Recorded transaction \(transaction.sequence) on \(transaction.date): \(transaction.event.kind)\(security), \(entry?.summary ?? "")"
    )
    if let note = AsOf.futureNote([transaction.date]) { print(note) }
  }
}

extension WorkspaceOptions {
  /// Opens the company, records the transaction `body` writes (in one atomic write) and
  /// prints it (`CommandOutput.recorded`).
  func record(_ body: (inout WorkspaceDraft, Company) throws -> Transaction) throws {
    try recordAll { draft, company in [try body(&draft, company)] }
  }

  /// `record` for a write of several transactions, printed in order.
  func recordAll(_ body: (inout WorkspaceDraft, Company) throws -> [Transaction]) throws {
    let (store, company) = try openCompany()
    let written = try store.write { draft in try body(&draft, company) }
    for transaction in written { try CommandOutput.recorded(transaction, store, company) }
  }
}

/// Large values a command keeps until the process exits, so that a short-lived process does not
/// spend its last tens of milliseconds freeing a 100,000-transaction ledger the OS reclaims anyway.
enum ProcessLifetime {
  nonisolated(unsafe) private static var kept: [Any] = []

  /// Keeps `value` alive until exit.
  static func keep(_ value: Any) { kept.append(value) }
}
