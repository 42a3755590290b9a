import CapstanEngine
import CapstanModel
import Testing

/// A change to a valid round that makes it invalid, and the error expected.
struct InvalidRound: Sendable, CustomTestStringConvertible {
  let name: String
  let change: @Sendable (inout RoundInput) -> Void
  let error: RoundError

  var testDescription: String { name }

  static let all: [InvalidRound] = [
    InvalidRound(
      name: "negative pre-money", change: { $0.valuation = .preMoney(Ratio(-1)) },
      error: .nonPositiveValuation(Ratio(-1))),
    InvalidRound(
      name: "zero post-money", change: { $0.valuation = .postMoney(.zero) },
      error: .nonPositiveValuation(.zero)),
    InvalidRound(
      name: "post-money not above the new money",
      change: { $0.valuation = .postMoney(Ratio(2_000_000)) },
      error: .postMoneyNotAboveNewMoney(postMoney: Ratio(2_000_000), newMoney: Ratio(2_000_000))
    ),
    InvalidRound(
      name: "zero stated price", change: { $0.valuation = .pricePerShare(.zero) },
      error: .nonPositivePrice(.zero)),
    // $1 over 10,000,000 shares is $0.0000001 a share: zero at four places.
    InvalidRound(
      name: "price rounds to zero",
      change: {
        $0.safes = []
        $0.valuation = .preMoney(.one)
      },
      error: .zeroRoundPrice(exact: ratio(1, 10_000_000))),
    InvalidRound(
      name: "pool target of 100 %", change: { $0.pool = .target(.one) },
      error: .poolTargetOutOfRange(.one)),
    InvalidRound(
      name: "negative pool target", change: { $0.pool = .target(ratio(-1, 10)) },
      error: .poolTargetOutOfRange(ratio(-1, 10))),
    // $9M on $1M pre-money is 90 % of the post-money whatever the pool: 15 % cannot fit.
    InvalidRound(
      name: "pool target unreachable",
      change: {
        $0.safes = []
        $0.valuation = .preMoney(Ratio(1_000_000))
        $0.investors = [Investor("Lead", amount: Ratio(9_000_000))]
        $0.pool = .target(ratio(15, 100))
      },
      error: .poolTargetUnreachable(target: ratio(15, 100))),
    InvalidRound(
      name: "negative pool increase", change: { $0.pool = .increase(-1) },
      error: .negativePoolIncrease(-1)),
    InvalidRound(name: "no investors", change: { $0.investors = [] }, error: .noInvestors),
    InvalidRound(
      name: "zero investment", change: { $0.investors = [Investor("Lead", amount: .zero)] },
      error: .nonPositiveInvestment(investor: "Lead", amount: .zero)),
    InvalidRound(
      name: "investor twice", change: { $0.investors += $0.investors },
      error: .duplicateInvestor("Lead")),
    InvalidRound(
      name: "empty capitalization",
      change: { $0.capitalization = PreRoundCapitalization(holdings: [], unissuedPool: .zero) },
      error: .emptyCapitalization),
    InvalidRound(
      name: "negative holding",
      change: { $0.capitalization.holdings[0].stock = -1 },
      error: .negativeHolding(holder: "Founders")),
    InvalidRound(
      name: "zero SAFE amount", change: { $0.safes[0].purchaseAmount = .zero },
      error: .nonPositiveAmount(security: "SAFE-1", amount: .zero)),
    InvalidRound(
      name: "zero cap", change: { $0.safes[0].terms.valuationCap = .zero },
      error: .nonPositiveCap(security: "SAFE-1", cap: .zero)),
    InvalidRound(
      name: "100 % discount", change: { $0.safes[0].terms.discount = .one },
      error: .discountOutOfRange(security: "SAFE-1", discount: .one)),
    InvalidRound(
      name: "SAFE listed twice", change: { $0.safes += $0.safes },
      error: .duplicateSecurity("SAFE-1")),
    // A $1M SAFE at a $1M post-money cap would own the whole company.
    InvalidRound(
      name: "caps claim the whole company",
      change: { $0.safes[0].terms.valuationCap = Ratio(1_000_000) },
      error: .conversionsExceedCapitalization),
    // Converting at the round price, a $1M SAFE cannot fit in a $500,000 pre-money.
    InvalidRound(
      name: "SAFE larger than the pre-money",
      change: {
        $0.safes[0].terms.valuationCap = nil
        $0.valuation = .preMoney(Ratio(500_000))
      },
      error: .conversionsExceedCapitalization),
    InvalidRound(
      name: "note with a negative rate",
      change: {
        $0.notes = [
          ConvertibleNote(
            id: "CN-1", holder: "Lender", principal: Ratio(100_000), interestRate: ratio(-1, 100),
            issued: $0.closing, capBasis: .preMoneyFullyDiluted)
        ]
      },
      error: .negativeInterestRate(security: "CN-1", rate: ratio(-1, 100))),
  ]
}

@Suite struct RoundErrorTests {
  /// Founders 9,000,000, pool 1,000,000, a $1M SAFE at a $10M cap, $20M pre-money, $2M lead.
  static func valid() throws -> RoundInput {
    RoundInput(
      capitalization: capitalization(founders: 9_000_000, pool: 1_000_000),
      safes: [
        SAFE(
          id: "SAFE-1", holder: "Angel", purchaseAmount: Ratio(1_000_000),
          valuationCap: Ratio(10_000_000))
      ],
      valuation: .preMoney(Ratio(20_000_000)),
      investors: [Investor("Lead", amount: Ratio(2_000_000))], closing: try date("2026-01-15"))
  }

  @Test func theValidRoundModels() throws {
    #expect(roundError(try Self.valid()) == nil)
  }

  @Test(arguments: InvalidRound.all)
  func refused(_ example: InvalidRound) throws {
    var input = try Self.valid()
    example.change(&input)
    #expect(roundError(input) == example.error)
  }

  @Test func descriptionsNameTheInput() {
    #expect(RoundError.noInvestors.description == "a priced round needs at least one investor")
    #expect(
      RoundError.nonPositiveInvestment(investor: "Lead", amount: .zero).description
        == "investor 'Lead' must invest more than zero (got 0.00)")
    #expect(
      RoundError.poolTargetOutOfRange(.one).description
        == "the pool target must be at least 0 % and below 100 % (got 100.00%)")
    #expect(
      RoundError.nonPositiveValuation(Ratio(-5_000_000)).description
        == "the valuation must be above zero (got -5,000,000.00)")
    #expect(RoundError.zeroRoundPrice(exact: ratio(1, 10_000_000)).description.contains("zero"))
    #expect(
      RoundError.proRataExceedsEntitlement(
        holder: "Angel", requested: Ratio(300_000), entitlement: ratio(1_999_997, 10)
      ).description
        == "'Angel' asks for 300,000.00 but its pro rata share of the round is 199,999.70")
  }
}
