import CapstanModel
import CapstanTestSupport

/// The sample company (every classic event kind) plus compute tokens and richer vesting: two
/// tokens with prices, three compute grants (vesting, price-gated and at-grant unlocks, an
/// in-step equity link, expiry and clawback clauses), a redemption, a sale and a clawback,
/// grants and restricted stock with richer vesting terms (months and days, cliff installment,
/// allocation types, tranches, a milestone, single and double acceleration), and the
/// milestone, change-of-control and termination events: all 21 `LedgerEvent` kinds.
enum TokenVestingCompany {
  static let computeCo: Stakeholder.ID = "computeco"
  static let eve: Stakeholder.ID = "eve-adams"
  static let bob: Stakeholder.ID = "bob-byte"

  /// Adds the tokens and their prices (the workspace's), unless they exist already.
  static func addTokens(to draft: inout WorkspaceDraft) throws {
    guard try draft.tokenMarket().tokens["H100H"] == nil else { return }
    try draft.addToken(
      symbol: "H100H", issuer: "ComputeCo", unit: "H100-hour", unitsPerToken: .one,
      peg: fraction(5, 2))
    try draft.addToken(
      symbol: "B200H", issuer: "ComputeCo", unit: "B200-hour", unitsPerToken: fraction(1, 2),
      peg: nil)
    try draft.recordTokenPrices([
      TokenPriceMark(symbol: "H100H", date: day("2026-06-01"), price: fraction(13, 5)),
      TokenPriceMark(symbol: "H100H", date: day("2026-11-01"), price: fraction(7, 5)),
      TokenPriceMark(symbol: "H100H", date: day("2027-07-01"), price: fraction(29, 10)),
      TokenPriceMark(symbol: "B200H", date: day("2026-01-01"), price: fraction(1, 3)),
    ])
  }

  /// The events after the sample company's, in recording order.
  static var events: [(date: CalendarDate, event: LedgerEvent)] {
    [
      // ComputeCo's stock for the tokens of CG-1.
      (
        day("2026-06-01"),
        .issueStock(
          StockIssuance(
            security: "CS-30", holder: computeCo, shareClass: SampleCompany.commonID,
            quantity: 600_000, pricePerShare: Ratio(5)))
      ),
      (
        day("2026-06-01"),
        .grantCompute(
          ComputeGrant(
            security: "CG-1", provider: computeCo, symbol: "H100H", tokens: 1_500_000,
            agreedPrice: Ratio(2),
            unlock: .vesting(
              VestingSchedule(
                start: day("2026-06-01"), totalMonths: 24, cliffMonths: 6, frequencyMonths: 1)),
            expires: day("2029-06-01"), clawbackOn: "supply terminated",
            equity: EquityConsideration(security: "CS-30", shares: 600_000, release: .inStep)))
      ),
      (
        day("2026-06-01"),
        .grantCompute(
          ComputeGrant(
            security: "CG-2", provider: computeCo, symbol: "H100H", tokens: 100_000,
            agreedPrice: Ratio(2),
            unlock: .priceGated(
              PriceGate(
                start: day("2026-06-01"),
                tranches: [
                  PriceGate.Tranche(tokens: 60_000, target: Ratio(3)),
                  PriceGate.Tranche(tokens: 40_000, target: fraction(5, 2)),
                ], end: day("2028-01-01"))),
            clawbackOn: "supply terminated"))
      ),
      (
        day("2026-06-02"),
        .grantCompute(
          ComputeGrant(
            security: "CG-3", provider: computeCo, symbol: "B200H", tokens: 10_000,
            agreedPrice: fraction(1, 3), unlock: .atGrant))
      ),
      (day("2026-07-01"), .redeemTokens(TokenRedemption(grant: "CG-3", tokens: 3_000))),
      (
        day("2026-07-02"),
        .sellTokens(TokenSale(grant: "CG-3", tokens: 2_000, price: fraction(2, 3)))
      ),
      // CG-1: 1,500,000 × 6 ÷ 24 = 375,000 unlocked at the cliff (2026-12-01).
      (day("2026-12-15"), .redeemTokens(TokenRedemption(grant: "CG-1", tokens: 100_000))),
      // CG-2: $2.60 on 2026-06-01 unlocked the $2.50 tranche; the 60,000 at $3 are locked.
      (
        day("2027-07-15"),
        .clawbackTokens(TokenClawback(grant: "CG-2", tokens: 60_000, event: "supply terminated"))
      ),
      // Eve: 1,200 options, 100 on 2026-06-01, 240 on "Launch", the other 860 quarterly over a
      // year, front loaded; double trigger within 12 months.
      (
        day("2026-01-01"),
        .grantOptions(
          OptionGrant(
            security: "OP-2", holder: eve, plan: SampleCompany.planID, quantity: 1_200,
            strike: fraction(1, 10), expires: day("2036-01-01"),
            vestingTerms: VestingTerms(
              start: day("2026-01-01"),
              periodic: PeriodicVesting(unit: .months, length: 12, frequency: 3, cliff: 0),
              allocation: .frontLoaded,
              tranches: [VestingTranche(date: day("2026-06-01"), amount: 100)],
              milestones: [VestingMilestone(name: "Launch", amount: 240)], basis: 1_200,
              acceleration: VestingAcceleration(trigger: .double(windowMonths: 12)))))
      ),
      // Bob: options over 700 days, a quarter at the 70-day cliff, weekly after, half
      // accelerated on a change of control; and restricted stock over 700 days.
      (
        day("2026-01-01"),
        .grantOptions(
          OptionGrant(
            security: "OP-3", holder: bob, plan: SampleCompany.planID, quantity: 48_000,
            strike: fraction(1, 10),
            vestingTerms: VestingTerms(
              start: day("2026-01-01"),
              periodic: PeriodicVesting(
                unit: .days, length: 700, frequency: 7, cliff: 70, cliffPortion: fraction(1, 4)),
              allocation: .cumulativeRounding,
              acceleration: VestingAcceleration(trigger: .single, fraction: fraction(1, 2)))))
      ),
      (
        day("2026-01-01"),
        .issueStock(
          StockIssuance(
            security: "CS-31", holder: bob, shareClass: SampleCompany.commonID, quantity: 7_000,
            pricePerShare: fraction(1, 1000),
            vestingTerms: VestingTerms(
              start: day("2026-01-01"),
              periodic: PeriodicVesting(unit: .days, length: 700, frequency: 7, cliff: 70),
              acceleration: VestingAcceleration(trigger: .single, fraction: fraction(1, 2)))))
      ),
      (
        day("2026-07-01"),
        .reachMilestone(MilestoneAchievement(name: "launch", holder: eve, security: "OP-2"))
      ),
      // Accelerations: 700 of Bob's restricted stock (2,100 of 7,000 vested by day 210 of
      // 700), with a reason; 10 of Eve's options, without one.
      (
        day("2026-08-01"),
        .accelerateVesting(
          AcceleratedVesting(security: "CS-31", quantity: 700, reason: "board, 2026-07-30"))
      ),
      (day("2026-08-01"), .accelerateVesting(AcceleratedVesting(security: "OP-2", quantity: 10))),
      (day("2026-09-01"), .changeOfControl(ChangeOfControl(note: "sold to MegaCorp"))),
      (
        day("2026-10-01"),
        .terminate(Termination(holder: eve, security: nil, withoutCause: true))
      ),
      (
        day("2026-10-15"),
        .terminate(Termination(holder: bob, security: "OP-3", withoutCause: false))
      ),
    ]
  }

  /// Adds the sample company, the people, the tokens and every event; returns the company.
  @discardableResult
  static func record(in draft: inout WorkspaceDraft, name: String = "Acme AI") throws
    -> Company.ID
  {
    let company = try SampleCompany.record(in: &draft, name: name)
    if !draft.stakeholders.contains(where: { $0.id == eve }) {
      _ = try draft.addStakeholder(name: "Eve Adams")
      _ = try draft.addStakeholder(name: "Bob Byte", email: "bob@example.com")
    }
    try addTokens(to: &draft)
    try draft.append(events, to: company)
    return company
  }
}
