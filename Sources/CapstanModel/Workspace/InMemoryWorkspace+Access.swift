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

extension InMemoryWorkspace {
  /// Keeps a new browser session, forgetting those that expired before it began.
  public func addSession(_ session: BrowserSession) throws {
    lock.withLock {
      storedSessions = storedSessions.filter { $0.value.expires >= session.created }
      storedSessions[session.hash.lowercased()] = session
    }
  }

  /// The session whose id has this hash, if any.
  public func session(hash: String) throws -> BrowserSession? {
    lock.withLock { storedSessions[hash.lowercased()] }
  }

  /// Ends a session at `time`.
  public func endSession(hash: String, at time: Int) throws {
    lock.withLock {
      let key = hash.lowercased()
      if storedSessions[key]?.ended == nil { storedSessions[key]?.ended = time }
    }
  }
}
