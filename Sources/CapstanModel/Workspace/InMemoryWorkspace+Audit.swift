extension InMemoryWorkspace {
  /// Each of the company's transactions' audit record id, by sequence.
  public func transactionAuditIDs(for company: Company.ID) throws -> [Int: String] {
    lock.withLock { transactionAudit[company] ?? [:] }
  }
}

extension InMemoryWorkspace {
  /// The position of the latest audit record of the company or of no company (0: none).
  public func latestAuditPosition(for company: Company.ID) throws -> Int {
    lock.withLock {
      (storedAudit.lastIndex { $0.company == company || $0.company == nil } ?? -1) + 1
    }
  }
}
