import CapstanDocuments
import CapstanEngine
import CapstanModel
import Testing

/// The term sheet of a closed round is modelled on the ledger before the close, found from the
/// `RoundCloseRecord` the close wrote (or inferred from class names for a workspace closed
/// before records were kept).
@Suite("Closed rounds: the ledger before the close, from the close's record")
struct RoundCloseRecordTests {
  static func date(_ text: String) -> CalendarDate {
    CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
  }

  /// The worked example of `TermsheetEndToEndTests` (Fixtures/scenarios/
  /// series-a-worked-example.yaml): Founders 8M common, a 1M pool with 600k granted, SAFE A
  /// $500k at an $8M cap, SAFE B $1M at a $12M cap with 20 % discount; the Series A is $24M
  /// pre-money, Lead $6M, pool target 12 %.
  static func example() throws -> (InMemoryWorkspace, Company.ID) {
    let workspace = InMemoryWorkspace()
    let company = try workspace.write { draft -> Company.ID in
      let company = try draft.addCompany(
        name: "Example Co", currency: .usd, incorporated: date("2024-01-01")
      ).id
      let founders = try draft.addStakeholder(name: "Founders").id
      let staff = try draft.addStakeholder(name: "Staff").id
      let safeA = try draft.addStakeholder(name: "SAFE A").id
      let safeB = try draft.addStakeholder(name: "SAFE B").id
      let common = try draft.addClass(
        ShareClass(id: "common", name: "Common", initialAuthorized: 10_000_000), to: company
      ).id
      let plan = try draft.addPlan(
        StockPlan(
          id: "plan", name: "Plan", shareClass: common, initialReserve: 1_000_000,
          adopted: date("2024-01-01"), cancellationBehavior: .retire),
        to: company
      ).id
      try draft.append(
        [
          (
            date("2024-01-01"),
            .issueStock(
              StockIssuance(
                security: "CS-1", holder: founders, shareClass: common, quantity: 8_000_000,
                pricePerShare: Ratio(1, 10_000)))
          ),
          (
            date("2024-02-01"),
            .grantOptions(
              OptionGrant(
                security: "OP-1", holder: staff, plan: plan, quantity: 600_000,
                strike: Ratio(1, 10)))
          ),
          (
            date("2025-01-01"),
            .issueSAFE(
              SAFEIssuance(
                security: "SAFE-1", holder: safeA, purchaseAmount: Ratio(500_000),
                valuationCap: Ratio(8_000_000)))
          ),
          (
            date("2025-02-01"),
            .issueSAFE(
              SAFEIssuance(
                security: "SAFE-2", holder: safeB, purchaseAmount: Ratio(1_000_000),
                valuationCap: Ratio(12_000_000), discount: Ratio(1, 5)))
          ),
        ], to: company)
      return company
    }
    return (workspace, company)
  }

  /// A round saved on the workspace's current ledger.
  static func save(
    _ name: String, preMoney: Int64 = 24_000_000, amount: Int64, on closing: CalendarDate,
    pool: RoundTerms.Pool, workspace: InMemoryWorkspace, company: Company.ID
  ) throws -> SavedRound {
    let terms = RoundTerms(
      valuation: .preMoney(Ratio(preMoney)),
      investors: [Investment(investor: "Lead", amount: Ratio(amount))], pool: pool,
      newClass: NewClassTerms(name: name))
    let ledger = try workspace.ledger(for: company)
    let round = SavedRound(
      name: name, closing: closing, terms: terms,
      outcome: try terms.model(on: ledger, closing: closing).keyNumbers.stored)
    try workspace.write { draft in try draft.saveRound(round, company: company) }
    return round
  }

  /// Closes `round` as `round close` does; returns what it wrote.
  @discardableResult
  static func close(_ round: SavedRound, workspace: InMemoryWorkspace, company: Company.ID)
    throws -> [Transaction]
  {
    let order = try round.closing(on: try workspace.ledger(for: company))
    return try workspace.write { draft in
      try draft.closeSavedRound(round, closing: order, company: company)
    }
  }

  /// Every field a template reads, compared whole, but for `closed` (a new investor the close
  /// added is the same investor, by name, on either side).
  static func numbers(_ deal: TermSheetDeal) throws -> TermSheetFields {
    var deal = deal
    deal.closed = false
    return try deal.context()
  }

  /// Two converting SAFEs and a pool top-up: the close writes both conversions (each into its
  /// sub-series, both caps being below the round price), Lead's shares, and the pool increase;
  /// the record names that run and the three classes, and the closed round's term sheet has
  /// the numbers it had before the close.
  @Test func aClosedRoundKeepsItsTermSheet() throws {
    let (workspace, company) = try Self.example()
    let round = try Self.save(
      "Series A", amount: 6_000_000, on: Self.date("2026-03-01"), pool: .target(Ratio(12, 100)),
      workspace: workspace, company: company)
    let before = try TermSheetDeal.saved(round, ledger: try workspace.ledger(for: company))
    // The worked example (TermsheetEndToEndTests): $2.0125 a share, and Lead's $6M buys
    // 6,000,000 / 2.0125 = 2,981,366.46, rounded down to 2,981,366 shares.
    #expect(before.result.price.rounded == Ratio(20_125, 10_000))
    #expect(before.result.investors.first?.shares == 2_981_366)
    #expect(!before.closed)

    let written = try Self.close(round, workspace: workspace, company: company)
    // Four transactions before the close: it writes 5 to 9, the two conversions, Lead's
    // issuance, the authorization of common (8,000,000 issued + the 1,000,000 pool + the
    // top-up of about 1.39M is more than the 10,000,000 authorized) and the pool increase.
    #expect(written.map(\.sequence) == [5, 6, 7, 8, 9])
    #expect(
      written.map(\.event.kind) == [.conversion, .conversion, .issue, .authorize, .poolIncrease])
    let closings = try workspace.roundClosings(for: company)
    let ledger = try workspace.ledger(for: company)
    let names = Set(
      ledger.classes.filter { closings.first?.classes.contains($0.id) == true }.map(\.name))
    #expect(closings.count == 1)
    #expect(closings.first?.round == "Series A")
    #expect(closings.first?.date == Self.date("2026-03-01"))
    #expect(closings.first?.sequences == 5...9)
    #expect(names == ["Series A", "Series A-1", "Series A-2"])

    let after = try TermSheetDeal.saved(round, ledger: ledger, closings: closings)
    #expect(after.closed)
    #expect(try Self.numbers(after) == Self.numbers(before))
    // A workspace closed before records were kept: the inferred run gives the same ledger.
    let inferred = try TermSheetDeal.saved(round, ledger: ledger)
    #expect(inferred.closed)
    #expect(try Self.numbers(inferred) == Self.numbers(before))
    #expect(
      ledger.beforeClosingInferred(of: round)?.transactions
        == ledger.beforeClosing(of: round, closings: closings)?.transactions)
  }

  /// A second round closed on the same date after the first: the first's term sheet is
  /// modelled without either close (the record says which transactions and classes each
  /// wrote); inferring the first's run leaves the second's close in, on the closing date, and
  /// gives other numbers.
  @Test func twoRoundsClosedOnTheSameDate() throws {
    let (workspace, company) = try Self.example()
    let closing = Self.date("2026-03-01")
    let seriesA = try Self.save(
      "Series A", amount: 6_000_000, on: closing, pool: .target(Ratio(12, 100)),
      workspace: workspace, company: company)
    let aBefore = try TermSheetDeal.saved(seriesA, ledger: try workspace.ledger(for: company))
    try Self.close(seriesA, workspace: workspace, company: company)
    // An up round (about $4 a share against $2.0125), so no anti-dilution adjustment.
    let seriesB = try Self.save(
      "Series B", preMoney: 60_000_000, amount: 1_000_000, on: closing, pool: .increase(50_000),
      workspace: workspace, company: company)
    let bBefore = try TermSheetDeal.saved(seriesB, ledger: try workspace.ledger(for: company))
    let written = try Self.close(seriesB, workspace: workspace, company: company)
    // Series A wrote 5...9; Series B writes Lead's shares (10), the authorization of the
    // 50,000 more pool shares (A's authorized common exactly) (11) and the increase (12).
    #expect(written.map(\.sequence) == [10, 11, 12])
    let ledger = try workspace.ledger(for: company)
    let closings = try workspace.roundClosings(for: company)
    #expect(closings.map(\.round) == ["Series A", "Series B"])
    #expect(closings.map(\.sequences) == [5...9, 10...12])
    let a = try TermSheetDeal.saved(seriesA, ledger: ledger, closings: closings)
    let b = try TermSheetDeal.saved(seriesB, ledger: ledger, closings: closings)
    #expect(a.closed && b.closed)
    #expect(try Self.numbers(a) == Self.numbers(aBefore))
    #expect(try Self.numbers(b) == Self.numbers(bBefore))
    #expect(
      ledger.beforeClosing(of: seriesA, closings: closings)?.transactions.map(\.sequence)
        == [1, 2, 3, 4])
    #expect(
      ledger.beforeClosing(of: seriesB, closings: closings)?.transactions.map(\.sequence)
        == Array(1...9))
    // The inference stops Series A's run at 9 and keeps Series B's close, dated the same day:
    // Lead's Series B shares count in Series A's fully diluted shares.
    let guessed = try #require(ledger.beforeClosingInferred(of: seriesA))
    #expect(guessed.transactions.map(\.sequence) == [1, 2, 3, 4, 10, 11, 12])
    let inferred = try TermSheetDeal.saved(seriesA, ledger: ledger)
    #expect(inferred.result.preMoneyFullyDiluted != aBefore.result.preMoneyFullyDiluted)
  }

  /// `undo` right after the close voids its whole run: the round is as saved again (not
  /// closed) with the numbers of before; voiding one of its transactions leaves it closed.
  @Test func aVoidedCloseIsNotClosed() throws {
    let (workspace, company) = try Self.example()
    let round = try Self.save(
      "Series A", amount: 6_000_000, on: Self.date("2026-03-01"), pool: .target(Ratio(12, 100)),
      workspace: workspace, company: company)
    let before = try TermSheetDeal.saved(round, ledger: try workspace.ledger(for: company))
    let written = try Self.close(round, workspace: workspace, company: company)
    // Void the pool increase (9) alone: the close still stands.
    try workspace.write { draft in
      try draft.void(
        [9], reason: "pool sized wrong", date: Self.date("2026-03-02"), company: company)
    }
    var closings = try workspace.roundClosings(for: company)
    var ledger = try workspace.ledger(for: company)
    #expect(ledger.standsClosed(round, closings: closings))
    // Then the rest (5...8; the first void is 10): nothing of the close stands.
    try workspace.write { draft in
      try draft.void(
        written.map(\.sequence).filter { $0 != 9 }, reason: "closed too early",
        date: Self.date("2026-03-02"), company: company)
    }
    closings = try workspace.roundClosings(for: company)
    ledger = try workspace.ledger(for: company)
    #expect(closings.count == 1)
    #expect(!ledger.standsClosed(round, closings: closings))
    let after = try TermSheetDeal.saved(round, ledger: ledger, closings: closings)
    #expect(!after.closed)
    #expect(try Self.numbers(after) == Self.numbers(before))
    // The ledger before the close holds neither the close nor its voids (10 to 14).
    #expect(
      ledger.beforeClosing(of: round, closings: closings)?.transactions.map(\.sequence)
        == [1, 2, 3, 4])
  }
}
