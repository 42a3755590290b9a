import CapstanModel
import Foundation
import Testing

@Suite("Shares")
struct SharesTests {
  @Test(
    "formatted groups thousands",
    arguments: [
      (Int64(0), "0"),
      (999, "999"),
      (1000, "1,000"),
      (4_000_000, "4,000,000"),
      (-1234, "-1,234"),
      (-999, "-999"),
      // Int64.max = 9223372036854775807, 19 digits → 1 + 6 groups
      (Int64.max, "9,223,372,036,854,775,807"),
      // Int64.min has no positive Int64 counterpart; its magnitude is 2^63
      (Int64.min, "-9,223,372,036,854,775,808"),
    ])
  func formatted(count: Int64, expected: String) {
    #expect(Shares(count).formatted == expected)
    #expect(Shares(count).description == expected)
  }

  @Test("adding and subtracting within range")
  func arithmetic() throws {
    // 4,000,000 + 250,000 = 4,250,000; 4,250,000 − 4,250,001 = −1
    let sum = try Shares(4_000_000).adding(250_000)
    #expect(sum == Shares(4_250_000))
    #expect(try sum.subtracting(4_250_001) == Shares(-1))
    #expect(Shares(7) + Shares(5) == Shares(12))
    #expect(Shares(7) - Shares(5) == Shares(2))
    #expect(Shares(1) < Shares(2))
    #expect(Shares(3).ratio == frac(3, 1))
  }

  @Test("adding past Int64.max throws an overflow naming the operands")
  func addingOverflow() {
    let error = #expect(throws: ValueError.self) { try Shares(Int64.max).adding(Shares(1)) }
    #expect(error == .overflow("9223372036854775807 + 1 shares"))
    #expect(error?.description.contains("9223372036854775807 + 1 shares") == true)
    #expect(error?.description.contains("too large") == true)
  }

  @Test("subtracting past Int64.min throws an overflow")
  func subtractingOverflow() {
    let error = #expect(throws: ValueError.self) { try Shares(Int64.min).subtracting(Shares(1)) }
    #expect(error == .overflow("-9223372036854775808 - 1 shares"))
    // and 0 − Int64.min = 2^63 does not fit either
    #expect(throws: ValueError.self) { try Shares(0).subtracting(Shares(Int64.min)) }
  }

  @Test("Codable as a plain integer")
  func codable() throws {
    let data = try JSONEncoder().encode([Shares(4_000_000)])
    #expect(String(decoding: data, as: UTF8.self) == "[4000000]")
    #expect(try JSONDecoder().decode([Shares].self, from: data) == [Shares(4_000_000)])
  }
}
