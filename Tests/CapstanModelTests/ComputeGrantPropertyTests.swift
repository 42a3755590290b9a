import CapstanModel
import PropertyBased
import Testing

/// Random schedules, prices and uses of a compute grant.
@Suite("Compute grant properties")
struct ComputeGrantPropertyTests {
  static let start = day("2026-01-01")

  /// A schedule from three numbers: time-based (months, cliff, frequency) or price-gated.
  static func schedule(_ kind: Int, _ a: Int, _ b: Int, tokens: TokenAmount) -> UnlockSchedule {
    switch kind {
    case 0: return .atGrant
    case 1:
      let total = 1 + a % 60
      let cliff = b % (total + 1)
      let frequency = 1 + (a / 7) % total
      return .vesting(
        VestingSchedule(
          start: start, totalMonths: total, cliffMonths: cliff, frequencyMonths: frequency))
    default:
      let first = TokenAmount(tokens.count * Int64(1 + a % 9) / 10)
      return .priceGated(
        PriceGate(
          start: start,
          tranches: [
            PriceGate.Tranche(tokens: first, target: Ratio(Int64(1 + b % 5))),
            PriceGate.Tranche(tokens: tokens - first, target: Ratio(Int64(3 + a % 4))),
          ].filter { $0.tokens > .zero },
          end: start.adding(months: 1 + b % 36)))
    }
  }

  static func prices(_ seed: Int) -> TokenPriceSeries {
    TokenPriceSeries(
      (0..<12).map { month in
        TokenPriceMark(
          symbol: "T", date: start.adding(months: month * 3),
          price: Ratio(Int64(1 + (seed * (month + 3)) % 7), 1))
      })
  }

  @Test func unlockedNeverDecreasesAndNeverExceedsGranted() async {
    await propertyCheck(
      count: 200, input: Gen.int(in: 0...2), Gen.int(in: 0...999), Gen.int(in: 0...999),
      Gen.int(in: 1...2_000_000)
    ) { kind, a, b, count in
      let tokens = TokenAmount(Int64(count))
      let schedule = Self.schedule(kind, a, b, tokens: tokens)
      let prices = Self.prices(a + b)
      var previous = TokenAmount.zero
      for day in stride(from: -30, through: 1_900, by: 17) {
        let unlocked = schedule.unlocked(
          of: tokens, asOf: Self.start.adding(days: day), granted: Self.start, prices: prices)
        #expect(unlocked >= previous && unlocked <= tokens)
        previous = unlocked
      }
      // Every schedule ends at the total.
      #expect(
        schedule.unlocked(
          of: tokens, asOf: Self.start.adding(months: 100), granted: Self.start, prices: prices)
          == tokens)
    }
  }

  /// Random redemptions, sales (each a valid amount, or one token too many, which must be
  /// refused), an optional clawback, and expiry, through the workspace: every state stays
  /// within its bound and the states partition the grant.
  @Test func usesStayWithinTheUnlocked() async {
    await propertyCheck(
      count: 60, input: Gen.int(in: 1...2), Gen.int(in: 0...999), Gen.int(in: 0...999),
      Gen.int(in: 0...999).array(of: 0...10), Gen.bool
    ) { kind, a, b, uses, claw in
      let tokens = TokenAmount(Int64(10_000 + a * 97))
      let workspace = InMemoryWorkspace()
      do {
        let company = try workspace.write { draft in
          let company = try draft.addCompany(
            name: "Co", currency: .usd, incorporated: day("2025-01-01"))
          try draft.addToken(
            symbol: "T", issuer: "Provider", unit: "GPU-hour", unitsPerToken: .one, peg: nil)
          _ = try draft.recordTokenPrices(Self.prices(b).marks)
          _ = try draft.grantCompute(
            .init(
              provider: "Provider", symbol: "T", tokens: tokens, agreedPrice: Ratio(2),
              unlock: Self.schedule(kind, a, b, tokens: tokens),
              expires: Self.start.adding(months: 6 + b % 40), clawbackOn: "event"),
            date: Self.start, company: company.id)
          return company.id
        }
        let prices = try workspace.tokenMarket().prices("T")
        func balances(_ date: CalendarDate) throws -> TokenBalances {
          let table = try workspace.ledger(for: company).replay(asOf: date)
          return try #require(table.computeGrants["CG-1"]).balances(asOf: date, prices: prices)
        }
        var date = Self.start
        for (index, use) in uses.enumerated() {
          date = date.adding(days: 1 + use % 90)
          if claw && index == uses.count / 2 {
            if try balances(date).locked > .zero {
              try workspace.write { draft in
                _ = try draft.clawbackTokens(
                  grant: "CG-1", event: "event", date: date, company: company)
              }
            }
            continue
          }
          let available = try balances(date).available
          let over = use % 7 == 0
          let take = over ? available + 1 : TokenAmount(available.count * Int64(use % 5) / 4)
          guard take > .zero else { continue }
          do {
            try workspace.write { draft in
              _ = try draft.useTokens(
                symbol: "T", tokens: take, salePrice: use % 2 == 0 ? nil : Ratio(1), date: date,
                company: company)
            }
            #expect(!over, "redeeming \(take) of \(available) available was accepted")
          } catch {
            #expect(over, "a valid use of \(take) of \(available) was refused: \(error)")
          }
        }
        for offset in [0, 30, 400, 2_000] {
          let day = date.adding(days: offset)
          let b = try balances(day)
          #expect(b.partitionTotal == tokens)
          #expect(b.redeemed + b.sold <= b.unlocked)
          #expect(b.clawedBack <= tokens - b.unlocked)
          #expect(b.expired <= tokens - b.redeemed - b.sold - b.clawedBack)
          #expect(
            [b.locked, b.available, b.redeemed, b.sold, b.expired, b.clawedBack].allSatisfy {
              $0 >= .zero
            })
        }
      } catch {
        Issue.record("unexpected error: \(error)")
      }
    }
  }
}
