import CapstanEngine
import CapstanModel
import Testing

/// A checked date from `YYYY-MM-DD`.
func date(_ iso: String) throws -> CalendarDate {
  try #require(CalendarDate(iso: iso))
}

/// An exact amount from a plain decimal such as `2.0125`.
func exact(_ text: String) throws -> Ratio {
  try #require(Ratio(decimal: text))
}

/// The round's conversion of `id`.
func conversion(_ result: RoundResult, _ id: SecurityID) throws -> SecurityConversion {
  try #require(result.conversions.first { $0.id == id })
}

/// Runs `model` and returns the error it throws, or nil.
func roundError(_ input: RoundInput) -> RoundError? {
  do {
    _ = try PricedRound.model(input)
    return nil
  } catch {
    return error
  }
}

/// Founders, option holders and an unissued pool, in that order.
func capitalization(founders: Shares, options: Shares = .zero, pool: Shares = .zero)
  -> PreRoundCapitalization
{
  var holdings = [PreRoundCapitalization.Holding("Founders", stock: founders)]
  if options > .zero { holdings.append(.init("Option holders", options: options)) }
  return PreRoundCapitalization(holdings: holdings, unissuedPool: pool)
}

/// The exact fraction `numerator / denominator`.
func ratio(_ numerator: Int64, _ denominator: Int64) -> Ratio {
  Ratio(numerator, denominator)
}
