import CapstanModel

/// A round's terms modelled on a company's ledger as of the closing date: the result, whose
/// pro forma includes the anti-dilution adjustments the round triggers (as the table after
/// the close will), those adjustments, and the class each conversion goes into.
public struct RoundModel: Sendable {
  /// The engine's input (the capitalization and the SAFEs and notes that convert).
  public var input: RoundInput
  /// The round, its pro forma including `antiDilution`.
  public var result: RoundResult
  /// The conversion price adjustments the round triggers in protected classes.
  public var antiDilution: [ClassAntiDilution]
  /// The class each conversion goes into under the company's setting, in conversion order.
  public var conversionClasses: [RoundConversionClass]
  /// The cap table on the closing date, before the round.
  public var table: CapTable

  /// The numbers a saved round is checked against at closing.
  public var keyNumbers: RoundKeyNumbers { RoundKeyNumbers(result) }
}

/// The class a SAFE or note converts into and that class's original issue price.
public struct RoundConversionClass: Sendable, Hashable {
  /// The class's name (the round class, or a sub-series `Series A-1`).
  public var name: String
  /// Its original issue price: the round price, or the sub-series' conversion price.
  public var issuePrice: Ratio

  /// A conversion class.
  public init(name: String, issuePrice: Ratio) {
    self.name = name
    self.issuePrice = issuePrice
  }
}

extension RoundTerms {
  /// The terms modelled on `ledger` as of `closing`, with the anti-dilution adjustments the
  /// round triggers (narrow-based under `narrowBase`, the protected series by default).
  public func model(on ledger: Ledger, closing: CalendarDate) throws -> RoundModel {
    let table = try ledger.replay(asOf: closing)
    let rounding = ledger.company.rounding
    let input = RoundInput(terms: self, table: table, closing: closing, rounding: rounding)
    let modelled = try PricedRound.model(input)
    let adjustments = try modelled.antiDilution(
      on: table, policy: rounding, narrowBase: narrowBase ?? .series)
    let result = modelled.including(adjustments, on: table)
    let names = result.conversionSeries(
      className: newClass.name, policy: ledger.company.conversionSeries)
    let classes = zip(result.conversions, names).map { conversion, name in
      RoundConversionClass(
        name: name,
        issuePrice: name == newClass.name ? result.price.rounded : conversion.conversionPrice)
    }
    return RoundModel(
      input: input, result: result, antiDilution: adjustments, conversionClasses: classes,
      table: table)
  }
}

extension RoundTerms {
  /// The new money: every investor's amount, token investors' at the agreed value.
  public var newMoney: Ratio { Ratio.sum(allInvestments.map(\.amount)) }
}

extension SavedRound {
  /// The saved terms modelled on `ledger` as of `closing` (the saved closing date when nil).
  public func model(on ledger: Ledger, closing: CalendarDate? = nil) throws -> RoundModel {
    try terms.model(on: ledger, closing: closing ?? self.closing)
  }

  /// The saved key numbers, typed against the saved terms (see `RoundKeyNumbers`).
  public var keyNumbers: RoundKeyNumbers { RoundKeyNumbers(saved: outcome, terms: terms) }

  /// The numbers that differ between the saved ones and `model`'s, by key: the saved
  /// investors resolved among the stakeholders of the model's table, as the model resolves
  /// them (a new investor the close has since added is the same investor).
  public func drift(in model: RoundModel) -> [RoundDrift] {
    let stakeholders = model.table.stakeholders.values.sorted { $0.id < $1.id }
    return RoundKeyNumbers(saved: outcome, terms: terms, stakeholders: stakeholders)
      .drift(to: model.keyNumbers)
  }
}

extension Ledger {
  /// The seniority of a new class ranked one above the most senior preferred class (a new
  /// round is usually senior); 1 when there is none.
  public var nextSeniority: Int {
    (classes.compactMap { $0.preference?.seniority }.max() ?? 0) + 1
  }
}
