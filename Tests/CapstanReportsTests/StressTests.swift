import CapstanModel
import Testing

@testable import CapstanReports

@Suite("Portfolio stress table")
struct StressTests {
  static func grant(_ id: String, granted: Int, redeemed: Int, market: Ratio) -> ComputeExposure {
    ComputeExposure(
      grant: id, grantor: "ComputeCo", token: "H100", granted: Ratio(granted),
      unlocked: Ratio(granted / 2), redeemed: Ratio(redeemed), gpuHoursPerToken: .one,
      peg: Ratio(2), marketPrice: market, agreedPrice: Ratio(2))
  }

  static let holdings = [
    PortfolioHolding(
      company: "A", securities: "Seed 1", fullyDiluted: Ratio(1, 10), voting: Ratio(1, 10),
      costCash: Ratio(100), costTokens: Ratio(2_000), mark: Ratio(5_000), markNote: "",
      compute: [grant("CG-1", granted: 1_000, redeemed: 200, market: Ratio(3, 2))],
      boardSeats: [], provisions: [], computeUse: nil),
    PortfolioHolding(
      company: "B", securities: "Seed 1", fullyDiluted: Ratio(1, 4), voting: Ratio(1, 4),
      costCash: .zero, costTokens: Ratio(600), mark: Ratio(900), markNote: "",
      compute: [
        grant("CG-1", granted: 300, redeemed: 0, market: Ratio(3, 2)),
        grant("CG-2", granted: 101, redeemed: 1, market: Ratio(7, 3)),
      ], boardSeats: ["Director"], provisions: [], computeUse: Ratio(100)),
  ]

  /// Owed tokens: A 800, B 300 and 100. Base market value 800 × 1.5 + 300 × 1.5 + 100 × 7/3
  /// = 1,200 + 450 + 233.33 = 1,883.33; at −50 % every position is half of that.
  @Test func minusFiftyHalvesEveryTokenPositionAndNothingElse() throws {
    let section = PortfolioReport.stressSection(Self.holdings, pricePath: [], currency: .usd)
    let scenarios = try #require(section.table("scenarios"))
    let base = try #require(scenarios.row(named: "base"))
    let half = try #require(scenarios.row(named: "shock -50%"))
    let market = try #require(scenarios.cell(base, "token_positions_at_market"))
    #expect(market == .money(Ratio(1_200) + Ratio(450) + Ratio(700, 3)))
    #expect(
      scenarios.cell(half, "token_positions_at_market")
        == .money((Ratio(1_200) + Ratio(450) + Ratio(700, 3)) / Ratio(2)))
    for key in ["equity_mark", "owed_value_at_peg", "gpu_hours_owed"] {
      #expect(scenarios.cell(half, key) == scenarios.cell(base, key), "\(key) moved")
    }
    #expect(scenarios.cell(base, "equity_mark") == .money(Ratio(5_900)))
    #expect(scenarios.cell(base, "owed_value_at_peg") == .money(Ratio(2_400)))
    // Every position, one by one.
    let positions = try #require(section.table("positions"))
    let baseRows = positions.rows.filter { $0.first == .text("base") }
    let halfRows = positions.rows.filter { $0.first == .text("shock -50%") }
    #expect(baseRows.count == 3 && halfRows.count == 3)
    for (before, after) in zip(baseRows, halfRows) {
      guard case .money(let a) = positions.cell(before, "value_at_market"),
        case .money(let b) = positions.cell(after, "value_at_market")
      else {
        Issue.record("not money")
        continue
      }
      #expect(b * Ratio(2) == a)
    }
  }

  @Test func pricePathRowsSetThePrice() throws {
    let path = [
      PortfolioReport.PricePoint(
        date: CalendarDate(year: 2027, month: 1, day: 31)!, price: Ratio(1))
    ]
    let section = PortfolioReport.stressSection(Self.holdings, pricePath: path, currency: .usd)
    let scenarios = try #require(section.table("scenarios"))
    let row = try #require(scenarios.row(named: "path 2027-01-31"))
    // 1,200 owed tokens at 1.
    #expect(scenarios.cell(row, "token_positions_at_market") == .money(Ratio(1_200)))
    #expect(section.charts.count == 1)
  }

  @Test func pricePathCSVErrorsNameTheLine() {
    #expect(throws: InputError.self) {
      try PortfolioReport.pricePath(csv: "date,price\n2027-01-31,1\n2027-01-01,2\n", file: "p.csv")
    }
    do {
      _ = try PortfolioReport.pricePath(csv: "date,price\n2027-01-31;1\n", file: "p.csv")
      Issue.record("accepted a bad line")
    } catch {
      #expect(error.description.contains("p.csv:2"))
    }
  }

  /// A holds Seed stock: equity (an FTC 6(b) item) only. B: 1 GPU-hour delivered of 100
  /// used: 1 % (no dependency); 25 % FD (≥ 20 %), the board seat (board-seat, and a seat is
  /// control and access to sensitive information), equity.
  @Test func flags() {
    #expect(Self.holdings[0].flags == [.equity])
    #expect(
      Self.holdings[1].flags == [.fullyDiluted, .board, .equity, .control, .sensitiveInformation])
    #expect(Self.holdings[1].computeShare == Ratio(1, 100))
  }
}
