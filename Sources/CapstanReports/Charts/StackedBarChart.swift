import CapstanModel

/// Bars per category, the series stacked (or side by side when `grouped`), as one SVG with a
/// value axis, tick labels in money, % or counts, and each series labelled directly at the
/// right, level with its band in the tallest bar (no legend).
public struct StackedBarChart: Sendable {
  /// The title at the top.
  public var title: String
  /// The category under each bar.
  public var categories: [String]
  /// The series, bottom first.
  public var series: [ChartSeries]
  /// How the value axis is labelled.
  public var format: ChartFormat
  /// Side by side instead of stacked.
  public var grouped: Bool
  /// The top of the value axis; nil for a round number above the largest bar.
  public var maximum: Ratio?

  /// A chart.
  public init(
    title: String, categories: [String], series: [ChartSeries], format: ChartFormat,
    grouped: Bool = false, maximum: Ratio? = nil
  ) {
    self.title = title
    self.categories = categories
    self.series = series
    self.format = format
    self.grouped = grouped
    self.maximum = maximum
  }

  /// The SVG element.
  public func svg(width: Int = 860, height: Int = 360) -> String {
    let count = categories.count
    var largest = Ratio.zero
    for index in 0..<count {
      let values = series.map { index < $0.values.count ? max(.zero, $0.values[index]) : .zero }
      largest = max(largest, grouped ? values.max() ?? .zero : Ratio.sum(values))
    }
    let frame = ChartFrame(
      width: width, height: height, left: 80, right: 150, top: 40, bottom: 60, minimum: .zero,
      maximum: maximum ?? ChartFrame.niceCeiling(largest))
    var out = frame.open(title: title, format: format)
    guard count > 0 else { return out + "</svg>\n" }
    let slot = frame.plotWidth / Ratio(count)
    let barWidth = slot * Ratio(3, 5)
    let seriesCount = max(1, series.count)
    // Direct labels sit beside the bands of the tallest stack (the last bar when grouped), so
    // each names its band where the band is thickest.
    var labelIndex = count - 1
    if !grouped {
      var tallest = Ratio(-1)
      for index in 0..<count {
        let total = Ratio.sum(
          series.map { index < $0.values.count ? max(.zero, $0.values[index]) : .zero })
        if total > tallest {
          tallest = total
          labelIndex = index
        }
      }
    }
    var lastTops: [(name: String, y: Ratio, color: String)] = []
    for index in 0..<count {
      let slotLeft = Ratio(frame.left) + slot * Ratio(index)
      var base = Ratio.zero
      for (number, line) in series.enumerated() {
        let value = index < line.values.count ? max(.zero, line.values[index]) : .zero
        let color = ChartFrame.color(number)
        let x: Ratio
        let w: Ratio
        let low: Ratio
        let high: Ratio
        if grouped {
          w = barWidth / Ratio(seriesCount)
          x = slotLeft + slot / Ratio(5) + w * Ratio(number)
          low = .zero
          high = value
        } else {
          w = barWidth
          x = slotLeft + slot / Ratio(5)
          low = base
          high = base + value
          base = high
        }
        if value > .zero {
          let yTop = frame.y(high)
          out += "<rect x=\"\(ChartFrame.coordinate(x))\" y=\"\(ChartFrame.coordinate(yTop))\" "
          out += "width=\"\(ChartFrame.coordinate(w))\" "
          out += "height=\"\(ChartFrame.coordinate(frame.y(low) - yTop))\" fill=\"\(color)\">"
          out += "<title>\(MarkupText.escaped("\(line.name), \(categories[index]): "))"
          out += "\(MarkupText.escaped(format.label(value)))</title></rect>\n"
        }
        if index == labelIndex {
          lastTops.append((line.name, frame.y(grouped ? high : (low + high) / Ratio(2)), color))
        }
      }
      // At most twelve category labels: every k-th, so they never run into each other.
      let every = (count + 11) / 12
      if index % every == 0 {
        let center = slotLeft + slot / Ratio(2)
        out += "<text x=\"\(ChartFrame.coordinate(center))\" y=\"\(frame.axisY + 16)\" "
        out += "text-anchor=\"middle\">\(MarkupText.escaped(categories[index]))</text>\n"
      }
    }
    // Direct labels at the right edge, pushed apart so they never overlap.
    var previous: Ratio?
    for label in lastTops.sorted(by: { $0.y > $1.y }) {
      var y = label.y
      if let previous, previous - y < Ratio(14) { y = previous - Ratio(14) }
      previous = y
      out += "<text x=\"\(width - frame.right + 8)\" y=\"\(ChartFrame.coordinate(y))\" "
      out += "fill=\"\(label.color)\" dominant-baseline=\"middle\">"
      out += "\(MarkupText.escaped(label.name))</text>\n"
    }
    return out + "</svg>\n"
  }
}
