import CapstanModel
import PostgresNIO

extension PostgresWorkspace {
  /// The users, roles and tokens as they stand.
  public func accessDirectory() throws -> AccessDirectory {
    try read { AccessDirectory(try $0.accessChanges()) }
  }

  /// Every audit record, oldest first.
  public func auditRecords() throws -> [AuditRecord] {
    try read { try $0.auditRecords() }
  }
}

extension PostgresReader {
  /// The second advisory-lock key that serialises writers of the workspace's people.
  static let accessLock: Int32 = 1

  /// The access changes, in recording order.
  func accessChanges() throws -> [AccessChange] {
    try connection.rows("SELECT body::text FROM access_changes ORDER BY position")
      .enumerated().map { index, row in
        try StoredJSON.decode(
          AccessChange.self, from: try row.decode(String.self), table: "access_changes",
          key: "\(index + 1)")
      }
  }

  /// The access changes, read under the people's lock (held to the commit), for a write.
  func lockedAccessChanges() throws -> [AccessChange] {
    try connection.rows(
      "SELECT pg_advisory_xact_lock(\(PostgresSchema.lockNamespace), \(Self.accessLock))")
    return try accessChanges()
  }

  /// The audit records, in recording order.
  func auditRecords() throws -> [AuditRecord] {
    try connection.rows("SELECT body::text FROM audit_records ORDER BY position")
      .enumerated().map { index, row in
        try StoredJSON.decode(
          AuditRecord.self, from: try row.decode(String.self), table: "audit_records",
          key: "\(index + 1)")
      }
  }
}

extension PostgresWriter {
  /// Inserts a write's access changes and its audit records (made once per write, so that
  /// its ledger rows point at them).
  func insertAccess(_ changes: WorkspaceChanges, audit: [AuditRecord]) throws {
    for change in changes.access {
      let body = try StoredJSON.encode(change, what: "access change")
      try connection.rows("INSERT INTO access_changes (body) VALUES (\(body)::json)")
    }
    for record in changes.storedAudit(audit) {
      let body = try StoredJSON.encode(record, what: "audit record")
      try connection.rows(
        """
        INSERT INTO audit_records (id, at, company_id, body) VALUES
        (\(record.id), \(record.at), \(record.company?.rawValue), \(body)::json)
        """)
    }
  }
}

extension PostgresWorkspace {
  /// Keeps a new browser session, deleting those that expired before it began.
  public func addSession(_ session: BrowserSession) throws {
    try locked {
      try connection.transaction {
        try connection.rows(
          "DELETE FROM browser_sessions WHERE expires < \(session.created)")
        try connection.rows(
          """
          INSERT INTO browser_sessions (hash, user_id, created, expires, ended) VALUES
          (\(session.hash.lowercased()), \(session.user.rawValue), \(session.created),
          \(session.expires), \(session.ended))
          """)
      }
    }
  }

  /// The session whose id has this hash, if any.
  public func session(hash: String) throws -> BrowserSession? {
    try read { reader in
      try reader.connection.rows(
        """
        SELECT hash, user_id, created, expires, ended FROM browser_sessions
        WHERE hash = \(hash.lowercased())
        """
      ).first.map { row in
        let (key, user, created, expires, ended) = try row.decode(
          (String, String, Int, Int, Int?).self)
        return BrowserSession(
          hash: key, user: User.ID(user), created: created, expires: expires, ended: ended)
      }
    }
  }

  /// Ends a session at `time`.
  public func endSession(hash: String, at time: Int) throws {
    try locked {
      try connection.transaction {
        try connection.rows(
          """
          UPDATE browser_sessions SET ended = \(time)
          WHERE hash = \(hash.lowercased()) AND ended IS NULL
          """)
      }
    }
  }
}
