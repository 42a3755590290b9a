import CapstanEngine
import CapstanModel
import Testing

/// A note's interest to a date, worked by hand.
struct AccrualCase: Sendable, CustomTestStringConvertible {
  let name: String
  let principal: Int64
  let rate: Ratio
  let compounding: InterestCompounding
  let dayCount: DayCount
  let issued: String
  let closing: String
  let days: Int
  let interest: String

  var testDescription: String { name }

  static let all: [AccrualCase] = [
    // 2023-03-01 → 2024-03-01 spans 2024-02-29: 366 actual days.
    // 100,000 × 0.08 × 366/365 = 8,021.9178… → 8,021.92.
    AccrualCase(
      name: "simple ACT/365 over a leap day", principal: 100_000, rate: ratio(8, 100),
      compounding: .simple, dayCount: .actual365, issued: "2023-03-01", closing: "2024-03-01",
      days: 366, interest: "8021.92"),
    // 30/360: 360 × 1 + 30 × 0 + 0 = 360 days; 100,000 × 0.08 × 360/360 = 8,000.00.
    AccrualCase(
      name: "simple 30/360 over a leap day", principal: 100_000, rate: ratio(8, 100),
      compounding: .simple, dayCount: .thirty360, issued: "2023-03-01", closing: "2024-03-01",
      days: 360, interest: "8000"),
    // 30/360 bond basis: D1 = 31 → 30, then D2 = 31 → 30; 30 × 2 = 60 days;
    // 100,000 × 0.06 × 60/360 = 1,000.00.
    AccrualCase(
      name: "30/360 month ends", principal: 100_000, rate: ratio(6, 100), compounding: .simple,
      dayCount: .thirty360, issued: "2023-01-31", closing: "2023-03-31", days: 60,
      interest: "1000"),
    // Two anniversaries (2023-01-15, 2024-01-15), then 182 days to 2024-07-15:
    // 100,000 × 1.1² × (1 + 0.1 × 182/365) = 127,033.4246… → interest 27,033.42.
    AccrualCase(
      name: "annual compounding ACT/365", principal: 100_000, rate: ratio(1, 10),
      compounding: .annual, dayCount: .actual365, issued: "2022-01-15", closing: "2024-07-15",
      days: 912, interest: "27033.42"),
    // 30/360: 720 + 180 = 900 days = 2 years + 180/360:
    // 100,000 × 1.1² × (1 + 0.1 × 0.5) = 127,050 → interest 27,050.00.
    AccrualCase(
      name: "annual compounding 30/360", principal: 100_000, rate: ratio(1, 10),
      compounding: .annual, dayCount: .thirty360, issued: "2022-01-15", closing: "2024-07-15",
      days: 900, interest: "27050"),
  ]
}

@Suite struct ConvertibleNoteTests {
  @Test(arguments: AccrualCase.all)
  func accrual(_ example: AccrualCase) throws {
    let note = ConvertibleNote(
      id: "CN-1", holder: "Lender", principal: Ratio(example.principal),
      interestRate: example.rate, compounding: example.compounding,
      dayCount: example.dayCount, issued: try date(example.issued),
      capBasis: .preMoneyCompanyCapitalization)
    let accrual = try note.accrual(to: try date(example.closing), rounding: .standard)
    #expect(accrual.days == example.days)
    #expect(accrual.interest == (try exact(example.interest)))
    #expect(accrual.convertingAmount == Ratio(example.principal) + accrual.interest)
  }

  @Test func leapYearInterestIsExactBeforeRounding() throws {
    let note = ConvertibleNote(
      id: "CN-1", holder: "Lender", principal: Ratio(100_000), interestRate: ratio(8, 100),
      issued: try date("2023-03-01"), capBasis: .preMoneyCompanyCapitalization)
    let accrual = try note.accrual(to: try date("2024-03-01"), rounding: .standard)
    // 100,000 × 8/100 × 366/365 = 2,928,000/365 = 585,600/73.
    #expect(accrual.exactInterest == ratio(585_600, 73))
  }

  /// The leap-year note converts at its cap on principal plus rounded interest.
  ///
  /// Converting amount 100,000 + 8,021.92 = 108,021.92. Cap basis: base without SAFEs and
  /// notes = 9,000,000 + 1,000,000 = 10,000,000; cap price 5,000,000 ÷ 10,000,000 = 0.50;
  /// shares ⌊216,043.84⌋ = 216,043. Price 20,000,000 ÷ 10,216,043 = 1.95770515 → 1.9577;
  /// discount price 1.9577 × 0.8 = 1.56616 > 0.50. Investor ⌊2,000,000 ÷ 1.9577⌋ = 1,021,606;
  /// post 10,216,043 + 1,021,606 = 11,237,649.
  @Test func noteConvertsOnPrincipalPlusInterest() throws {
    let input = RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      notes: [
        ConvertibleNote(
          id: "CN-1", holder: "Lender", principal: Ratio(100_000), interestRate: ratio(8, 100),
          issued: try date("2023-03-01"), maturity: try date("2024-02-01"),
          valuationCap: Ratio(5_000_000), discount: ratio(1, 5),
          capBasis: .preMoneyCompanyCapitalization)
      ],
      valuation: .preMoney(Ratio(20_000_000)),
      investors: [Investor("Lead", amount: Ratio(2_000_000))], closing: try date("2024-03-01"))
    let result = try PricedRound.model(input)
    let note = try conversion(result, "CN-1")
    guard case .note(let accrual) = note.instrument else {
      Issue.record("expected a note, got \(note.instrument)")
      return
    }
    #expect(accrual.interest == (try exact("8021.92")))
    #expect(accrual.pastMaturity)
    #expect(note.convertingAmount == (try exact("108021.92")))
    #expect(note.capitalization == Ratio(10_000_000))
    #expect(note.conversionPrice == ratio(1, 2))
    #expect(note.binding == .cap)
    #expect(note.discountPrice == (try exact("1.56616")))
    #expect(note.shares == 216_043)
    #expect(result.price.rounded == (try exact("1.9577")))
    #expect(result.investors.map(\.shares) == [1_021_606])
    #expect(result.postMoneyFullyDiluted == 11_237_649)
    #expect(result.proForma.row("Lender")?.conversion == 216_043)
  }

  @Test func closingBeforeIssueIsRefused() throws {
    let note = ConvertibleNote(
      id: "CN-1", holder: "Lender", principal: Ratio(100_000), interestRate: ratio(8, 100),
      issued: try date("2024-03-01"), capBasis: .postMoneyCompanyCapitalization)
    #expect(
      throws: RoundError.closingBeforeIssue(
        security: "CN-1", issued: try date("2024-03-01"), closing: try date("2024-02-29"))
    ) {
      try note.accrual(to: try date("2024-02-29"), rounding: .standard)
    }
  }
}
