import CapstanModel
import Testing

extension WorkspaceContract {
  /// An offer with every part set: the saved round's terms with a token investor unlocking
  /// 24/6/1 and released in step, a credit leg and a revenue-share leg.
  public static var offer: Offer {
    var terms = savedRound.terms
    terms.tokenInvestments = [
      TokenInvestment(
        investor: "ComputeCo", symbol: "H100H", tokens: TokenAmount(1_500_000),
        agreedPrice: fraction(2, 1),
        unlock: .vesting(
          VestingSchedule(start: day("2026-06-01"), totalMonths: 24, cliffMonths: 6)),
        release: .inStep, expires: day("2030-06-01"), clawbackOn: "breach")
    ]
    return Offer(
      name: "A", closing: day("2026-06-01"), terms: terms,
      credits: [Offer.CreditLeg(amount: Ratio(3_000_000), expiresMonths: 12, provider: "CloudCo")],
      revenueShares: [
        Offer.RevenueShareLeg(
          provider: "GPUCo", credits: Ratio(2_000_000), percentage: fraction(1, 20),
          capMultiple: fraction(3, 2))
      ])
  }

  /// Offers read back exactly through another handle, in the one atomic write: an offer added
  /// by a write that throws is not kept; a name is unique case-insensitively among current
  /// offers; a removal is a tombstone after which the offer is gone and the name free again.
  static func offersAreAtomic(_ subject: Subject) throws {
    let company = try writeEverything(subject.workspace)
    try subject.workspace.write { draft in try draft.addOffer(offer, to: company) }
    #expect(try subject.reopen().offers(for: company) == [offer])
    var second = offer
    second.name = "B"
    second.credits = []
    second.revenueShares = []
    #expect(throws: Abandon.self) {
      try subject.workspace.write { draft in
        try draft.addOffer(second, to: company)
        throw Abandon()
      }
    }
    #expect(try subject.reopen().offers(for: company) == [offer])
    try subject.workspace.write { draft in try draft.addOffer(second, to: company) }
    #expect(try subject.reopen().offers(for: company) == [offer, second])
    var again = second
    again.name = "b"
    #expect(throws: LedgerError.self) {
      try subject.workspace.write { draft in try draft.addOffer(again, to: company) }
    }
    #expect(throws: OfferError.self) {
      try subject.workspace.write { draft in try draft.removeOffer(named: "C", from: company) }
    }
    // Removed (any case), then added again under the same name: the new one comes last.
    try subject.workspace.write { draft in try draft.removeOffer(named: "a", from: company) }
    #expect(try subject.reopen().offers(for: company) == [second])
    try subject.workspace.write { draft in try draft.addOffer(offer, to: company) }
    #expect(try subject.reopen().offers(for: company) == [second, offer])
    #expect(try subject.reopen().offer(named: "A", company: company) == offer)
  }
}
