/// A compute token: a claim on a unit of compute (one H100-hour, say) issued by a provider.
///
/// Tokens are defined once per workspace (a provider's token is the same in every company that
/// holds it), with a reference (peg) price and a dated market price series kept beside them.
public struct ComputeToken: Sendable, Hashable, Codable {
  /// The ticker, unique in the workspace (`H100H`); matched case-insensitively.
  public var symbol: String
  /// The provider that issues the tokens and redeems them for compute.
  public var issuer: Stakeholder.ID
  /// The unit of compute one redemption delivers (`H100-hour`).
  public var unit: String
  /// Units of compute per token (1 H100-hour per token).
  public var unitsPerToken: Ratio
  /// The reference price per token the provider states (what the compute costs in cash).
  public var peg: Ratio?

  /// A token.
  public init(
    symbol: String, issuer: Stakeholder.ID, unit: String, unitsPerToken: Ratio = .one,
    peg: Ratio? = nil
  ) {
    self.symbol = symbol
    self.issuer = issuer
    self.unit = unit
    self.unitsPerToken = unitsPerToken
    self.peg = peg
  }

  /// Compute units (GPU-hours) that `tokens` redeem for.
  public func units(_ tokens: TokenAmount) -> Ratio { tokens.ratio * unitsPerToken }
}

/// One market price of a token on a date.
public struct TokenPriceMark: Sendable, Hashable, Codable {
  /// The token's symbol.
  public var symbol: String
  /// The date of the price.
  public var date: CalendarDate
  /// Price per token in the workspace's money.
  public var price: Ratio

  /// A mark.
  public init(symbol: String, date: CalendarDate, price: Ratio) {
    self.symbol = symbol
    self.date = date
    self.price = price
  }
}

/// A token's market prices by date: the price on a day is the last one recorded on or before it.
public struct TokenPriceSeries: Sendable, Hashable {
  /// The marks in date order, one per date.
  public private(set) var marks: [TokenPriceMark]

  /// A series from marks in any order (a later mark on the same date replaces an earlier one).
  public init(_ marks: [TokenPriceMark] = []) {
    var byDate: [CalendarDate: TokenPriceMark] = [:]
    for mark in marks { byDate[mark.date] = mark }
    self.marks = byDate.values.sorted { $0.date < $1.date }
  }

  /// The market price on `date`: the last mark on or before it, or nil before the first.
  public func price(on date: CalendarDate) -> Ratio? {
    var low = 0
    var high = marks.count
    while low < high {
      let middle = (low + high) / 2
      if marks[middle].date <= date { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? nil : marks[low - 1].price
  }

  /// The first date from `start` through `end` on which the price is at least `target`, if any.
  ///
  /// The price in force on `start` counts (a mark dated before it that is still the last one).
  public func firstDate(
    atOrAbove target: Ratio, from start: CalendarDate, through end: CalendarDate
  ) -> CalendarDate? {
    if let opening = price(on: start), opening >= target { return start }
    for mark in marks where mark.date > start && mark.date <= end && mark.price >= target {
      return mark.date
    }
    return nil
  }
}

/// The workspace's tokens and their price series.
public struct TokenMarket: Sendable {
  /// Tokens by upper-cased symbol.
  public private(set) var tokens: [String: ComputeToken]
  /// Price series by upper-cased symbol.
  public private(set) var series: [String: TokenPriceSeries]

  /// A market of `tokens` with `prices`.
  public init(tokens: [ComputeToken] = [], prices: [TokenPriceMark] = []) {
    self.tokens = Dictionary(
      tokens.map { ($0.symbol.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
    self.series = Dictionary(grouping: prices) { $0.symbol.uppercased() }.mapValues {
      TokenPriceSeries($0)
    }
  }

  /// The token with this symbol (case-insensitive).
  public func token(_ symbol: String) throws(LedgerError) -> ComputeToken {
    guard let token = tokens[symbol.trimmingSpaces.uppercased()] else {
      let known = tokens.values.map(\.symbol).sorted().joined(separator: ", ")
      throw .unknownToken(symbol.trimmingSpaces, known: known.isEmpty ? "none yet" : known)
    }
    return token
  }

  /// The token's price series (empty when no price was recorded).
  public func prices(_ symbol: String) -> TokenPriceSeries {
    series[symbol.uppercased()] ?? TokenPriceSeries()
  }

  /// The market price of a token on a date, if any was recorded on or before it.
  public func price(_ symbol: String, on date: CalendarDate) -> Ratio? {
    prices(symbol).price(on: date)
  }

  /// Adds a token (no checks; see `WorkspaceDraft.addToken`).
  public mutating func add(_ token: ComputeToken) { tokens[token.symbol.uppercased()] = token }

  /// Adds price marks (no checks; see `WorkspaceDraft.recordTokenPrices`).
  public mutating func add(_ marks: [TokenPriceMark]) {
    for (symbol, new) in Dictionary(grouping: marks, by: { $0.symbol.uppercased() }) {
      series[symbol] = TokenPriceSeries((series[symbol]?.marks ?? []) + new)
    }
  }
}
