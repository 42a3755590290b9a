import Foundation
import Testing

/// `tokens stress --path` takes month numbers (`month,price`, months 1, 2, 3... from the
/// offer's closing or the as-of date, as a revenue plan counts them) as well as dates; a bad
/// month names the file and line.
@Suite("tokens stress --path with month numbers, end to end")
struct TokenPricePathMonthsEndToEndTests {
  /// Offer A closes on 2026-06-01, so month 6 is 2026-12-01: the path of
  /// `OfferEndToEndTests.aPricePathDrivesTheSales` ($1.00 from 2026-12-01) written in months
  /// gives the same row (runway 11.67 redeeming, 10.98 selling: derived there).
  @Test func aPathInMonthsCountsFromTheClosing() throws {
    let cli = try CLIHarness()
    try OfferEndToEndTests.seed(cli)
    let path = cli.folder.appendingPathComponent("months.csv")
    try "month,price\n6,1.00\n".write(to: path, atomically: true, encoding: .utf8)
    let csv = try cli.sh(
      "tokens stress --offer A --cash 3M --cash-burn 180k --gpu-hours 60,000 "
        + "--gpu-hour-price 2.50 --path \(path.path) --format csv"
    ).stdout
    #expect(csv.contains("2026-12-01,2026-12-01,H100H=1.00,1500000,"), "\(csv)")
    #expect(csv.contains(",11.67,10.98,H100H=peg\n"), "\(csv)")
    // The dated form still reads as before.
    try "symbol,date,price\nH100H,2026-12-01,1.00\n".write(
      to: path, atomically: true, encoding: .utf8)
    let dated = try cli.sh(
      "tokens stress --offer A --cash 3M --cash-burn 180k --gpu-hours 60,000 "
        + "--gpu-hour-price 2.50 --path \(path.path) --format csv"
    ).stdout
    #expect(dated == csv)
  }

  /// Month 0, a month that is not a number, and a file of months where no closing counts them
  /// (`token prices import`) are refused naming the file and the line.
  @Test func badMonthsNameTheFileAndLine() throws {
    let cli = try CLIHarness()
    try OfferEndToEndTests.seed(cli)
    let path = cli.folder.appendingPathComponent("months.csv")
    for (text, place) in [
      ("month,price\n1,2.00\n0,1.00\n", "months.csv:3 month"),
      ("month,price\n# a comment\nsix,1.00\n", "months.csv:3 month"),
    ] {
      try text.write(to: path, atomically: true, encoding: .utf8)
      let result = try cli.run(
        CLIHarness.words("tokens stress --offer A --cash 3M --path \(path.path)"))
      #expect(result.status == 1, "\(result.stderr)")
      #expect(result.stderr.contains(place), "\(result.stderr)")
    }
    try "symbol,month,price\nH100H,1,2.00\n".write(to: path, atomically: true, encoding: .utf8)
    let imported = try cli.run(CLIHarness.words("token prices import \(path.path)"))
    #expect(imported.status == 1)
    #expect(imported.stderr.contains("months.csv:1"), "\(imported.stderr)")
  }
}
