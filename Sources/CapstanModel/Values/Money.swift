/// An ISO 4217 currency code such as `USD`.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The three-letter code.
  public let code: String

  /// US dollars.
  public static let usd = Currency(validated: "USD")

  init(validated code: String) { self.code = code }

  /// A currency from its three-letter code (case-insensitive), or nil.
  public init?(code: String) {
    let upper = code.uppercased()
    guard upper.count == 3, upper.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
    self.code = upper
  }

  /// The symbol used when showing amounts (`$` for USD), or the code and a space.
  public var symbol: String {
    switch code {
    case "USD": "$"
    case "EUR": "€"
    case "GBP": "£"
    case "JPY": "¥"
    default: code + " "
    }
  }

  /// The code.
  public var description: String { code }

  /// Encodes as the bare code.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }

  /// Decodes from the bare code.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let currency = Currency(code: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a currency code: \(text)"))
    }
    self = currency
  }
}

/// An exact amount of money in one currency.
public struct Money: Sendable, Hashable {
  /// The exact amount.
  public var amount: Ratio
  /// The currency.
  public var currency: Currency

  /// `amount` of `currency`.
  public init(_ amount: Ratio, _ currency: Currency) {
    self.amount = amount
    self.currency = currency
  }

  /// The amount shown rounded half-up to cents: `$1,250,000.50`.
  public var formatted: String {
    // Half-up rounds away from zero, so the rounded magnitude is the magnitude of the rounded
    // amount, and the amount shows as negative exactly when its cents are below zero: one
    // rounding, whose text is the sign, then the symbol, then the digits.
    let text = amount.decimalString(places: 2, grouping: true)
    guard text.utf8.first == UInt8(ascii: "-") else { return currency.symbol + text }
    return "-" + currency.symbol + text.dropFirst()
  }

  /// The amount as a decimal string rounded half-up to cents (for JSON and CSV).
  public var centsString: String { amount.decimalString(places: 2) }
}

/// An exact price per share in one currency.
public struct Price: Sendable, Hashable {
  /// The exact amount per share.
  public var perShare: Ratio
  /// The currency.
  public var currency: Currency

  /// `perShare` of `currency` for one share.
  public init(_ perShare: Ratio, _ currency: Currency) {
    self.perShare = perShare
    self.currency = currency
  }

  /// The cost of `shares` at this price.
  public func cost(of shares: Shares) -> Money { Money(perShare * shares.ratio, currency) }

  /// The price shown with at least 2 and up to `places` decimals: `$0.0001`, `$2.0125`.
  public func formatted(places: Int = 6) -> String {
    currency.symbol + perShare.decimalString(places: places, minimumPlaces: 2, grouping: true)
  }

  /// The exact price as a decimal string when it terminates, else as `n/d`.
  public var exactString: String { perShare.exactDecimalString ?? perShare.fractionString }
}
