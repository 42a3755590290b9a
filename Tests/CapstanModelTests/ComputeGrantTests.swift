import CapstanModel
import Testing

/// A company whose provider holds 2,400 shares (CS-1) and a token H100H, in memory.
struct TokenFixture {
  let workspace = InMemoryWorkspace()
  let company: Company.ID

  init() throws {
    company = try workspace.write { draft in
      let company = try draft.addCompany(
        name: "Acme", currency: .usd, incorporated: day("2026-01-01"))
      _ = try draft.addClass(
        ShareClass(id: "x", name: "Common", initialAuthorized: 1_000_000), to: company.id)
      try draft.addToken(
        symbol: "H100H", issuer: "ComputeCo", unit: "H100-hour", unitsPerToken: .one,
        peg: frac(5, 2))
      try draft.issueStock(
        to: "ComputeCo", quantity: 2_400, className: "Common", pricePerShare: .one,
        date: day("2026-01-01"), vesting: nil, company: company.id)
      return company.id
    }
  }

  func grant(_ terms: WorkspaceDraft.ComputeGrantTerms, on date: String) throws {
    try workspace.write { draft in
      _ = try draft.grantCompute(terms, date: day(date), company: company)
    }
  }

  func balances(_ grant: SecurityID = "CG-1", on date: String) throws -> TokenBalances {
    let table = try workspace.ledger(for: company).replay(asOf: day(date))
    let position = try #require(table.computeGrants[grant])
    return position.balances(
      asOf: day(date), prices: try workspace.tokenMarket().prices("H100H"))
  }

  func prices(_ marks: [(String, Ratio)]) throws {
    try workspace.write { draft in
      _ = try draft.recordTokenPrices(
        marks.map { TokenPriceMark(symbol: "H100H", date: day($0.0), price: $0.1) })
    }
  }
}

@Suite("Compute grants: unlocks, expiry, clawback")
struct ComputeGrantTests {
  static let gate = PriceGate(
    start: day("2026-01-01"),
    tranches: [
      PriceGate.Tranche(tokens: 40_000, target: Ratio(3)),
      PriceGate.Tranche(tokens: 60_000, target: Ratio(4)),
    ],
    end: day("2027-12-31"))

  /// Prices 2.00 (2026-01-01), 3.10 (2026-03-15), 2.50 (2026-04-01), 3.90 (2027-06-01).
  /// The $3 tranche unlocks on 2026-03-15 and stays unlocked when the price falls back; the $4
  /// tranche never sees its price and unlocks on the end date 2027-12-31.
  @Test(
    arguments: [
      ("2025-12-31", 0), ("2026-03-14", 0), ("2026-03-15", 40_000), ("2026-04-01", 40_000),
      ("2027-06-01", 40_000), ("2027-12-30", 40_000), ("2027-12-31", 100_000),
    ] as [(String, Int64)])
  func priceGatedUnlocks(date: String, unlocked: Int64) {
    let prices = TokenPriceSeries([
      TokenPriceMark(symbol: "H100H", date: day("2026-01-01"), price: Ratio(2)),
      TokenPriceMark(symbol: "H100H", date: day("2026-03-15"), price: frac(31, 10)),
      TokenPriceMark(symbol: "H100H", date: day("2026-04-01"), price: frac(5, 2)),
      TokenPriceMark(symbol: "H100H", date: day("2027-06-01"), price: frac(39, 10)),
    ])
    let schedule = UnlockSchedule.priceGated(Self.gate)
    #expect(
      schedule.unlocked(
        of: 100_000, asOf: day(date), granted: day("2026-01-01"), prices: prices)
        == TokenAmount(unlocked))
  }

  /// A price in force when the gate opens counts: $3.50 recorded 2025-12-01 is still the last
  /// price on 2026-01-01, so the $3 tranche unlocks on the first day.
  @Test func priceInForceAtTheStartCounts() {
    let prices = TokenPriceSeries([
      TokenPriceMark(symbol: "H100H", date: day("2025-12-01"), price: frac(7, 2))
    ])
    #expect(
      UnlockSchedule.priceGated(Self.gate).unlocked(
        of: 100_000, asOf: day("2026-01-01"), granted: day("2026-01-01"), prices: prices)
        == 40_000)
  }

  /// Redeeming beyond a price-gated unlock is refused by the workspace, which sees the prices:
  /// nothing is unlocked before 2026-03-15; 40,000 after.
  @Test func redemptionsFollowThePriceGate() throws {
    let fixture = try TokenFixture()
    try fixture.grant(
      .init(
        provider: "ComputeCo", symbol: "H100H", tokens: 100_000, agreedPrice: Ratio(2),
        unlock: .priceGated(Self.gate)), on: "2026-01-01")
    try fixture.prices([("2026-01-01", Ratio(2)), ("2026-03-15", frac(31, 10))])
    #expect(throws: InputError.self) {
      try fixture.workspace.write { draft in
        try draft.useTokens(
          symbol: "H100H", tokens: 1, salePrice: nil, date: day("2026-03-14"),
          company: fixture.company)
      }
    }
    try fixture.workspace.write { draft in
      try draft.useTokens(
        symbol: "h100h", tokens: 40_000, salePrice: nil, date: day("2026-03-15"),
        company: fixture.company)
    }
    let balances = try fixture.balances(on: "2026-03-15")
    #expect(balances.redeemed == 40_000 && balances.available == .zero)
    #expect(balances.locked == 60_000)
  }

  /// 10,000 tokens at grant, expiring 2026-12-31; 3,000 redeemed on 2026-06-01. On the expiry
  /// date 7,000 are still available; the day after they have expired, and nothing more can be
  /// redeemed.
  @Test func unredeemedTokensExpire() throws {
    let fixture = try TokenFixture()
    try fixture.grant(
      .init(
        provider: "ComputeCo", symbol: "H100H", tokens: 10_000, agreedPrice: Ratio(2),
        unlock: .atGrant, expires: day("2026-12-31")), on: "2026-01-01")
    try fixture.workspace.write { draft in
      _ = try draft.useTokens(
        symbol: "H100H", tokens: 3_000, salePrice: nil, date: day("2026-06-01"),
        company: fixture.company)
    }
    let last = try fixture.balances(on: "2026-12-31")
    #expect(last.available == 7_000 && last.expired == .zero)
    let after = try fixture.balances(on: "2027-01-01")
    #expect(after.available == .zero && after.expired == 7_000 && after.redeemed == 3_000)
    #expect(after.partitionTotal == 10_000)
    #expect(throws: (any Error).self) {
      try fixture.workspace.write { draft in
        try draft.useTokens(
          symbol: "H100H", tokens: 1, salePrice: nil, date: day("2027-01-02"),
          company: fixture.company)
      }
    }
  }

  /// Tokens still locked at expiry expire too: 12,000 over 12/0/1 from 2026-01-01, expiring
  /// 2026-06-30. On 2026-07-01, 6 whole months give ⌊12,000 × 6/12⌋ = 6,000 unlocked, and all
  /// 12,000 (6,000 available + 6,000 locked) have expired.
  @Test func lockedTokensExpireWithTheRest() throws {
    let fixture = try TokenFixture()
    try fixture.grant(
      .init(
        provider: "ComputeCo", symbol: "H100H", tokens: 12_000, agreedPrice: Ratio(2),
        unlock: .vesting(VestingSchedule(start: day("2026-01-01"), totalMonths: 12)),
        expires: day("2026-06-30")), on: "2026-01-01")
    let after = try fixture.balances(on: "2026-07-01")
    #expect(after.unlocked == 6_000)
    #expect(after.expired == 12_000 && after.locked == .zero && after.available == .zero)
  }

  /// 24,000 tokens over 24/6/1 from 2026-01-01, the provider's 2,400 shares (CS-1) released in
  /// step. Clawback on 2026-09-15: 8 whole months ⇒ ⌊24,000 × 8/24⌋ = 8,000 unlocked, 16,000
  /// locked are clawed back; released ⌊2,400 × 8,000/24,000⌋ = 800, so 1,600 shares are
  /// cancelled and 800 remain (balance CS-2). Nothing unlocks afterwards.
  @Test func clawbackTakesTheLockedTokensAndTheirShares() throws {
    let fixture = try TokenFixture()
    try fixture.grant(
      .init(
        provider: "ComputeCo", symbol: "H100H", tokens: 24_000, agreedPrice: Ratio(2),
        unlock: .vesting(
          VestingSchedule(start: day("2026-01-01"), totalMonths: 24, cliffMonths: 6)),
        clawbackOn: "supply terminated", equity: ("CS-1", .inStep)), on: "2026-01-01")
    let written = try fixture.workspace.write { draft in
      try draft.clawbackTokens(
        grant: "CG-1", event: "supply terminated", date: day("2026-09-15"),
        company: fixture.company)
    }
    #expect(written.count == 2)
    let later = try fixture.balances(on: "2027-06-01")
    #expect(later.unlocked == 8_000 && later.locked == .zero && later.clawedBack == 16_000)
    #expect(later.partitionTotal == 24_000)
    let table = try fixture.workspace.ledger(for: fixture.company).replay(asOf: day("2027-06-01"))
    #expect(table.stock["CS-1"] == nil)
    #expect(table.stock["CS-2"]?.quantity == 800)
    let position = try #require(table.computeGrants["CG-1"])
    #expect(
      position.releasedShares(asOf: day("2027-06-01"), prices: TokenPriceSeries()) == 800)
    #expect(throws: LedgerFailure.self) {
      try fixture.workspace.write { draft in
        try draft.clawbackTokens(
          grant: "CG-1", event: "again", date: day("2026-10-01"), company: fixture.company)
      }
    }
  }

  @Test func aGrantWithoutAClauseCannotBeClawedBack() throws {
    let fixture = try TokenFixture()
    try fixture.grant(
      .init(
        provider: "ComputeCo", symbol: "H100H", tokens: 1_000, agreedPrice: Ratio(2),
        unlock: .vesting(VestingSchedule(start: day("2026-01-01"), totalMonths: 10))),
      on: "2026-01-01")
    let failure = #expect(throws: LedgerFailure.self) {
      try fixture.workspace.write { draft in
        try draft.clawbackTokens(
          grant: "CG-1", event: "x", date: day("2026-02-01"), company: fixture.company)
      }
    }
    #expect(failure?.description.contains("no clawback clause") == true)
  }

  /// Bad terms are refused with what is wrong.
  @Test func badGrantsAreRefused() throws {
    let fixture = try TokenFixture()
    let wrongTotal = #expect(throws: LedgerFailure.self) {
      try fixture.grant(
        .init(
          provider: "ComputeCo", symbol: "H100H", tokens: 99_999, agreedPrice: Ratio(2),
          unlock: .priceGated(Self.gate)), on: "2026-01-01")
    }
    #expect(wrongTotal?.description.contains("add up to 100,000 tokens") == true)
    #expect(throws: LedgerError.unknownToken("NOPE", known: "H100H")) {
      try fixture.grant(
        .init(
          provider: "ComputeCo", symbol: "NOPE", tokens: 1, agreedPrice: Ratio(2),
          unlock: .atGrant), on: "2026-01-01")
    }
    #expect(try fixture.workspace.ledger(for: fixture.company).transactions.count == 1)
  }

  @Test func pricesAreOnePerTokenAndDate() throws {
    let fixture = try TokenFixture()
    try fixture.prices([("2026-01-01", Ratio(2))])
    // The same price again is skipped; a different one is refused.
    try fixture.prices([("2026-01-01", Ratio(2))])
    #expect(throws: InputError.self) { try fixture.prices([("2026-01-01", Ratio(3))]) }
    #expect(try fixture.workspace.tokenMarket().prices("H100H").marks.count == 1)
  }
}
