import CapstanModel

extension TokenMarket {
  /// The cash price of one unit of compute at the peg of `offer`'s first token investment's
  /// token: the price a runway pays for compute by default (nil without a token investment,
  /// an unknown token or a peg).
  public func pegPerUnit(of offer: Offer) -> Ratio? {
    offer.terms.tokenInvestments.first.flatMap { tokens[$0.symbol.uppercased()] }?.pegPerUnit
  }
}
