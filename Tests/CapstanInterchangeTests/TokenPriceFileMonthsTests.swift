import CapstanInterchange
import CapstanModel
import CapstanTestSupport
import Testing

/// A token price path in months (`month,price`): month m is m months after the start (the
/// closing), as a revenue plan counts them; the dated forms read as before.
@Suite struct TokenPriceFileMonthsTests {
  let start = day("2026-06-01")

  /// From 2026-06-01, month 1 is 2026-07-01 and month 3 is 2026-09-01; without a symbol column
  /// the given symbol names the token.
  @Test func monthsCountFromTheStart() throws {
    let marks = try TokenPriceFile.parse(
      "month,price\n1,2.40\n# later\n3,2.00\n", file: "path.csv", symbol: "H100H", start: start)
    #expect(marks.map(\.mark.date) == [day("2026-07-01"), day("2026-09-01")])
    #expect(marks.map(\.mark.price) == [Ratio(12, 5), Ratio(2)])
    #expect(marks.map(\.mark.symbol) == ["H100H", "H100H"])
    #expect(marks.map(\.source) == ["path.csv:2", "path.csv:4"])
    let symbols = try TokenPriceFile.parse(
      "symbol,month,price\nGRD,12,0.50\n", file: "p.csv", symbol: nil, start: start)
    #expect(symbols.first?.mark.symbol == "GRD")
    #expect(symbols.first?.mark.date == day("2027-06-01"))
  }

  @Test func datedPathsReadAsBefore() throws {
    let marks = try TokenPriceFile.parse(
      "symbol,date,price\nH100H,2026-12-01,1.00\n", file: "p.csv", symbol: nil, start: start)
    #expect(marks.first?.mark.date == day("2026-12-01"))
    #expect(marks.first?.mark.price == Ratio(1))
  }

  /// A month of 0, a word, and months without a start are refused naming the file and line.
  @Test func badMonthsNameTheFileAndLine() {
    func refusal(_ text: String, start: CalendarDate?) -> String {
      do {
        _ = try TokenPriceFile.parse(text, file: "path.csv", symbol: "H100H", start: start)
        return "read"
      } catch { return "\(error)" }
    }
    #expect(refusal("month,price\n0,1.00\n", start: start).contains("path.csv:2 month"))
    #expect(refusal("month,price\n1,1.00\nsix,1.00\n", start: start).contains("path.csv:3 month"))
    #expect(refusal("month,price\n1,1.00\n", start: nil).contains("path.csv:1"))
    #expect(refusal("month,price\n1,free\n", start: start).contains("path.csv:2 price"))
  }
}
