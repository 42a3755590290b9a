import CapstanModel
import Foundation
import Testing

@Suite("Money, Price and Currency")
struct MoneyTests {
  static let eur = Currency(code: "EUR") ?? .usd
  static let gbp = Currency(code: "gbp") ?? .usd
  static let chf = Currency(code: "CHF") ?? .usd

  @Test(
    "Money.formatted: symbol, grouping, half-up to cents",
    arguments: [
      // 1,250,000.50
      (frac(2_500_001, 2), Currency.usd, "$1,250,000.50"),
      // -1234.5 → sign before the symbol
      (frac(-2469, 2), MoneyTests.eur, "-€1,234.50"),
      // 1/3 = 0.333… → 0.33; 2/3 = 0.666… → 0.67
      (frac(1, 3), .usd, "$0.33"),
      (frac(2, 3), .usd, "$0.67"),
      // 0.005 exactly → half-up → 0.01
      (frac(5, 1000), MoneyTests.gbp, "£0.01"),
      // a currency without a symbol shows its code and a space
      (frac(1, 1), MoneyTests.chf, "CHF 1.00"),
      (Ratio.zero, .usd, "$0.00"),
      // 999,999.995 → 1,000,000.00
      (frac(999_999_995, 1000), .usd, "$1,000,000.00"),
    ])
  func moneyFormatted(amount: Ratio, currency: Currency, expected: String) {
    #expect(Money(amount, currency).formatted == expected)
  }

  @Test("Money.formatted of a negative amount that rounds to zero cents shows no minus")
  func moneyNegativeZero() {
    // -0.004 rounds half-up to 0.00; decimalString itself never writes "-0.00", so the money
    // display should not either. Money.formatted takes the sign from the unrounded amount.
    do {
      #expect(Money(frac(-4, 1000), .usd).formatted == "$0.00")
    }
  }

  @Test("Money.centsString is plain, half-up, signed")
  func centsString() {
    #expect(Money(frac(1, 3), .usd).centsString == "0.33")
    #expect(Money(frac(-2469, 2), .usd).centsString == "-1234.50")
    #expect(Money(frac(2_500_001, 2), .usd).centsString == "1250000.50")
  }

  @Test(
    "Price.formatted: at least 2 and up to `places` decimals",
    arguments: [
      (frac(1, 10000), 6, "$0.0001"),
      (frac(20125, 10000), 6, "$2.0125"),
      (frac(1, 1), 6, "$1.00"),
      (frac(1, 10), 6, "$0.10"),
      // 1/3 = 0.3333333… → 6 places 0.333333, 4 places 0.3333
      (frac(1, 3), 6, "$0.333333"),
      (frac(1, 3), 4, "$0.3333"),
      (frac(2469, 2), 6, "$1,234.50"),
      // 0.1234565 exactly: the 7th digit is 5 → half-up → 0.123457
      (frac(1_234_565, 10_000_000), 6, "$0.123457"),
    ])
  func priceFormatted(perShare: Ratio, places: Int, expected: String) {
    #expect(Price(perShare, .usd).formatted(places: places) == expected)
  }

  @Test("Price.cost and exactString")
  func priceCost() {
    // 250,000 options × $0.10 = $25,000.00
    let cost = Price(frac(1, 10), .usd).cost(of: Shares(250_000))
    #expect(cost.amount == frac(25000, 1))
    #expect(cost.formatted == "$25,000.00")
    // 4,000,000 × $0.0001 = $400
    #expect(Price(frac(1, 10000), .usd).cost(of: Shares(4_000_000)).amount == frac(400, 1))
    #expect(Price(frac(1, 3), .usd).exactString == "1/3")
    #expect(Price(frac(1, 10), .usd).exactString == "0.1")
  }

  @Test("Currency codes are three letters, upper-cased")
  func currency() throws {
    #expect(Currency(code: "usd") == .usd)
    #expect(Currency(code: "eur")?.symbol == "€")
    #expect(Currency(code: "JPY")?.symbol == "¥")
    for bad in ["US", "USDX", "U5D", "", "€"] {
      #expect(Currency(code: bad) == nil, "\(bad)")
    }
    let data = try JSONEncoder().encode([MoneyTests.eur])
    #expect(String(decoding: data, as: UTF8.self) == #"["EUR"]"#)
    #expect(try JSONDecoder().decode([Currency].self, from: data) == [MoneyTests.eur])
    let bad = try JSONEncoder().encode(["EURO"])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([Currency].self, from: bad) }
  }
}
