import CapstanModel
import Foundation
import GRDB

extension SQLiteWorkspace {
  /// The users, roles and tokens as they stand.
  public func accessDirectory() throws -> AccessDirectory {
    try translatingDatabaseErrors {
      try queue.read { db in AccessDirectory(try WorkspaceReader(db: db).accessChanges()) }
    }
  }

  /// Every audit record, oldest first.
  public func auditRecords() throws -> [AuditRecord] {
    try translatingDatabaseErrors {
      try queue.read { db in try WorkspaceReader(db: db).auditRecords() }
    }
  }
}

extension WorkspaceReader {
  /// The access changes, in recording order (none in a file from before `v16-access`).
  func accessChanges() throws -> [AccessChange] {
    guard try db.tableExists("access_changes") else { return [] }
    return try Row.fetchAll(db, sql: "SELECT position, body FROM access_changes ORDER BY position")
      .map { row in try StoredAccessJSON.decode(AccessChange.self, row, table: "access_changes") }
  }

  /// The audit records, in recording order.
  func auditRecords() throws -> [AuditRecord] {
    guard try db.tableExists("audit_records") else { return [] }
    return try Row.fetchAll(db, sql: "SELECT position, body FROM audit_records ORDER BY position")
      .map { row in try StoredAccessJSON.decode(AuditRecord.self, row, table: "audit_records") }
  }
}

extension WorkspaceWriter {
  /// Inserts a write's access changes and its audit records (`changes.auditRecords()`, made
  /// once per write so that its ledger rows point at them).
  func insertAccess(_ changes: WorkspaceChanges, audit: [AuditRecord]) throws {
    for change in changes.access {
      try db.execute(
        sql: "INSERT INTO access_changes (body) VALUES (?)",
        arguments: [try StoredAccessJSON.encode(change)])
    }
    try insertAudit(changes.storedAudit(audit))
  }

  /// Inserts audit records.
  func insertAudit(_ records: [AuditRecord]) throws {
    for record in records {
      try db.execute(
        sql: "INSERT INTO audit_records (id, at, company_id, body) VALUES (?, ?, ?, ?)",
        arguments: [
          record.id, record.at, record.company?.rawValue, try StoredAccessJSON.encode(record),
        ])
    }
  }
}

/// The JSON the access and audit rows keep (sorted keys, like the offers').
enum StoredAccessJSON {
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  static func decode<T: Decodable>(_ type: T.Type, _ row: Row, table: String) throws -> T {
    let body: String = row["body"] ?? ""
    do {
      return try JSONDecoder().decode(type, from: Data(body.utf8))
    } catch {
      throw StoreError.unreadableRow(
        table: table, key: String(row["position"] ?? 0), problem: "cannot be read")
    }
  }
}

extension SQLiteWorkspace {
  /// Keeps a new browser session, deleting those that expired before it began.
  public func addSession(_ session: BrowserSession) throws {
    try translatingDatabaseErrors {
      try writer().write { db in
        try db.execute(
          sql: "DELETE FROM browser_sessions WHERE expires < ?", arguments: [session.created])
        try db.execute(
          sql: """
            INSERT INTO browser_sessions (hash, user_id, created, expires, ended)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [
            session.hash.lowercased(), session.user.rawValue, session.created, session.expires,
            session.ended,
          ])
      }
    }
  }

  /// The session whose id has this hash, if any (none in a file from before `v17-sessions`).
  public func session(hash: String) throws -> BrowserSession? {
    try translatingDatabaseErrors {
      try queue.read { db -> BrowserSession? in
        guard try db.tableExists("browser_sessions") else { return nil }
        guard
          let row = try Row.fetchOne(
            db,
            sql: "SELECT hash, user_id, created, expires, ended FROM browser_sessions "
              + "WHERE hash = ?", arguments: [hash.lowercased()]),
          let key = row["hash"] as String?, let user = row["user_id"] as String?,
          let created = row["created"] as Int?, let expires = row["expires"] as Int?
        else { return nil }
        return BrowserSession(
          hash: key, user: User.ID(user), created: created, expires: expires,
          ended: row["ended"] as Int?)
      }
    }
  }

  /// Ends a session at `time`.
  public func endSession(hash: String, at time: Int) throws {
    try translatingDatabaseErrors {
      try writer().write { db in
        try db.execute(
          sql: "UPDATE browser_sessions SET ended = ? WHERE hash = ? AND ended IS NULL",
          arguments: [time, hash.lowercased()])
      }
    }
  }
}
