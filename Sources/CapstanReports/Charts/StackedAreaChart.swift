import CapstanModel

/// A stacked area chart as one self-contained SVG: series stacked over a shared x axis, with
/// axes, money tick labels and each band labelled directly at its right edge (no legend).
///
/// Coordinates are computed exactly and written with one decimal; nothing goes through
/// floating point.
public struct StackedAreaChart: Sendable {
  /// One band.
  public struct Series: Sendable {
    /// Its label.
    public var name: String
    /// One value per x position.
    public var values: [Ratio]

    /// A series.
    public init(name: String, values: [Ratio]) {
      self.name = name
      self.values = values
    }
  }

  /// The title at the top.
  public var title: String
  /// The x positions (increasing).
  public var x: [Ratio]
  /// The bands, bottom first.
  public var series: [Series]
  /// How tick labels are written.
  public var format: @Sendable (Ratio) -> String
  /// How x tick labels are written (default: as the values).
  public var xFormat: (@Sendable (Ratio) -> String)?
  /// The x axis title.
  public var xTitle: String

  /// A chart.
  public init(
    title: String, x: [Ratio], series: [Series], format: @escaping @Sendable (Ratio) -> String,
    xFormat: (@Sendable (Ratio) -> String)? = nil, xTitle: String = "Exit value"
  ) {
    self.title = title
    self.x = x
    self.series = series
    self.format = format
    self.xFormat = xFormat
    self.xTitle = xTitle
  }

  static let colors = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
  ]

  /// The SVG document.
  public func svg(width: Int = 900, height: Int = 480) -> String {
    let left = 90
    let right = 170
    let top = 40
    let bottom = 50
    let plotWidth = Ratio(width - left - right)
    let plotHeight = Ratio(height - top - bottom)
    guard let first = x.first, let last = x.last, last > first else {
      return
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\"></svg>\n"
    }
    var totals = [Ratio](repeating: .zero, count: x.count)
    for band in series {
      for (index, value) in band.values.prefix(x.count).enumerated() { totals[index] += value }
    }
    let topValue = totals.max().map { $0 > .zero ? $0 : .one } ?? .one
    func px(_ value: Ratio) -> String {
      (Ratio(left) + (value - first) / (last - first) * plotWidth).decimalString(places: 1)
    }
    func py(_ value: Ratio) -> String {
      (Ratio(top) + plotHeight - value / topValue * plotHeight).decimalString(places: 1)
    }
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
    out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">\n"
    out += "<title>\(MarkupText.escaped(title))</title>\n"
    out +=
      "<text x=\"\(left)\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(MarkupText.escaped(title))</text>\n"
    var lower = [Ratio](repeating: .zero, count: x.count)
    for (index, band) in series.enumerated() {
      var upper = lower
      for (position, value) in band.values.prefix(x.count).enumerated() { upper[position] += value }
      var points = zip(x, upper).map { "\(px($0)),\(py($1))" }
      points += zip(x, lower).reversed().map { "\(px($0)),\(py($1))" }
      let color = Self.colors[index % Self.colors.count]
      out +=
        "<polygon points=\"\(points.joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.85\" "
      out +=
        "stroke=\"#ffffff\" stroke-width=\"0.5\"><title>\(MarkupText.escaped(band.name))</title></polygon>\n"
      if let end = upper.last, let base = lower.last, end > base {
        let middle = (end + base) / Ratio(2)
        out += "<text x=\"\(width - right + 8)\" y=\"\(py(middle))\" fill=\"\(color)\" "
        out += "dominant-baseline=\"middle\">\(MarkupText.escaped(band.name))</text>\n"
      }
      lower = upper
    }
    let axisY = height - bottom
    out += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(axisY)\" stroke=\"#333\"/>\n"
    out +=
      "<line x1=\"\(left)\" y1=\"\(axisY)\" x2=\"\(width - right)\" y2=\"\(axisY)\" stroke=\"#333\"/>\n"
    for step in 0...4 {
      let fraction = Ratio(step, 4)
      let xValue = first + (last - first) * fraction
      out +=
        "<text x=\"\(px(xValue))\" y=\"\(axisY + 18)\" text-anchor=\"middle\">\(MarkupText.escaped((xFormat ?? format)(xValue)))</text>\n"
      let yValue = topValue * fraction
      out +=
        "<text x=\"\(left - 6)\" y=\"\(py(yValue))\" text-anchor=\"end\" dominant-baseline=\"middle\">"
      out += "\(MarkupText.escaped(format(yValue)))</text>\n"
      out +=
        "<line x1=\"\(left)\" y1=\"\(py(yValue))\" x2=\"\(width - right)\" y2=\"\(py(yValue))\" "
      out += "stroke=\"#000\" stroke-opacity=\"0.08\"/>\n"
    }
    out +=
      "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 10)\" text-anchor=\"middle\">\(MarkupText.escaped(xTitle))</text>\n"
    return out + "</svg>\n"
  }

}
