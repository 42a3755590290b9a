import CapstanModel
import Testing

@testable import CapstanReports

@Suite("SVG charts")
struct ChartTests {
  /// 1, 2, 2.5, 5 or 10 times a power of ten, the first at or above the value.
  @Test(arguments: [
    (Ratio(0), Ratio(1)), (Ratio(1), Ratio(1)), (Ratio(3), Ratio(5)), (Ratio(11), Ratio(20)),
    (Ratio(24), Ratio(25)), (Ratio(26_000_000), Ratio(50_000_000)), (Ratio(1, 3), Ratio(1, 2)),
  ])
  func niceCeiling(value: Ratio, expected: Ratio) {
    #expect(ChartFrame.niceCeiling(value) == expected)
  }

  @Test(arguments: [
    (ChartFormat.money(.usd), Ratio(1_500_000), "$1.5M"),
    (ChartFormat.money(.usd), Ratio(250_000), "$250k"),
    (ChartFormat.money(.usd), Ratio(25, 2), "$12.5"),
    (ChartFormat.money(.usd), Ratio(-2_000_000_000), "-$2B"),
    (ChartFormat.percent, Ratio(1, 8), "12.5%"),
    (ChartFormat.number, Ratio(40_000), "40k"),
  ])
  func tickLabels(format: ChartFormat, value: Ratio, expected: String) {
    #expect(format.label(value) == expected)
  }

  /// Plot height 360 − 40 − 60 = 260 for the axis 0…4: a value of 1 is 65 high, 3 is 195;
  /// the second bar stacks 1 (65 high, from y 300 − 65 = 235 up to 170) on 1.
  @Test func stackedBarsAreExact() {
    let chart = StackedBarChart(
      title: "T", categories: ["a", "b"],
      series: [
        ChartSeries(name: "low", values: [Ratio(1), Ratio(3)]),
        ChartSeries(name: "high", values: [Ratio(0), Ratio(1)]),
      ], format: .number, maximum: Ratio(4))
    let svg = chart.svg(width: 860, height: 360)
    #expect(svg.components(separatedBy: "<svg").count == 2)
    #expect(svg.contains("height=\"65.0\""))
    #expect(svg.contains("height=\"195.0\""))
    #expect(svg.contains("y=\"105.0\" width"))  // top of the 3 bar: 300 − 195
    #expect(svg.contains(">high</text>"))  // labelled directly, no legend
    #expect(svg.contains(">4</text>"))  // the top tick
  }

  @Test func groupedBarsStandSideBySide() {
    let chart = StackedBarChart(
      title: "T", categories: ["a"],
      series: [
        ChartSeries(name: "Cost", values: [Ratio(2)]),
        ChartSeries(name: "Mark", values: [Ratio(4)]),
      ], format: .money(.usd), grouped: true, maximum: Ratio(4))
    let svg = chart.svg()
    // Both bars start from the axis: heights 130 and 260 on a 260-high plot.
    #expect(svg.contains("height=\"130.0\""))
    #expect(svg.contains("height=\"260.0\""))
  }

  @Test func lineChartDrawsOnePolylinePerSeries() {
    let chart = LineChart(
      title: "Path", x: [Ratio(0), Ratio(1), Ratio(2)], xLabels: ["a", "b", "c"],
      series: [
        ChartSeries(name: "one", values: [Ratio(1), Ratio(2), Ratio(3)]),
        ChartSeries(name: "two", values: [Ratio(3), Ratio(2), Ratio(1)]),
      ], format: .percent)
    let svg = chart.svg()
    #expect(svg.components(separatedBy: "<polyline").count == 3)
    #expect(svg.contains(">c</text>"))
  }

  @Test func textIsEscaped() {
    let chart = StackedBarChart(
      title: "R&D <costs>", categories: ["\"x\""], series: [], format: .number)
    let svg = chart.svg()
    #expect(svg.contains("R&amp;D &lt;costs&gt;"))
    #expect(svg.contains("&quot;x&quot;"))
    #expect(!svg.contains("R&D"))
  }
}
