import CapstanEngine
import CapstanModel
import Testing

/// Issue 18, acceptance line 3: "A compute-SAFE with draws over six months converts at a later
/// priced round into the shares a hand calculation gives; a breach suspends accrual for its
/// period."
///
/// The company: Founders 9,000,000 Common, nothing else. CSAFE-1 to ComputeCo on 2026-01-01:
/// 600,000 GPU-hours at $2.50 agreed ($1,500,000 if all drawn), window 2026-01-01 to
/// 2026-06-30, post-money cap $10,000,000, discount 20 %, SLA suspension. An SLA breach from
/// 2026-03-01 through 2026-03-31. Draws, one a month:
///
///     2026-01-31   80,000   accrues  80,000 × 2.50 = 200,000
///     2026-02-28   80,000   accrues                  200,000
///     2026-03-31  100,000   inside the breach:             0
///     2026-04-30   80,000   accrues                  200,000
///     2026-05-31   80,000   accrues                  200,000
///     2026-06-30   80,000   accrues                  200,000
///     drawn       500,000   accrued              $1,000,000   (undrawn 100,000 GPU-hours)
///
/// Series A closes on 2026-07-15 at $2.00 a share, Lead investing $2,000,000, no pool.
/// CSAFE-1 converts as a post-money SAFE of $1,000,000 (YC post-money safe):
///   cap price = $10,000,000 ÷ Company Capitalization, where the capitalization counts the
///   safe's own shares S: S = 1,000,000 ÷ (10,000,000 ÷ (9,000,000 + S)), so
///   S = 9,000,000 × 0.1 ÷ 0.9 = 1,000,000 and the cap price is 10,000,000 ÷ 10,000,000 =
///   $1.00; the discount price is $2.00 × 0.8 = $1.60; the lower, $1.00, applies:
///   1,000,000 shares. Lead: 2,000,000 ÷ 2.00 = 1,000,000 shares.
///   Post-money fully diluted 9,000,000 + 1,000,000 + 1,000,000 = 11,000,000.
/// Without the breach the March draw would accrue $250,000 too: $1,250,000, 12.5 % of the cap,
///   S = 9,000,000 × 0.125 ÷ 0.875 = 1,285,714.28…, floored to 1,285,714.
@Suite struct ComputeSAFEAcceptanceTests {
  static let founders: Stakeholder.ID = "founders"
  static let provider: Stakeholder.ID = "computeco"
  static let closing = day("2026-07-15")

  static func day(_ iso: String) -> CalendarDate {
    CalendarDate(iso: iso) ?? .init(daysSinceEpoch: 0)
  }

  static func terms(slaSuspension: Bool = true) -> ComputeSAFEIssuance {
    ComputeSAFEIssuance(
      security: "CSAFE-1", provider: provider, unit: .gpuHours, commitment: Ratio(600_000),
      agreedPrice: Ratio(5, 2), windowStart: day("2026-01-01"), windowEnd: day("2026-06-30"),
      valuationCap: Ratio(10_000_000), discount: Ratio(1, 5), slaSuspension: slaSuspension)
  }

  static func ledger(breach: Bool = true, extra: [(String, LedgerEvent)] = []) -> Ledger {
    var events: [(String, LedgerEvent)] = [
      (
        "2026-01-01",
        .issueStock(
          StockIssuance(
            security: "CS-1", holder: founders, shareClass: "common", quantity: 9_000_000,
            pricePerShare: Ratio(1, 10_000)))
      ),
      ("2026-01-01", .issueComputeSAFE(terms())),
    ]
    if breach {
      events.append(
        (
          "2026-03-01",
          .breachComputeSAFE(ComputeSAFEBreach(security: "CSAFE-1", through: day("2026-03-31")))
        ))
    }
    let draws: [(String, Int64)] = [
      ("2026-01-31", 80_000), ("2026-02-28", 80_000), ("2026-03-31", 100_000),
      ("2026-04-30", 80_000), ("2026-05-31", 80_000), ("2026-06-30", 80_000),
    ]
    events += draws.map {
      ($0.0, .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio($0.1))))
    }
    events += extra
    return Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: day("2026-01-01")),
      stakeholders: [
        Stakeholder(id: founders, name: "Founders"),
        Stakeholder(id: provider, name: "ComputeCo", kind: .institution),
      ],
      classes: [ShareClass(id: "common", name: "Common", initialAuthorized: 20_000_000)],
      transactions: events.enumerated().map { index, event in
        Transaction(sequence: index + 1, date: day(event.0), event: event.1)
      })
  }

  static let seriesA = RoundTerms(
    valuation: .pricePerShare(Ratio(2)),
    investors: [Investment(investor: "Lead", amount: Ratio(2_000_000))],
    pool: .none, newClass: NewClassTerms(name: "Series A"))

  /// The draws accrue month by month; the March draw, inside the breach, adds nothing.
  @Test func theBreachSuspendsAccrualForItsPeriod() throws {
    let ledger = Self.ledger()
    let accrued = try ["2026-02-28", "2026-03-31", "2026-04-30", "2026-06-30"].map {
      try ledger.replay(asOf: Self.day($0)).computeSAFEs["CSAFE-1"]?.accrued
    }
    // 2 × 200,000; still 400,000 after the March draw; 600,000; 1,000,000.
    #expect(accrued == [Ratio(400_000), Ratio(400_000), Ratio(600_000), Ratio(1_000_000)])
    let position = try #require(try ledger.replay().computeSAFEs["CSAFE-1"])
    #expect(position.drawn == Ratio(500_000))
    #expect(position.suspendedUnits == Ratio(100_000))
    #expect(position.undrawn == Ratio(100_000))
    // Without the breach: 500,000 × 2.50 = 1,250,000.
    #expect(
      try Self.ledger(breach: false).replay().computeSAFEs["CSAFE-1"]?.accrued == Ratio(1_250_000))
  }

  /// At the later round it converts into the hand calculation's 1,000,000 shares at $1.00.
  @Test func itConvertsAtTheNextPricedRoundAsAPostMoneySAFE() throws {
    let model = try Self.seriesA.model(on: Self.ledger(), closing: Self.closing)
    let conversion = try #require(model.result.conversions.first { $0.id == "CSAFE-1" })
    #expect(conversion.convertingAmount == Ratio(1_000_000))
    #expect(conversion.conversionPrice == Ratio(1))
    #expect(conversion.shares == Shares(1_000_000))
    #expect(model.result.investors.map(\.shares) == [Shares(1_000_000)])
    #expect(model.result.postMoneyFullyDiluted == Shares(11_000_000))
    // The notes say what converts and that the undrawn 100,000 GPU-hours ($250,000) do not.
    #expect(
      model.computeSAFENotes == [
        "CSAFE-1 (ComputeCo): converts as a post-money SAFE of $1,000,000.00 accrued by the "
          + "closing (500,000 GPU-hours drawn, 100,000 of them in SLA breaches, not accrued); "
          + "the undrawn 100,000 GPU-hours ($250,000.00 at the agreed price) do not convert"
      ])
  }

  /// The same draws without the breach: $1,250,000 converts into 1,285,714 shares.
  @Test func withoutTheBreachMoreAccruesAndConverts() throws {
    let model = try Self.seriesA.model(on: Self.ledger(breach: false), closing: Self.closing)
    let conversion = try #require(model.result.conversions.first { $0.id == "CSAFE-1" })
    #expect(conversion.shares == Shares(1_285_714))
  }

  /// Closed (on a copy): the provider holds the 1,000,000 shares; the compute-SAFE is no
  /// longer a convertible (the CLI transcript shows a later breach refused).
  @Test func afterTheCloseItIsClosed() throws {
    let ledger = Self.ledger()
    let round = SavedRound(
      name: "Series A", closing: Self.closing, terms: Self.seriesA,
      outcome: try Self.seriesA.model(on: ledger, closing: Self.closing).keyNumbers.stored)
    let table = try ledger.proForma(closing: round, asOf: Self.closing)
    #expect(table.convertibles["CSAFE-1"] == nil)
    let held = table.stock.values.filter { $0.holder == Self.provider }.map(\.quantity)
    #expect(held == [Shares(1_000_000)])
  }

  /// At an exit before any round it is paid like a safe on its accrued $1,000,000 (YC
  /// liquidity-event clause): Liquidity Capitalization 9,000,000 + S with S = LC ÷ 10 (the
  /// $1,000,000 over the $10,000,000 cap), so LC = 10,000,000, Liquidity Price $1.00,
  /// S = 1,000,000. At $5,000,000 converting would give 1,000,000 × $0.50 = $500,000, less
  /// than the cash-out $1,000,000: ComputeCo $1,000,000, Founders $4,000,000. At $50,000,000
  /// it converts: $50,000,000 ÷ 10,000,000 = $5.00 a share, ComputeCo $5,000,000, Founders
  /// $45,000,000.
  @Test func atAnExitItIsPaidLikeASafeOnItsAccruedAmount() throws {
    let exitDay = Self.day("2026-07-01")
    let table = try Self.ledger().replay(asOf: exitDay)
    let claims = try OutstandingConvertible.outstanding(in: table, on: exitDay)
    let waterfall = try compiled(WaterfallCapitalization(table, convertibles: claims))
    #expect(try payout(waterfall, Self.provider, at: Ratio(5_000_000)) == Ratio(1_000_000))
    #expect(try payout(waterfall, Self.founders, at: Ratio(5_000_000)) == Ratio(4_000_000))
    #expect(try payout(waterfall, Self.provider, at: Ratio(50_000_000)) == Ratio(5_000_000))
    #expect(try payout(waterfall, Self.founders, at: Ratio(50_000_000)) == Ratio(45_000_000))
  }

  /// Draws outside the window or past the commitment are refused, naming the facts.
  @Test func drawsOutsideTheWindowOrBeyondTheCommitmentAreRefused() throws {
    let late = Self.ledger(extra: [
      ("2026-07-01", .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio(1))))
    ])
    #expect(throws: LedgerFailure.self) { try late.replay() }
    do {
      _ = try late.replay()
    } catch {
      #expect(
        "\(error)".contains(
          "CSAFE-1: a draw on 2026-07-01 is outside the draw window 2026-01-01 to 2026-06-30"))
    }
    // 500,000 drawn of 600,000: 100,001 more is one too many.
    let over = Self.ledger(extra: [
      ("2026-06-30", .drawComputeSAFE(ComputeSAFEDraw(security: "CSAFE-1", units: Ratio(100_001))))
    ])
    do {
      _ = try over.replay()
      Issue.record("a draw beyond the commitment was accepted")
    } catch {
      #expect(
        "\(error)".contains(
          "a draw of 100,001 GPU-hours on 2026-06-30 exceeds the commitment: 600,000 committed, "
            + "500,000 drawn already"))
    }
  }

  /// ComputeCo merged into "ComputeCo Inc" on 2026-04-01: the draws after it keep the SAFE with
  /// the merged holder (it was re-created with the old provider before the merge moved the
  /// compute-SAFE's terms too).
  @Test func aMergedProviderKeepsTheSAFE() throws {
    var ledger = Self.ledger(extra: [
      ("2026-04-01", .mergeHolders(HolderMerge(from: Self.provider, into: "computeco-inc")))
    ])
    ledger.stakeholders["computeco-inc"] = Stakeholder(id: "computeco-inc", name: "ComputeCo Inc")
    let table = try ledger.replay()
    #expect(table.convertibles["CSAFE-1"]?.holder == "computeco-inc")
    #expect(table.convertibles["CSAFE-1"]?.amount == Ratio(1_000_000))
  }

  /// A breach under terms without SLA suspension is refused: it would change nothing.
  @Test func aBreachWithoutSLASuspensionIsRefused() throws {
    let plain = Ledger(
      company: Company(id: "co", name: "Co", currency: .usd, incorporated: Self.day("2026-01-01")),
      stakeholders: [Stakeholder(id: Self.provider, name: "ComputeCo", kind: .institution)],
      transactions: [
        Transaction(
          sequence: 1, date: Self.day("2026-01-01"),
          event: .issueComputeSAFE(Self.terms(slaSuspension: false))),
        Transaction(
          sequence: 2, date: Self.day("2026-03-01"),
          event: .breachComputeSAFE(ComputeSAFEBreach(security: "CSAFE-1"))),
      ])
    do {
      _ = try plain.replay()
      Issue.record("a breach without SLA suspension was accepted")
    } catch {
      #expect("\(error)".contains("CSAFE-1: its terms have no SLA suspension"))
    }
    let table = try plain.replay(asOf: Self.day("2026-02-01"))
    #expect(table.computeSAFEs["CSAFE-1"]?.accrued == .zero)
  }
}
