import ArgumentParser
import CapstanEngine
import CapstanInterchange
import CapstanModel
import CapstanReports

extension CompareCommand {
  func validate() throws {
    if offerNames.isEmpty {
      guard need != nil else { throw ValidationError("give stored offers, or --need with offers") }
    } else {
      guard (2...5).contains(offerNames.count) else {
        throw ValidationError("compare two to five stored offers")
      }
      guard need == nil, cashOffer == nil, credits == nil, tokenOffer == nil else {
        throw ValidationError("give stored offers or --need with offers as options, not both")
      }
      guard token == nil, marketPrice == nil, provider == nil else {
        throw ValidationError(
          "--token, --market-price and --provider are for offers given as options: a stored "
            + "offer names its token investors and is valued at the token's recorded price")
      }
    }
  }

  /// `compare A B ...`: the stored offers priced and projected side by side.
  func compareStored(_ store: any Workspace, _ company: Company) throws {
    let offers = try offerNames.map { try store.offer(named: $0, company: company.id) }
    let market = try store.tokenMarket()
    let symbol = offers.flatMap(\.terms.tokenInvestments).first?.symbol.uppercased()
    let token = symbol.flatMap { market.tokens[$0] }
    let drop = try AmountParser.percentage(drop, field: "--drop")
    let comparison = try OfferComparison(
      offers, on: try store.ledger(for: company.id),
      inputs: OfferComparison.Inputs(
        runway: try runway.inputs(defaultUnitPrice: token?.pegPerUnit), drop: drop,
        market: market, revenuePlan: try revenuePlan.map(RevenuePlanFile.read) ?? []))
    emit(
      OfferComparisonReport.render(
        comparison, company: company, unit: token?.unit ?? "compute unit", drop: drop,
        format: output.format.view))
  }
}
