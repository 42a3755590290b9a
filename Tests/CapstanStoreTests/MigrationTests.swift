import CapstanModel
import CapstanStore
import CapstanTestSupport
import GRDB
import Testing

@Suite struct MigrationTests {
  @Test func theMigrationsAreListedInOrder() {
    #expect(
      SQLiteWorkspace.knownMigrations == [
        "v1", "v2-saved-rounds", "v3-tokens", "v3-vesting-events", "v4-control-records",
        "v5-valuations", "v6-company-settings", "v7-conversion-series", "v8-class-conversion",
        "v9-custom-ids", "v10-stakeholder-history", "v11-ledger-batches",
        "v12-resulting-custom-ids", "v13-offers", "v14-token-costs", "v15-snapshots",
        "v16-access", "v17-sessions", "v18-audit-pointer", "v19-round-closings",
      ])
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
        // meta, companies, stakeholders, share_classes, stock_plans, transactions, saved_rounds,
        // tokens, token_prices, control_records, valuations, stakeholder_changes,
        // ledger_batches, offers, token_costs, snapshots, access_changes, audit_records,
        // browser_sessions, round_closings
        #expect(strict == 20)
      }
    }
  }
}

@Suite struct MigrationFromV1Tests {
  /// A file as v1 wrote it (no saved_rounds table, one migration recorded) opens, is migrated
  /// to the current schema, keeps its ledger, and can save rounds.
  @Test func aV1WorkspaceIsMigratedForward() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      try workspace.write { draft in _ = try SampleCompany.record(in: &draft) }
      try withRawDatabase(path) { db in
        try db.execute(sql: "DROP TABLE saved_rounds")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2-saved-rounds'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      #expect(try reopened.ledger(for: "acme-ai").transactions.count == 17)
      let round = SavedRound(
        name: "Seed", closing: day("2026-01-01"),
        terms: RoundTerms(
          valuation: .preMoney(Ratio(10_000_000)),
          investors: [Investment(investor: "Lead", amount: Ratio(1_000_000))],
          pool: .none, newClass: NewClassTerms(name: "Seed")),
        outcome: ["price": "1"])
      try reopened.write { draft in try draft.saveRound(round, company: "acme-ai") }
      #expect(try SQLiteWorkspace.open(at: path).savedRounds(for: "acme-ai") == [round])
    }
  }
}

@Suite struct MigrationFromV2Tests {
  /// A file as v2 wrote it (no token tables) opens, is migrated, keeps its ledger, and can
  /// record tokens and prices.
  @Test func aV2WorkspaceGainsTokens() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      try workspace.write { draft in _ = try SampleCompany.record(in: &draft) }
      try withRawDatabase(path) { db in
        try db.execute(sql: "DROP TABLE token_prices")
        try db.execute(sql: "DROP TABLE tokens")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-tokens'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      #expect(try reopened.ledger(for: "acme-ai").transactions.count == 17)
      try reopened.write { draft in
        try draft.addToken(
          symbol: "H100H", issuer: "ComputeCo", unit: "H100-hour", unitsPerToken: .one,
          peg: Ratio(5, 2))
        try draft.recordTokenPrices([
          TokenPriceMark(symbol: "h100h", date: day("2026-06-01"), price: Ratio(21, 10))
        ])
      }
      let market = try SQLiteWorkspace.open(at: path).tokenMarket()
      #expect(try market.token("H100H").peg == Ratio(5, 2))
      #expect(market.price("H100H", on: day("2026-07-01")) == Ratio(21, 10))
    }
  }
}

@Suite struct MigrationFromV6Tests {
  /// A file as v6 wrote it (no conversion columns) opens, is migrated, keeps its classes with
  /// the default conversion (preferred into common at OIP ÷ CP), and stores a class that
  /// converts into a named class at a stated ratio, or not at all.
  @Test func aV6WorkspaceGainsClassConversion() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      try workspace.write { draft in _ = try SampleCompany.record(in: &draft) }
      try withRawDatabase(path) { db in
        for column in [
          "conversion", "conversion_target", "conversion_ratio", "conversion_rounding",
        ] {
          try db.execute(sql: "ALTER TABLE share_classes DROP COLUMN \(column)")
        }
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v8-class-conversion'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      let classes = try reopened.ledger(for: "acme-ai").classes
      #expect(!classes.isEmpty)
      #expect(classes.allSatisfy { $0.conversion == .standard })
      let common = try #require(classes.first { $0.kind == .common })
      try reopened.write { draft in
        _ = try draft.addClass(
          ShareClass(
            id: "new", name: "Series X", kind: .preferred, initialAuthorized: Shares(1_000),
            conversion: .into(target: common.id, ratio: Ratio(2), rounding: .normal)),
          to: "acme-ai")
        _ = try draft.addClass(
          ShareClass(
            id: "new", name: "Series Y", kind: .preferred, initialAuthorized: Shares(1_000),
            conversion: ClassConversion.none),
          to: "acme-ai")
      }
      let stored = try SQLiteWorkspace.open(at: path).ledger(for: "acme-ai").classes
      #expect(
        stored.first { $0.name == "Series X" }?.conversion
          == .into(target: common.id, ratio: Ratio(2), rounding: .normal))
      #expect(stored.first { $0.name == "Series Y" }?.conversion == ClassConversion.none)
    }
  }
}

@Suite struct MigrationFromV8Tests {
  /// A file as v8 wrote it (no `custom_id` column) opens, is migrated, reads its transactions
  /// without custom ids, and then stores an issuance's custom id.
  @Test func aV8WorkspaceGainsCustomIDs() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      try workspace.write { draft in _ = try SampleCompany.record(in: &draft) }
      let before = try workspace.ledger(for: "acme-ai").transactions
      try withRawDatabase(path) { db in
        try db.execute(sql: "ALTER TABLE transactions DROP COLUMN custom_id")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v9-custom-ids'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      let ledger = try reopened.ledger(for: "acme-ai")
      #expect(ledger.transactions == before)
      #expect(ledger.customIDs.isEmpty)
      let holder = try #require(ledger.stakeholders.keys.first)
      let common = try #require(ledger.classes.first { $0.kind == .common })
      var issuance = StockIssuance(
        security: "CS-900", holder: holder, shareClass: common.id, quantity: Shares(1),
        pricePerShare: Ratio(1))
      issuance.customID = "Certificate 900"
      try reopened.write { draft in
        _ = try draft.append([(day("2026-12-01"), .issueStock(issuance))], to: "acme-ai")
      }
      let stored = try SQLiteWorkspace.open(at: path).ledger(for: "acme-ai")
      #expect(stored.customIDs == ["CS-900": "Certificate 900"])
    }
  }
}

@Suite struct MigrationFromV11Tests {
  /// A file as v11 wrote it (no `balance_custom_id` column) opens, is migrated, reads its
  /// transactions as before, and then stores a transfer's custom ids: the transferee's in
  /// `custom_id`, the balance's in the new column.
  @Test func aV11WorkspaceGainsBalanceCustomIDs() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/w.capstan"
      let workspace = try SQLiteWorkspace.create(at: path)
      try workspace.write { draft in _ = try SampleCompany.record(in: &draft) }
      let before = try workspace.ledger(for: "acme-ai").transactions
      try withRawDatabase(path) { db in
        try db.execute(sql: "ALTER TABLE transactions DROP COLUMN balance_custom_id")
        try db.execute(
          sql: "DELETE FROM grdb_migrations WHERE identifier = 'v12-resulting-custom-ids'")
      }
      let reopened = try SQLiteWorkspace.open(at: path)
      #expect(try reopened.appliedMigrations() == SQLiteWorkspace.knownMigrations)
      let ledger = try reopened.ledger(for: "acme-ai")
      #expect(ledger.transactions == before)
      let holder = try #require(ledger.stakeholders.keys.sorted { $0.rawValue < $1.rawValue }.first)
      let other = try #require(ledger.stakeholders.keys.sorted { $0.rawValue < $1.rawValue }.last)
      let common = try #require(ledger.classes.first { $0.kind == .common })
      var issuance = StockIssuance(
        security: "CS-900", holder: holder, shareClass: common.id, quantity: Shares(10),
        pricePerShare: Ratio(1))
      issuance.customID = "C-900"
      var transfer = Transfer(
        security: "CS-900", to: other, quantity: Shares(4), resultingSecurity: "CS-901",
        balanceSecurity: "CS-902")
      transfer.resultingCustomID = "C-901"
      transfer.balanceCustomID = "C-902"
      try reopened.write { draft in
        _ = try draft.append(
          [(day("2026-12-01"), .issueStock(issuance)), (day("2026-12-02"), .transfer(transfer))],
          to: "acme-ai")
      }
      let stored = try SQLiteWorkspace.open(at: path).ledger(for: "acme-ai")
      #expect(stored.customIDs == ["CS-900": "C-900", "CS-901": "C-901", "CS-902": "C-902"])
      let column = try withRawDatabase(path) { db in
        try String.fetchOne(
          db, sql: "SELECT balance_custom_id FROM transactions WHERE balance_security = 'CS-902'")
      }
      #expect(column == "C-902")
    }
  }
}
