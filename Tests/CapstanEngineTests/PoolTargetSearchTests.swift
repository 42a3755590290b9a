import CapstanModel
import PropertyBased
import Testing

@testable import CapstanEngine

/// A round with many securities of every kind on a capitalization of `holders` holdings, some
/// of whom elect pro rata when `proRata` is set.
func crowdedRound(
  holders: Int, proRata: Bool, target: Ratio, basis: PricingBasis = .includingConversions
) -> RoundInput {
  var holdings: [PreRoundCapitalization.Holding] = []
  for index in 0..<holders {
    holdings.append(
      .init(
        .newInvestor("Holder \(index)"), stock: Shares(Int64(10_000 + 137 * index)),
        options: Shares(Int64(index % 7 * 1_000)), proRataRight: index < 3))
  }
  var safes: [SAFE] = []
  for index in 0..<20 {
    safes.append(
      SAFE(
        id: SecurityID("P-\(index)"), holder: .newInvestor("Post \(index)"),
        purchaseAmount: Ratio(Int64(50_000 + 7_000 * index)),
        valuationCap: index % 5 == 4 ? nil : Ratio(Int64(8_000_000 + 400_000 * index)),
        discount: index % 3 == 0 ? nil : Ratio(Int64(10 + index % 4 * 5), 100),
        proRata: index == 1))
  }
  for index in 0..<8 {
    safes.append(
      SAFE(
        id: SecurityID("Q-\(index)"), holder: .newInvestor("Pre \(index)"), kind: .preMoney,
        purchaseAmount: Ratio(Int64(80_000 + 9_000 * index)),
        valuationCap: Ratio(Int64(9_000_000 + 700_000 * index)), discount: Ratio(1, 5)))
  }
  let issued = CalendarDate(daysSinceEpoch: 19_000)
  var notes: [ConvertibleNote] = []
  for index in 0..<10 {
    notes.append(
      ConvertibleNote(
        id: SecurityID("N-\(index)"), holder: .newInvestor("Lender \(index)"),
        principal: Ratio(Int64(40_000 + 3_000 * index)), interestRate: Ratio(3, 50),
        issued: issued, valuationCap: Ratio(Int64(11_000_000 + 250_000 * index)),
        discount: Ratio(3, 20),
        capBasis: index % 2 == 0 ? .preMoneyFullyDiluted : .postMoneyCompanyCapitalization))
  }
  let elections =
    proRata
    ? [
      ProRataElection("Holder 0", take: .full), ProRataElection("Holder 2", take: .declined),
      ProRataElection("Post 1", take: .amount(Ratio(1_000))),
    ] : []
  return RoundInput(
    capitalization: PreRoundCapitalization(holdings: holdings, unissuedPool: Shares(150_000)),
    safes: safes, notes: notes, valuation: .preMoney(Ratio(30_000_000)),
    investors: [Investor("Lead", amount: Ratio(6_000_000))], pool: .target(target),
    pricingBasis: basis, proRata: elections, closing: CalendarDate(daysSinceEpoch: 20_000))
}

/// What a pool search gives: the increase, its check and exact solution, or the error.
enum SearchOutcome: Equatable {
  case found(Shares, PoolTargetCheck, ExactSolution)
  case failed(RoundError)

  init(_ search: () throws(RoundError) -> (Shares, PoolTargetCheck, ExactSolution)) {
    do {
      let (increase, check, solution) = try search()
      self = .found(increase, check, solution)
    } catch {
      self = .failed(error)
    }
  }
}

/// The outcomes of the secant search and of doubling and bisection, each with its own solver;
/// nil when no increase is needed, or after recording an issue when the round does not solve.
func bothSearches(_ input: RoundInput, _ target: Ratio, _ context: CustomStringConvertible)
  -> (fast: SearchOutcome, slow: SearchOutcome)?
{
  do {
    let plan = try RoundPlan(input)
    var solver = plan.solver
    let atZero = try plan.exactSolution(poolIncrease: .zero, solver: &solver)
    guard atZero.unissuedPoolFraction < target else { return nil }
    let fast = SearchOutcome { () throws(RoundError) in
      try plan.smallestIncrease(reaching: target, solver: &solver)
    }
    var fresh = plan.solver
    let slow = SearchOutcome { () throws(RoundError) in
      try plan.bisectIncrease(reaching: target, from: atZero, solver: &fresh)
    }
    return (fast, slow)
  } catch {
    Issue.record("\(error) for \(context)")
    return nil
  }
}

/// Each security's best term as the engine first found it: every term's shares computed and
/// reduced, the most shares winning, the current term winning ties, then cap, discount, round.
func referenceBinding(
  _ converters: [Converter], _ state: ConversionState, current: [BindingTerm]?
) -> [BindingTerm] {
  converters.enumerated().map { index, converter in
    var terms: [BindingTerm] = []
    if converter.cap != nil { terms.append(.cap) }
    if converter.discount != nil { terms.append(.discount) }
    terms.append(.roundPrice)
    var best = terms[0]
    var most = state.shares(converter, best)
    for term in terms.dropFirst() where state.shares(converter, term) > most {
      best = term
      most = state.shares(converter, term)
    }
    if let current, state.shares(converter, current[index]) == most { return current[index] }
    return best
  }
}

@Suite struct PoolTargetSearchTests {
  /// The secant search gives what doubling and bisection give: the increase, the check and the
  /// exact solution, on small random rounds.
  @Test func secantMatchesBisectionOnRandomRounds() async {
    // Targets up to 25 %, which these rounds can reach (see `RandomRound`).
    await propertyCheck(count: 60, input: RandomRound.generator, Gen.int64(in: 1...25)) {
      round, percent in
      let target = Ratio(percent, 100)
      guard
        let (fast, slow) = bothSearches(round.input(pool: .target(target)), target, round)
      else { return }
      #expect(fast == slow, "\(round)")
      if case .failed(let error) = fast { Issue.record("\(error) for \(round)") }
    }
  }

  /// The same with 38 SAFEs and notes of every kind, with and without pro rata elections (which
  /// bend post-money shares off the line), on both pricing bases.
  @Test(arguments: [Ratio(1, 10), Ratio(1, 5), Ratio(1, 4), Ratio(7, 20)])
  func secantMatchesBisectionWithManySecurities(target: Ratio) {
    for proRata in [false, true] {
      for basis in [PricingBasis.includingConversions, .excludingConversions] {
        let context = "target \(target.fractionString), pro rata \(proRata), \(basis)"
        let input = crowdedRound(holders: 40, proRata: proRata, target: target, basis: basis)
        guard let (fast, slow) = bothSearches(input, target, context) else { continue }
        #expect(fast == slow, "\(context)")
        if case .failed(let error) = fast { Issue.record("\(error) for \(context)") }
      }
    }
  }

  /// Rebinding by cross-multiplication picks the terms that computing every share does, and the
  /// solver's shares are the state's.
  @Test func rebindMatchesTheReference() throws {
    let plan = try RoundPlan(crowdedRound(holders: 10, proRata: false, target: Ratio(1, 10)))
    var solver = plan.solver
    for increase in [0, 1, 250_000, 2_000_000, 40_000_000] as [Int64] {
      for price in [plan.priceEquation, .known(Ratio(1, 4)), .known(Ratio(9, 4))] {
        let state = try solver.solve(poolIncrease: Ratio(increase), price: price)
        #expect(
          solver.rebind(state, current: nil)
            == referenceBinding(plan.converters, state, current: nil))
        #expect(
          solver.rebind(state, current: state.binding)
            == referenceBinding(plan.converters, state, current: state.binding))
        for (index, converter) in plan.converters.enumerated() {
          #expect(solver.shares(index, state) == state.shares(converter, state.binding[index]))
        }
      }
    }
  }

  /// A cap that gives exactly the discount's shares keeps the current term, as before.
  @Test func rebindKeepsTheCurrentTermOnATie() throws {
    // CC × price ÷ cap = 1 ÷ (1 − discount): with a known price of $1 and CC 1,000,000 shares,
    // an $800,000 cap ties a 20 % discount exactly (1,250 shares for $1,000 either way).
    let converter = Converter(
      id: "T", holder: "Tied", amount: Ratio(1_000), cap: Ratio(800_000),
      discount: Ratio(1, 5), capBasis: .postMoneyCompanyCapitalization)
    let solver = ConversionSolver([converter], base: Ratio(1_000_000))
    let state = ConversionState(
      companyCapitalization: Ratio(1_000_000), sharesPerUnit: .one, binding: [.cap],
      base: Ratio(1_000_000), poolIncrease: .zero)
    for current in [[BindingTerm.cap], [.discount], nil] {
      #expect(
        solver.rebind(state, current: current)
          == referenceBinding([converter], state, current: current))
    }
    #expect(solver.rebind(state, current: [.discount]) == [.discount])
    #expect(solver.rebind(state, current: nil) == [.cap])
  }
}
