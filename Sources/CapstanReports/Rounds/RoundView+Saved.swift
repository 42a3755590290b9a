import CapstanEngine
import CapstanModel

extension RoundView {
  /// A saved round modelled again on `ledger` (`round show`), with its token investors'
  /// values from `market`, and what changed since it was saved.
  public static func saved(
    _ round: SavedRound, on ledger: Ledger, market: TokenMarket
  ) throws -> (view: RoundView, drift: [RoundDrift]) {
    let model = try round.model(on: ledger)
    let view = RoundView(
      name: round.name, model: model, terms: round.terms, currency: ledger.company.currency,
      market: market)
    return (view, round.drift(in: model))
  }

  /// `fullText()`, then the numbers that changed since the round was saved (when any).
  public func fullText(drift: [RoundDrift]) -> String {
    guard !drift.isEmpty else { return fullText() }
    return fullText() + "\nChanged since the round was saved: "
      + drift.map(\.description).joined(separator: "; ") + "\n"
  }
}
