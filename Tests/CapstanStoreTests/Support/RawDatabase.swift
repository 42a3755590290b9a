import GRDB

/// Raw SQL on a workspace file, bypassing the store: how tests tamper with a file.
func withRawDatabase<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
  let queue = try DatabaseQueue(path: path)
  return try queue.writeWithoutTransaction(body)
}

/// The number of rows of each table that holds workspace data.
func rowCounts(_ path: String) throws -> [String: Int] {
  try withRawDatabase(path) { db in
    var counts: [String: Int] = [:]
    for table in ["companies", "stakeholders", "share_classes", "stock_plans", "transactions"] {
      counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
    }
    return counts
  }
}
