import CapstanModel

/// Which price an offer's tokens are valued at on its closing date, and why: the market price
/// recorded on or before the date when there is one; without one the token's peg; without a
/// peg either the price agreed in the offer. A price other than the market's is a fallback the
/// reader must be told about (`isFallback`).
public struct TokenPriceNote: Sendable, Hashable {
  /// Where the price comes from.
  public enum Source: Sendable, Hashable {
    /// The market price recorded on this date (the last on or before the closing).
    case market(recorded: CalendarDate)
    /// The token's peg: no market price was recorded on or before the closing.
    case peg
    /// The price agreed in the offer: no market price and no peg.
    case agreedPrice
    /// A token the workspace does not know: valued at the agreed price.
    case unknownToken

    /// One word for programs: `market`, `peg`, `agreed` or `agreed-unknown-token`.
    public var key: String {
      switch self {
      case .market: "market"
      case .peg: "peg"
      case .agreedPrice: "agreed"
      case .unknownToken: "agreed-unknown-token"
      }
    }
  }

  /// The token's symbol (upper-cased).
  public var symbol: String
  /// The price used per token.
  public var price: Ratio
  /// Where it comes from.
  public var source: Source
  /// The date it is taken on (the offer's closing).
  public var date: CalendarDate

  /// Whether the price is not a market price (the peg or the agreed price stands in for it).
  public var isFallback: Bool {
    if case .market = source { return false }
    return true
  }

  /// The reason in words, without the price (the reader formats it in its currency):
  /// "no market price recorded on or before 2026-06-01; valued at its peg".
  public var reason: String {
    switch source {
    case .market(let recorded): "the market price recorded on \(recorded)"
    case .peg: "no market price recorded on or before \(date); valued at its peg"
    case .agreedPrice:
      "no market price recorded on or before \(date) and no peg; valued at the agreed price"
    case .unknownToken:
      "not a token of the workspace (no market price, no peg); valued at the agreed price"
    }
  }

  /// The price of `investment`'s token on `date` in `market`, with its source.
  public static func of(
    _ investment: TokenInvestment, on date: CalendarDate, in market: TokenMarket
  ) -> Self {
    let symbol = investment.symbol.uppercased()
    if let mark = market.prices(symbol).marks.last(where: { $0.date <= date }) {
      return Self(
        symbol: symbol, price: mark.price, source: .market(recorded: mark.date), date: date)
    }
    guard let token = market.tokens[symbol] else {
      return Self(
        symbol: symbol, price: investment.agreedPrice, source: .unknownToken, date: date)
    }
    if let peg = token.peg { return Self(symbol: symbol, price: peg, source: .peg, date: date) }
    return Self(symbol: symbol, price: investment.agreedPrice, source: .agreedPrice, date: date)
  }
}
