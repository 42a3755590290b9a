import Foundation

extension InMemoryWorkspace {
  /// The users, roles and tokens as they stand.
  public func accessDirectory() throws -> AccessDirectory {
    lock.withLock { AccessDirectory(storedAccess) }
  }

  /// Every audit record, oldest first.
  public func auditRecords() throws -> [AuditRecord] {
    lock.withLock { storedAudit }
  }
}
