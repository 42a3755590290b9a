import CapstanEngine
import CapstanModel
import CapstanTestSupport
import Testing

/// The issuer's book (`IssuerExposures`, `IssuerBook`): callable now + the 24 months + later =
/// owed, including a grant that expires before it has unlocked.
@Suite("The issuer's book")
struct IssuerBookTests {
  /// The sample company with a grant from the fund of 12,000 GPU tokens, 12/0/1 from
  /// 2026-01-01, expiring on 2026-06-30, valued on 2026-03-31.
  func book() throws -> IssuerBook {
    let workspace = InMemoryWorkspace()
    let token = try workspace.write { draft in
      let company = try SampleCompany.record(in: &draft)
      let token = try draft.addToken(
        symbol: "GPU", issuer: "Seed Fund I", unit: "GPU-hour", unitsPerToken: .one,
        peg: Ratio(2))
      try draft.recordTokenCost(symbol: "GPU", costPerUnit: fraction(1, 2), date: day("2026-01-01"))
      try draft.append(
        [
          (
            day("2026-01-01"),
            .grantCompute(
              ComputeGrant(
                security: "CG-1", provider: SampleCompany.fund, symbol: "GPU", tokens: 12_000,
                agreedPrice: Ratio(2),
                unlock: .vesting(
                  VestingSchedule(
                    start: day("2026-01-01"), totalMonths: 12, cliffMonths: 0,
                    frequencyMonths: 1)),
                expires: day("2026-06-30")))
          )
        ], to: company)
      return token
    }
    let ledgers = try workspace.ledgers(for: try workspace.companies().map(\.id))
    let exposures = try IssuerExposures(
      token: token, ledgers: ledgers, market: try workspace.tokenMarket(),
      asOf: day("2026-03-31"), costs: TokenCosts(try workspace.tokenCosts()))
    return IssuerBook(exposures)
  }

  /// On 2026-03-31: 2 whole calendar months from 2026-01-01 (the third ends on 04-01), so
  /// floor(12,000 × 2 ÷ 12) = 2,000 unlocked (callable), 10,000 locked, 12,000 owed. Months
  /// ending 04-30, 05-31 and 06-30 (3, 4 and 5 whole months) unlock 1,000 each (06-30 is the
  /// expiry day, still counted); from 07-31 the grant has expired: 0. Later (never: it expires
  /// first) = 10,000 − 3,000 = 7,000. 2,000 + 3,000 + 7,000 = 12,000 = owed. At cost: 12,000 ×
  /// 0.50 = 6,000; at the peg 24,000. One company: Herfindahl 1, share 100 %.
  @Test func callableNowPlusScheduleIsOwedEvenWhenTheGrantExpires() throws {
    let book = try book()
    #expect(book.owed.count == 12_000)
    #expect(book.callable.count == 2_000)
    #expect(book.locked.count == 10_000)
    #expect(book.schedule.count == 26)
    #expect(book.schedule[0].tokens.count == 2_000)
    #expect(book.schedule[1...3].map(\.tokens.count) == [1_000, 1_000, 1_000])
    #expect(book.schedule[4...24].allSatisfy { $0.tokens.count == 0 })
    #expect(book.schedule[25].end == nil)
    #expect(book.schedule[25].tokens.count == 7_000)
    #expect(book.schedule[25].cumulative.count == 12_000)
    #expect(book.schedule.reduce(0) { $0 + $1.tokens.count } == book.owed.count)
    #expect(book.values.cost == Ratio(6_000))
    #expect(book.values.peg == Ratio(24_000))
    #expect(book.herfindahl == .one)
    #expect(book.top?.share == .one)
    // No equity was recorded for the tokens: no price per share at cost.
    #expect(book.costPerShare == nil)
  }
}
