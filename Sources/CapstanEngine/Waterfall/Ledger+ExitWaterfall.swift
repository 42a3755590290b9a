import CapstanModel

/// A company's exit on a date, set up from its ledger: the cap table the waterfall pays, and
/// the waterfall (its capitalization lists the warrants it leaves out).
public struct ExitSetup: Sendable {
  /// The cap table paid: the ledger's on the date, or a saved round's pro forma.
  public var table: CapTable
  /// The waterfall over the table and the SAFEs and notes outstanding on the date.
  public var waterfall: Waterfall

  /// The warrants the waterfall leaves out (a class it cannot price), with why.
  public var leftOutWarrants: [LeftOutWarrant] { waterfall.capitalization.leftOutWarrants }
}

extension Ledger {
  /// The exit waterfall on `date`: the cap table (as if `round` had closed, when given; see
  /// `proForma(closing:asOf:)`), every SAFE and note outstanding on the date, options taking
  /// part as `options` says, after `deductions`.
  public func exitSetup(
    asOf date: CalendarDate, closing round: SavedRound? = nil,
    options: OptionTreatment = .exercisedWhenInTheMoney, deductions: ExitDeductions = .none
  ) throws -> ExitSetup {
    let table = try round.map { try proForma(closing: $0, asOf: date) } ?? replay(asOf: date)
    let capitalization = WaterfallCapitalization(
      table, convertibles: try OutstandingConvertible.outstanding(in: table, on: date))
    return ExitSetup(
      table: table,
      waterfall: try Waterfall(capitalization, options: options, deductions: deductions))
  }
}
