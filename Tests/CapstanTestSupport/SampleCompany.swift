import CapstanModel

/// A company whose ledger uses every `LedgerEvent` case, with the numbers worked by hand
/// (shared by the store and interchange tests).
///
/// - Common: 10,000,000 authorized. Series Seed Preferred: 2,000,000 authorized, OIP 0.5,
///   conversion price 0.4, 1.5x preference capped at 3x, seniority 2, broad-based WA,
///   1/3 vote per share.
/// - 2024 Plan: 1,000,000 Common reserved on 2024-02-01; cancelled options retire.
public enum SampleCompany {
  /// The incorporation date.
  public static let incorporated = day("2024-01-15")
  /// A rounding policy unlike the default, so a store that drops it fails a test.
  public static let rounding = RoundingPolicy(
    roundPricePlaces: 6, roundPriceRule: .down, antiDilutionPricePlaces: 3, interestPlaces: 4,
    moneyDisplayPlaces: 0)

  /// The common class as given to the draft.
  public static let common = ShareClass(
    id: "ignored", name: "Common", initialAuthorized: 10_000_000)
  /// The preferred class as given to the draft.
  public static let seed = ShareClass(
    id: "ignored", name: "Series Seed Preferred", kind: .preferred, initialAuthorized: 2_000_000,
    originalIssuePrice: fraction(1, 2), conversionPrice: fraction(2, 5),
    preference: LiquidationPreference(
      multiple: fraction(3, 2), participation: .capped(multiple: Ratio(3)), seniority: 2),
    antiDilution: .broadBasedWeightedAverage, votesPerShare: fraction(1, 3))

  /// The ids the draft gives (slugs of the names).
  public static let commonID: ShareClass.ID = "common"
  /// The preferred class's id.
  public static let seedID: ShareClass.ID = "series-seed-preferred"
  /// The plan's id.
  public static let planID: StockPlan.ID = "2024-plan"
  /// Ada Lovelace's id.
  public static let ada: Stakeholder.ID = "ada-lovelace"
  /// Grace Hopper's id.
  public static let grace: Stakeholder.ID = "grace-hopper"
  /// Seed Fund I's id.
  public static let fund: Stakeholder.ID = "seed-fund-i"

  /// Every event, in recording order (sequence 1...17).
  public static var events: [(date: CalendarDate, event: LedgerEvent)] {
    let fourYears = { (start: String) in
      VestingSchedule(start: day(start), totalMonths: 48, cliffMonths: 12, frequencyMonths: 1)
    }
    return [
      // 1-2: founders' stock; Ada's is restricted.
      (
        day("2024-01-20"),
        .issueStock(
          StockIssuance(
            security: "CS-1", holder: ada, shareClass: commonID, quantity: 4_000_000,
            pricePerShare: fraction(1, 10_000), vesting: fourYears("2024-01-20")))
      ),
      (
        day("2024-01-20"),
        .issueStock(
          StockIssuance(
            security: "CS-2", holder: grace, shareClass: commonID, quantity: 2_000_000,
            pricePerShare: fraction(1, 10_000)))
      ),
      // 3: 200,000 options at 0.25, four years with a one-year cliff, ten-year term.
      (
        day("2024-03-01"),
        .grantOptions(
          OptionGrant(
            security: "OP-1", holder: grace, plan: planID, quantity: 200_000,
            strike: fraction(1, 4), vesting: fourYears("2024-03-01"), expires: day("2034-02-28")))
      ),
      (
        day("2024-06-01"),
        .issueStock(
          StockIssuance(
            security: "PS-1", holder: fund, shareClass: seedID, quantity: 1_000_000,
            pricePerShare: fraction(1, 2)))
      ),
      // 5: at the cliff, 200,000 × 12 ÷ 48 = 50,000 are vested; all exercised.
      (
        day("2025-03-01"),
        .exercise(Exercise(grant: "OP-1", quantity: 50_000, resultingSecurity: "CS-3"))
      ),
      // 6: Grace transfers 500,000 of CS-2's 2,000,000; CS-5 keeps 1,500,000.
      (
        day("2025-04-01"),
        .transfer(
          Transfer(
            security: "CS-2", to: fund, quantity: 500_000, resultingSecurity: "CS-4",
            balanceSecurity: "CS-5"))
      ),
      // 7: 30,000 unvested options forfeited; the plan retires them.
      (
        day("2025-05-01"),
        .cancel(
          Cancellation(
            security: "OP-1", quantity: 30_000, balanceSecurity: nil,
            reason: "forfeited on termination"))
      ),
      // 8: 100,000 of CS-5 cancelled; CS-6 keeps 1,400,000.
      (
        day("2025-06-01"),
        .cancel(
          Cancellation(
            security: "CS-5", quantity: 100_000, balanceSecurity: "CS-6", reason: "correction"))
      ),
      // 9: 10,000 of CS-3's 50,000 bought back at 0.25; CS-7 keeps 40,000.
      (
        day("2025-07-01"),
        .repurchase(
          Repurchase(
            security: "CS-3", quantity: 10_000, pricePerShare: fraction(1, 4),
            balanceSecurity: "CS-7"))
      ),
      (
        day("2025-08-01"),
        .authorizeShares(SharesAuthorization(shareClass: commonID, newTotal: 25_000_000))
      ),
      (day("2025-09-01"), .split(StockSplit(shareClass: commonID, ratio: Ratio(2)))),
      (day("2025-10-01"), .increasePool(PoolIncrease(plan: planID, quantity: 300_000))),
      // 13-15: a post-money SAFE with every term, a note, a warrant on common.
      (
        day("2025-11-01"),
        .issueSAFE(
          SAFEIssuance(
            security: "SAFE-1", holder: fund, purchaseAmount: Ratio(500_000), kind: .postMoney,
            valuationCap: Ratio(8_000_000), discount: fraction(1, 5), mostFavoredNation: true,
            proRata: true, rank: .seniority(2)))
      ),
      (
        day("2025-11-02"),
        .issueNote(
          NoteIssuance(
            security: "N-1", holder: grace, principal: Ratio(100_000), rate: fraction(2, 25),
            compounding: .annual, dayCount: .thirty360, maturity: day("2027-11-02"),
            valuationCap: Ratio(10_000_000), discount: fraction(3, 20),
            capBasis: .postMoneyCompanyCapitalization, rank: .debt))
      ),
      (
        day("2025-11-03"),
        .issueWarrant(
          WarrantIssuance(
            security: "W-1", holder: fund, shareClass: commonID, quantity: 10_000,
            strike: fraction(1, 2), expires: day("2035-11-03")))
      ),
      // 16: the SAFE converts into 100,000 common at $5.
      (
        day("2025-12-01"),
        .convert(
          Conversion(
            security: "SAFE-1", resultingSecurity: "CS-20", shareClass: commonID, quantity: 100_000,
            pricePerShare: Ratio(5)))
      ),
      // 17: anti-dilution moves the seed's conversion price from 0.20 (0.40 halved by the
      // split of common) to 0.16.
      (
        day("2025-12-02"),
        .adjustConversionPrice(
          ConversionPriceChange(shareClass: seedID, newConversionPrice: fraction(4, 25)))
      ),
    ]
  }

  /// Adds the company, its people, classes, plan and every event; returns the company's id.
  @discardableResult
  public static func record(in draft: inout WorkspaceDraft, name: String = "Acme AI") throws
    -> Company.ID
  {
    let company = try draft.addCompany(
      name: name, currency: .usd, incorporated: incorporated, rounding: rounding)
    try addPeople(to: &draft)
    _ = try draft.addClass(common, to: company.id)
    _ = try draft.addClass(seed, to: company.id)
    _ = try draft.addPlan(
      StockPlan(
        id: "ignored", name: "2024 Plan", shareClass: commonID, initialReserve: 1_000_000,
        adopted: day("2024-02-01"), cancellationBehavior: .retire),
      to: company.id)
    try draft.append(events, to: company.id)
    return company.id
  }

  /// Adds the three stakeholders, unless they exist already.
  public static func addPeople(to draft: inout WorkspaceDraft) throws {
    guard !draft.stakeholders.contains(where: { $0.id == ada }) else { return }
    _ = try draft.addStakeholder(name: "Ada Lovelace", email: "ada@example.com")
    _ = try draft.addStakeholder(name: "Grace Hopper")
    _ = try draft.addStakeholder(name: "Seed Fund I", kind: .institution, email: "ops@seed.example")
  }
}

/// A date from `YYYY-MM-DD` (test literals only; a bad literal gives 1970-01-01 and fails).
public func day(_ text: String) -> CalendarDate {
  CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
}

/// `numerator / denominator` from integer literals (which `Ratio.init` finds ambiguous).
public func fraction(_ numerator: Int64, _ denominator: Int64) -> Ratio {
  Ratio(numerator, denominator)
}
