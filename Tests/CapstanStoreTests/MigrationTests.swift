import CapstanModel
import CapstanStore
import GRDB
import Testing

@Suite struct MigrationTests {
  @Test func theMigrationsAreListedInOrder() {
    #expect(SQLiteWorkspace.knownMigrations == ["v1"])
  }

  @Test func aNewWorkspaceHasEveryMigrationApplied() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let created = try SQLiteWorkspace.create(at: path).appliedMigrations()
      #expect(created == SQLiteWorkspace.knownMigrations)
      let reopened = try SQLiteWorkspace.open(at: path).appliedMigrations()
      #expect(reopened == SQLiteWorkspace.knownMigrations)
    }
  }

  @Test func theFileIsMarkedAndConfigured() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      _ = try SQLiteWorkspace.create(at: path)
      try withRawDatabase(path) { db in
        // "CPST" in ASCII.
        #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == 0x4350_5354)
        #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        #expect(
          try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
            == "capstan-workspace")
        let strict = try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM pragma_table_list
            WHERE schema = 'main' AND strict = 1 AND name NOT LIKE 'sqlite_%'
            """)
        // meta, companies, stakeholders, share_classes, stock_plans, transactions
        #expect(strict == 6)
      }
    }
  }
}
