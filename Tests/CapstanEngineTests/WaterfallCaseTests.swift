import BigInt
import CapstanEngine
import CapstanModel
import Testing

/// One holder's expected payout at one exit, worked by hand.
struct WaterfallCase: Sendable, CustomTestStringConvertible {
  let name: String
  let capitalization: WaterfallCapitalization
  let options: OptionTreatment
  let exit: Int64
  let expected: [String: Ratio]

  var testDescription: String { "\(name) at \(exit)" }

  init(
    _ name: String, _ capitalization: WaterfallCapitalization,
    options: OptionTreatment = .exercisedWhenInTheMoney, exit: Int64,
    _ expected: [String: Ratio]
  ) {
    self.name = name
    self.capitalization = capitalization
    self.options = options
    self.exit = exit
    self.expected = expected
  }

  static let founders = WaterfallClass.common("Common", [ClassHolding("Founders", 1_000_000)])

  /// 1,000,000 Series A at $1.00, 1x, the given participation.
  static func seriesA(_ participation: Participation, seniority: Int = 1) -> WaterfallClass {
    .preferred(
      "Series A",
      PreferredTerms(
        originalIssuePrice: .one, participation: participation, seniority: seniority),
      [ClassHolding("Fund A", 1_000_000)])
  }

  static let nonParticipating = WaterfallCapitalization(classes: [founders, seriesA(.none)])
  static let participating = WaterfallCapitalization(classes: [founders, seriesA(.full)])
  static let capped = WaterfallCapitalization(
    classes: [founders, seriesA(.capped(multiple: Ratio(3)))])
  /// Series B: 1,000,000 at $2.00, 1x non-participating, senior (rank 2) to Series A.
  static let twoRanks = WaterfallCapitalization(classes: [
    founders, seriesA(.none),
    .preferred(
      "Series B", PreferredTerms(originalIssuePrice: Ratio(2), seniority: 2),
      [ClassHolding("Fund B", 1_000_000)]),
  ])
  /// Series B: 1,000,000 at $3.00, 1x, pari passu with Series A (rank 1).
  static let pariPassu = WaterfallCapitalization(classes: [
    founders, seriesA(.none),
    .preferred(
      "Series B", PreferredTerms(originalIssuePrice: Ratio(3)),
      [ClassHolding("Fund B", 1_000_000)]),
  ])
  /// Series B: 1,000,000 at $10.00, 1x non-participating, pari passu with A.
  static let oneConverts = WaterfallCapitalization(classes: [
    founders, seriesA(.none),
    .preferred(
      "Series B", PreferredTerms(originalIssuePrice: Ratio(10)),
      [ClassHolding("Fund B", 1_000_000)]),
  ])
  /// 100,000 options at $1.00 and 100,000 at $5.00 beside the founders.
  static let options = WaterfallCapitalization(
    classes: [founders],
    options: [
      OptionHolding("Early", 100_000, strike: .one),
      OptionHolding("Late", 100_000, strike: Ratio(5), kind: .warrant),
    ])
  /// A $1,000,000 SAFE converting into 1,000,000 common at its cap, founders 9,000,000.
  static let safe = WaterfallCapitalization(
    classes: [.common("Common", [ClassHolding("Founders", 9_000_000)])],
    convertibles: [
      OutstandingConvertible(
        "SAFE-1", holder: "Angel", amount: Ratio(1_000_000), asConvertedShares: 1_000_000)
    ])

  static let all: [WaterfallCase] = [
    // Non-participating: below its breakpoint A takes its 1,000,000 and common the rest:
    // 1,500,000 − 1,000,000 = 500,000 (c = 0.5 < t = 1,000,000 ÷ 1,000,000 = 1).
    WaterfallCase(
      "1x non-participating keeps its preference", nonParticipating, exit: 1_500_000,
      ["Fund A": Ratio(1_000_000), "Founders": Ratio(500_000)]),
    // Above 2,000,000 (c > 1) A converts: 4,000,000 over 2,000,000 shares, 2.00 each.
    WaterfallCase(
      "1x non-participating converts above its breakpoint", nonParticipating, exit: 4_000_000,
      ["Fund A": Ratio(2_000_000), "Founders": Ratio(2_000_000)]),
    // Full participation: 1,000,000 preference, then 2,000,000 shared 1:1.
    WaterfallCase(
      "full participation", participating, exit: 3_000_000,
      ["Fund A": Ratio(2_000_000), "Founders": Ratio(1_000_000)]),
    // Capped at 3x: the cap (3,000,000 in all) is reached at c = 2,000,000 ÷ 1,000,000 = 2,
    // D = 1,000,000 + 2,000,000 × 2 = 5,000,000. At 5,500,000 A keeps 3,000,000 and common
    // gets 2,500,000 (c = 2.5 < t = 3).
    WaterfallCase(
      "participation capped at 3x, at the cap", capped, exit: 5_500_000,
      ["Fund A": Ratio(3_000_000), "Founders": Ratio(2_500_000)]),
    // Converting pays more once c > 3, i.e. above 3,000,000 + 1,000,000 × 3 = 6,000,000:
    // at 10,000,000 both hold 1,000,000 common, 5,000,000 each.
    WaterfallCase(
      "participation capped at 3x, converting above the cap", capped, exit: 10_000_000,
      ["Fund A": Ratio(5_000_000), "Founders": Ratio(5_000_000)]),
    // Two ranks below the total preference (3,000,000): B (senior) takes 2,000,000, A gets
    // the remaining 500,000, common nothing.
    WaterfallCase(
      "two seniority ranks below the total preference", twoRanks, exit: 2_500_000,
      ["Fund B": Ratio(2_000_000), "Fund A": Ratio(500_000), "Founders": .zero]),
    // Pari passu: 2,000,000 shared pro rata to the preferences 1,000,000 : 3,000,000.
    WaterfallCase(
      "pari passu ranks", pariPassu, exit: 2_000_000,
      ["Fund A": Ratio(500_000), "Fund B": Ratio(1_500_000), "Founders": .zero]),
    // At 15,000,000 A converts and B keeps 10,000,000: 5,000,000 over A's and the founders'
    // 2,000,000 shares is 2.50 each (> A's t = 1, < B's t = 10). Not converting, A would get
    // 1,000,000 (c would be 4.00).
    WaterfallCase(
      "one class converts while another keeps its preference", oneConverts, exit: 15_000_000,
      ["Fund A": Ratio(2_500_000), "Fund B": Ratio(10_000_000), "Founders": Ratio(2_500_000)]),
    // At 2,100,000: the $1 options exercise (their 100,000 join the proceeds): 2,200,000 over
    // 1,100,000 shares = 2.00 each, below the $5 warrants' strike. Net: Early 100,000.
    WaterfallCase(
      "options in and out of the money", options, exit: 2_100_000,
      ["Founders": Ratio(2_000_000), "Early": Ratio(100_000), "Late": .zero]),
    // At 11,400,000 both exercise: 11,400,000 + 100,000 + 500,000 = 12,000,000 over 1,200,000
    // shares = 10.00; net Early 900,000, Late 500,000.
    WaterfallCase(
      "options all in the money", options, exit: 11_400_000,
      ["Founders": Ratio(10_000_000), "Early": Ratio(900_000), "Late": Ratio(500_000)]),
    // Excluded, the options take nothing and the founders everything.
    WaterfallCase(
      "options excluded", options, options: .exclude, exit: 11_400_000,
      ["Founders": Ratio(11_400_000)]),
    // SAFE below its conversion point (t = 1,000,000 ÷ 1,000,000 = 1, D = 10,000,000): the
    // cash-out amount 1,000,000 first, founders 4,000,000.
    WaterfallCase(
      "SAFE outstanding takes its purchase amount", safe, exit: 5_000_000,
      ["Angel": Ratio(1_000_000), "Founders": Ratio(4_000_000)]),
    // Above it the conversion amount is greater: 20,000,000 over 10,000,000 shares.
    WaterfallCase(
      "SAFE outstanding takes its conversion amount", safe, exit: 20_000_000,
      ["Angel": Ratio(2_000_000), "Founders": Ratio(18_000_000)]),
  ]
}

@Suite struct WaterfallCaseTests {
  @Test(arguments: WaterfallCase.all)
  func payouts(_ example: WaterfallCase) throws {
    let waterfall = try Waterfall(example.capitalization, options: example.options)
    let exit = Ratio(example.exit)
    for (holder, amount) in example.expected {
      #expect(try payout(waterfall, Stakeholder.ID(holder), at: exit) == amount, "\(holder)")
    }
    let distribution = try waterfall.distribution(at: exit)
    #expect(Ratio.sum(distribution.holders.map(\.payout)) == exit)
  }

  /// The non-participating class's breakpoints: its preference is filled at 1,000,000 and it
  /// converts at 2,000,000 (c = t = 1).
  @Test func conversionBreakpoint() throws {
    let schedule = try Waterfall(WaterfallCase.nonParticipating).schedule
    #expect(schedule.breakpoints.map(\.exitValue) == [.zero, Ratio(1_000_000), Ratio(2_000_000)])
    #expect(schedule.breakpoints.last?.events == [.converts("Series A")])
    let curve = try schedule.curve(forClass: "Series A")
    #expect(curve.payout(at: Ratio(1_500_000)) == Ratio(1_000_000))
    #expect(curve.payout(at: Ratio(3_000_000)) == Ratio(1_500_000))
    #expect(curve.corners == [Ratio(1_000_000), Ratio(2_000_000)])
  }

  /// Capped at 3x: preference at 1,000,000, cap at 5,000,000, conversion at 6,000,000.
  @Test func capBreakpoints() throws {
    let schedule = try Waterfall(WaterfallCase.capped).schedule
    #expect(
      schedule.breakpoints.map(\.exitValue)
        == [.zero, Ratio(1_000_000), Ratio(5_000_000), Ratio(6_000_000)])
    #expect(schedule.breakpoints[2].events == [.capReached("Series A")])
  }

  /// Expenses of 500,000 and a 10 % carve-out: an exit of 4,500,000 leaves 4,000,000 after
  /// expenses, 400,000 to the carve-out and 3,600,000 to the holders; A (non-participating)
  /// converts (c = 1.80 > 1): 1,800,000 each.
  @Test func expensesAndCarveOut() throws {
    let deductions = ExitDeductions(
      transactionExpenses: Ratio(500_000), carveOut: .fraction(Ratio(1, 10)))
    let waterfall = try Waterfall(WaterfallCase.nonParticipating, deductions: deductions)
    let distribution = try waterfall.distribution(at: Ratio(4_500_000))
    #expect(distribution.exit.carveOutPaid == Ratio(400_000))
    #expect(distribution.distributable == Ratio(3_600_000))
    #expect(distribution.payout(of: "Fund A")?.payout == Ratio(1_800_000))
    // Breakpoints move to exit values: A's conversion at D = 2,000,000 is at
    // 500,000 + 2,000,000 ÷ 0.9.
    let last = try #require(waterfall.schedule.breakpoints.last)
    #expect(last.exitValue == Ratio(500_000) + Ratio(20_000_000, 9))
  }

  /// Vested options only: 40,000 of the 100,000 at $1.00 count.
  @Test func vestedOptionsOnly() throws {
    let cap = WaterfallCapitalization(
      classes: [WaterfallCase.founders],
      options: [OptionHolding("Early", 100_000, strike: .one, vesting: .vested(40_000))])
    let waterfall = try Waterfall(cap, options: .vested(asOf: try date("2027-01-15")))
    // 2,040,000 + 40,000 strikes = 2,080,000 over 1,040,000 shares = 2.00; net 40,000.
    #expect(try payout(waterfall, "Early", at: Ratio(2_040_000)) == Ratio(40_000))
  }

  /// Each payout is rounded half-up to the cent on its own; the difference from the proceeds
  /// is reported, not spread. Three holders of one common share each: $0.01 owes each 1/3
  /// cent (0 shown, 1 cent short); $0.02 owes each 2/3 cent (1 shown, 1 cent over); $0.03
  /// owes each exactly 1 cent (no difference).
  @Test(arguments: [(1, 0, -1), (2, 1, 1), (3, 1, 0)])
  func centsRoundHalfUpPerHolder(exitCents: Int64, eachCents: Int, difference: Int) throws {
    let cap = WaterfallCapitalization(classes: [
      .common("Common", [ClassHolding("A", 1), ClassHolding("B", 1), ClassHolding("C", 1)])
    ])
    let distribution = try Waterfall(cap).distribution(at: Ratio(exitCents, 100))
    #expect(
      distribution.holders.map(\.cents) == [
        BigInt(eachCents), BigInt(eachCents), BigInt(eachCents),
      ])
    #expect(distribution.roundingDifference == BigInt(difference))
  }
}
