extension InMemoryWorkspace {
  /// What each `round close` of the company recorded, in recording order.
  public func roundClosings(for company: Company.ID) throws -> [RoundCloseRecord] {
    lock.withLock { storedRoundClosings[company] ?? [] }
  }

  /// Keeps a write's round closings (called by `write(_:)` under the lock).
  func keepRoundClosings(_ closings: [CompanyItem<RoundCloseRecord>]) {
    for entry in closings { storedRoundClosings[entry.company, default: []].append(entry.item) }
  }
}
