import CapstanModel

/// A saved round the ledger no longer gives the saved numbers for.
public struct RoundDriftError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The round's name.
  public var round: String
  /// The closing date it was modelled on.
  public var closing: CalendarDate
  /// The numbers that changed.
  public var drift: [RoundDrift]

  /// The round, the date and what changed.
  public var description: String {
    "round \(round) on \(closing): the ledger no longer gives the numbers it was saved with: "
      + drift.map(\.description).joined(separator: "; ")
  }
}

extension SavedRound {
  /// What closing the round on `date` (the saved closing date when nil) writes on `ledger`:
  /// the new class, the conversions, the investors' shares (and compute grants for token
  /// investors), the pool increase and the anti-dilution adjustments.
  ///
  /// Throws `RoundDriftError` when the ledger no longer gives the saved key numbers.
  public func closing(on ledger: Ledger, date: CalendarDate? = nil) throws -> RoundClosing {
    let model = try model(on: ledger, closing: date)
    let drift = drift(in: model)
    guard drift.isEmpty else {
      throw RoundDriftError(round: name, closing: date ?? closing, drift: drift)
    }
    return model.closing(terms: terms, company: ledger.company)
  }
}

extension RoundModel {
  /// What closing the modelled round writes for `terms` under the company's conversion
  /// setting.
  public func closing(terms: RoundTerms, company: Company) -> RoundClosing {
    result.closing(
      newClass: terms.newClass, antiDilution: antiDilution,
      conversionSeries: company.conversionSeries, tokenInvestments: terms.tokenInvestments)
  }
}

extension Ledger {
  /// The cap table on `date` (at the earliest the round's closing date) as if `round` had
  /// closed as saved: the close is written on a copy of the ledger; nothing is stored.
  public func proForma(closing round: SavedRound, asOf date: CalendarDate) throws -> CapTable {
    let model = try round.model(on: self)
    var closing = model.closing(terms: round.terms, company: company)
    closing.computeGrants = []
    let ledger = self
    var draft = WorkspaceDraft(
      companies: [company],
      stakeholders: stakeholders.values.sorted { $0.id.rawValue < $1.id.rawValue },
      load: { _ in ledger })
    try draft.closeRound(closing, company: company.id)
    return try draft.ledger(for: company.id).replay(asOf: max(date, round.closing))
  }
}
