import CapstanModel

/// An offer priced by the round engine on the company's real table: every SAFE and note
/// outstanding on the closing date converts, the pool is topped up, and the pro forma table
/// is the one `round close` would leave (`Ledger.proForma(closing:asOf:)`).
public struct PricedOffer: Sendable {
  /// The offer.
  public var offer: Offer
  /// The round model (price, conversions, pool, investors, pro forma rows).
  public var model: RoundModel
  /// The capitalization as if the offer had closed.
  public var after: CompanyCapitalization
  /// The table as if the offer had closed (new investors are stakeholders in it).
  public var afterTable: CapTable

  /// The round's result.
  public var result: RoundResult { model.result }
}

extension Offer {
  /// The offer priced on `ledger` at its closing date.
  public func priced(on ledger: Ledger) throws -> PricedOffer {
    let round = try savedRound(on: ledger)
    let model = try round.model(on: ledger)
    let table = try ledger.proForma(closing: round, asOf: closing)
    return PricedOffer(
      offer: self, model: model, after: CompanyCapitalization(table), afterTable: table)
  }

  /// The offer as a saved round named `name` (the offer's name by default), with the key
  /// numbers the model gives on `ledger` (`round save --from-offer`).
  public func savedRound(on ledger: Ledger, name: String? = nil) throws -> SavedRound {
    try terms.savedRound(name: name ?? self.name, on: ledger, closing: closing)
  }

  /// The cash investors' money (token investors excluded).
  public var cash: Ratio { Ratio.sum(terms.investors.map(\.amount)) }
  /// The token investors' money at the agreed prices.
  public var tokenValue: Ratio { Ratio.sum(terms.tokenInvestments.map(\.amount)) }
  /// The cloud credits' value.
  public var creditValue: Ratio { Ratio.sum(credits.map(\.amount)) }
  /// The revenue-share credits' value.
  public var revenueShareValue: Ratio { Ratio.sum(revenueShares.map(\.credits)) }
}

extension RoundTerms {
  /// The terms saved under `name` for `closing`, with the key numbers the model gives on
  /// `ledger` (refused when the round cannot be modelled).
  public func savedRound(name: String, on ledger: Ledger, closing: CalendarDate) throws
    -> SavedRound
  {
    let model = try model(on: ledger, closing: closing)
    return SavedRound(
      name: name, closing: closing, terms: self, outcome: model.result.keyNumbers.stored)
  }
}

extension Offer {
  /// The company's ledger as if the offer had closed on its closing date (the new class, the
  /// conversions, the investors' shares, the pool increase and the token investors' compute
  /// grants, checked against `market`), written on a copy: nothing is stored.
  public func proFormaLedger(on ledger: Ledger, market: TokenMarket) throws -> Ledger {
    let round = try savedRound(on: ledger)
    let closing = try round.model(on: ledger).closing(terms: terms, company: ledger.company)
    let company = ledger.company
    var draft = WorkspaceDraft(
      companies: [company],
      stakeholders: ledger.stakeholders.values.sorted { $0.id.rawValue < $1.id.rawValue },
      load: { _ in ledger }, loadMarket: { market })
    try draft.closeRound(closing, company: company.id)
    return try draft.ledger(for: company.id)
  }
}
