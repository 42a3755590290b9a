import CapstanModel

/// Lines over a shared x axis (dates as day numbers, exit values, months), as one SVG with both
/// axes labelled and each line named at its right end.
public struct LineChart: Sendable {
  /// The title at the top.
  public var title: String
  /// The x positions (increasing).
  public var x: [Ratio]
  /// The label of each x position on the axis (as many as `x`; some are drawn).
  public var xLabels: [String]
  /// The lines.
  public var series: [ChartSeries]
  /// How the value axis is labelled.
  public var format: ChartFormat

  /// A chart.
  public init(
    title: String, x: [Ratio], xLabels: [String], series: [ChartSeries], format: ChartFormat
  ) {
    self.title = title
    self.x = x
    self.xLabels = xLabels
    self.series = series
    self.format = format
  }

  /// The SVG element.
  public func svg(width: Int = 860, height: Int = 360) -> String {
    let all = series.flatMap(\.values)
    let low = min(.zero, all.min() ?? .zero)
    let high = ChartFrame.niceCeiling(all.max() ?? .zero)
    let frame = ChartFrame(
      width: width, height: height, left: 80, right: 150, top: 40, bottom: 60,
      minimum: low < .zero ? -ChartFrame.niceCeiling(-low) : .zero, maximum: high)
    var out = frame.open(title: title, format: format)
    guard let first = x.first, let last = x.last else { return out + "</svg>\n" }
    let span = last > first ? last - first : .one
    func px(_ value: Ratio) -> Ratio {
      Ratio(frame.left) + (value - first) / span * frame.plotWidth
    }
    var ends: [(name: String, y: Ratio, color: String)] = []
    for (number, line) in series.enumerated() {
      let color = ChartFrame.color(number)
      let points = zip(x, line.values).map {
        "\(ChartFrame.coordinate(px($0))),\(ChartFrame.coordinate(frame.y($1)))"
      }
      out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
      out += "stroke=\"\(color)\" stroke-width=\"2\"><title>\(MarkupText.escaped(line.name))"
      out += "</title></polyline>\n"
      if let end = line.values.prefix(x.count).last {
        ends.append((line.name, frame.y(end), color))
      }
    }
    var previous: Ratio?
    for label in ends.sorted(by: { $0.y > $1.y }) {
      var y = label.y
      if let previous, previous - y < Ratio(14) { y = previous - Ratio(14) }
      previous = y
      out += "<text x=\"\(width - frame.right + 8)\" y=\"\(ChartFrame.coordinate(y))\" "
      out += "fill=\"\(label.color)\" dominant-baseline=\"middle\">"
      out += "\(MarkupText.escaped(label.name))</text>\n"
    }
    // At most six x labels, evenly spread over the positions.
    let labelled = Set(
      (0..<min(6, x.count)).map {
        x.count <= 6 ? $0 : $0 * (x.count - 1) / max(1, min(6, x.count) - 1)
      }
    )
    for index in labelled.sorted() where index < xLabels.count {
      out += "<text x=\"\(ChartFrame.coordinate(px(x[index])))\" y=\"\(frame.axisY + 16)\" "
      out += "text-anchor=\"middle\">\(MarkupText.escaped(xLabels[index]))</text>\n"
    }
    return out + "</svg>\n"
  }
}
