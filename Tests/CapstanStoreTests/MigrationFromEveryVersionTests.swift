import CapstanModel
import CapstanTestSupport
import GRDB
import Testing

@testable import CapstanStore

/// The workspace contract's migration check (issue 17): a file built at every earlier schema
/// version (the migrator stopped there with `migrate(_:upTo:)`), holding the rows that version
/// can hold, is migrated to the latest schema on open and reads back exactly what was put in;
/// it then takes a new write.
///
/// The rows are written by today's store into a second file, then copied into the old file
/// column by column (the columns both have); what a version cannot hold is not written, so a
/// value lost or changed by a migration fails the comparison.
@Suite struct MigrationFromEveryVersionTests {
  /// Every migration but the last, as the point where the old file stops.
  static let stops = Array(WorkspaceSchema.migrations.dropLast())

  @Test(arguments: stops)
  func aWorkspaceStoppedHereIsMigratedAndReadsBack(_ stop: String) throws {
    let known = WorkspaceSchema.migrations
    let stopIndex = try #require(known.firstIndex(of: stop))
    let features = MigrationFeature.allCases.filter {
      (known.firstIndex(of: $0.rawValue) ?? known.count) <= stopIndex
    }
    try withTemporaryFolder { folder in
      let sourcePath = folder + "/source.db"
      let source = try SQLiteWorkspace.create(at: sourcePath)
      try source.write { draft in
        for feature in features { try feature.add(to: &draft) }
      }
      let oldPath = folder + "/old.db"
      let old = try DatabaseQueue(path: oldPath)
      try WorkspaceSchema.migrator.migrate(old, upTo: stop)
      try old.writeWithoutTransaction { db in try copyRows(from: sourcePath, into: db) }
      try old.close()

      let migrated = try SQLiteWorkspace.open(at: oldPath)
      #expect(try migrated.appliedMigrations() == known)
      try expectSameReads(migrated, source, batchesKept: stopIndex >= index(of: "v11"))
      // The migrated file takes a write, read back through another connection.
      try migrated.write { draft in
        _ = try draft.addStakeholder(name: "Late Angel")
        _ = try draft.issueStock(
          to: "Late Angel", quantity: 1_000, className: "Common", pricePerShare: .zero,
          date: day("2026-12-01"), vesting: nil, company: "acme-ai")
      }
      let reopened = try SQLiteWorkspace.open(at: oldPath)
      let count = try source.ledger(for: "acme-ai").transactions.count
      #expect(try reopened.ledger(for: "acme-ai").transactions.count == count + 1)
      #expect(try reopened.lastBatch(for: "acme-ai") == (count + 1)...(count + 1))
    }
  }

  /// The index of the migration whose identifier starts with `prefix` (`v11`).
  private func index(of prefix: String) -> Int {
    WorkspaceSchema.migrations.firstIndex { $0.hasPrefix(prefix + "-") } ?? Int.max
  }

  /// Copies every workspace table's rows from the file at `path` into `db`, through the
  /// columns both have, in the order the tables were created (parents first); the tables `db`
  /// does not have yet are left out.
  private func copyRows(from path: String, into db: Database) throws {
    try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [path])
    let tables = try String.fetchAll(
      db,
      sql: """
        SELECT name FROM source.sqlite_master WHERE type = 'table'
        AND name NOT IN ('meta', 'grdb_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY rowid
        """)
    for table in tables {
      let old = try String.fetchAll(
        db, sql: "SELECT name FROM pragma_table_info(?, 'main')", arguments: [table])
      guard !old.isEmpty else { continue }
      let new = Set(
        try String.fetchAll(
          db, sql: "SELECT name FROM pragma_table_info(?, 'source')", arguments: [table]))
      let columns = old.filter(new.contains).map { "\"\($0)\"" }.joined(separator: ", ")
      try db.execute(
        sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM source.\(table)")
    }
    try db.execute(sql: "DETACH DATABASE source")
  }

  /// Every read of `Workspace` gives the same through both workspaces.
  private func expectSameReads(
    _ migrated: SQLiteWorkspace, _ source: SQLiteWorkspace, batchesKept: Bool
  ) throws {
    #expect(try migrated.companies() == source.companies())
    #expect(try migrated.stakeholders() == source.stakeholders())
    #expect(try migrated.stakeholderHistory() == source.stakeholderHistory())
    let marketA = try migrated.tokenMarket()
    let marketB = try source.tokenMarket()
    #expect(marketA.tokens == marketB.tokens)
    #expect(
      marketA.price("H100H", on: day("2026-12-31")) == marketB.price("H100H", on: day("2026-12-31"))
    )
    for company in try source.companies().map(\.id) {
      let ledgerA = try migrated.ledger(for: company)
      let ledgerB = try source.ledger(for: company)
      #expect(ledgerA.company == ledgerB.company)
      #expect(ledgerA.classes == ledgerB.classes)
      #expect(ledgerA.plans == ledgerB.plans)
      #expect(ledgerA.transactions == ledgerB.transactions)
      #expect(try migrated.savedRounds(for: company) == source.savedRounds(for: company))
      #expect(try migrated.valuations(for: company) == source.valuations(for: company))
      #expect(try migrated.controlRecords(for: company) == source.controlRecords(for: company))
      #expect(try migrated.offers(for: company) == source.offers(for: company))
      // A file from before ledger batches has none until its next write.
      let batch = try source.lastBatch(for: company)
      #expect(try migrated.lastBatch(for: company) == (batchesKept ? batch : nil))
    }
  }
}

/// What each schema version added, as data: the migration that made room for it, and how a
/// write adds it. A file stopped at a version holds every feature up to it.
enum MigrationFeature: String, CaseIterable {
  case company = "v1"
  case savedRound = "v2-saved-rounds"
  case token = "v3-tokens"
  case vestingTerms = "v3-vesting-events"
  case controlRecords = "v4-control-records"
  case valuation = "v5-valuations"
  case broadBased = "v6-company-settings"
  case conversionSeries = "v7-conversion-series"
  case classConversion = "v8-class-conversion"
  case customID = "v9-custom-ids"
  case rename = "v10-stakeholder-history"
  case offers = "v13-offers"

  func add(to draft: inout WorkspaceDraft) throws {
    let acme: Company.ID = "acme-ai"
    switch self {
    case .company:
      try SampleCompany.record(in: &draft)
    case .savedRound:
      try draft.saveRound(WorkspaceContract.savedRound, company: acme)
    case .token:
      let token = try draft.addToken(
        symbol: "H100H", issuer: "Seed Fund I", unit: "H100-hour", unitsPerToken: .one,
        peg: fraction(5, 2))
      try draft.recordTokenPrices([
        TokenPriceMark(symbol: token.symbol, date: day("2026-01-02"), price: fraction(21, 10))
      ])
    case .vestingTerms:
      let terms = VestingTerms(
        start: day("2026-10-05"), periodic: PeriodicVesting(length: 48),
        milestones: [VestingMilestone(name: "Launch", amount: 240)], basis: 1_200)
      try draft.append(
        [
          (
            day("2026-10-05"),
            .grantOptions(
              OptionGrant(
                security: "OP-9", holder: SampleCompany.ada, plan: SampleCompany.planID,
                quantity: 1_200, strike: fraction(1, 4), vestingTerms: terms))
          )
        ], to: acme)
    case .controlRecords:
      for record in WorkspaceContract.records { try draft.addControlRecord(record, to: acme) }
    case .valuation:
      try draft.addValuation(WorkspaceContract.valuation, to: acme)
    case .broadBased:
      _ = try draft.addCompany(
        name: "Beta Labs", currency: .usd, incorporated: day("2025-01-01"),
        broadBasedIncludesUnissuedPool: true)
    case .conversionSeries:
      _ = try draft.addCompany(
        name: "Gamma Labs", currency: .usd, incorporated: day("2025-01-01"),
        conversionSeries: .roundClass)
    case .classConversion:
      _ = try draft.addClass(
        ShareClass(
          id: "new", name: "Series X", kind: .preferred, initialAuthorized: Shares(1_000),
          conversion: .into(target: SampleCompany.commonID, ratio: Ratio(2), rounding: .normal)),
        to: acme)
    case .customID:
      let issuance = LedgerEvent.issueStock(
        StockIssuance(
          security: "CS-90", holder: SampleCompany.ada, shareClass: SampleCompany.commonID,
          quantity: 1_000, pricePerShare: fraction(1, 10)))
      try draft.append([(day("2026-11-01"), issuance.withCustomID("Cert 90"))], to: acme)
    case .rename:
      _ = try draft.renameStakeholder(
        SampleCompany.grace, to: "Grace B. Hopper", date: day("2026-03-01"))
    case .offers:
      try draft.addOffer(WorkspaceContract.offer, to: acme)
    }
  }
}
