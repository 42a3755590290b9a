import CapstanModel

/// The parts every chart shares: the plot area, the value axis with its ticks and grid, the
/// title, and the conversion of exact values into drawing coordinates.
///
/// Values stay exact `Ratio`s up to the last step; a coordinate is written with one decimal,
/// which is all an SVG needs (coordinates are not money).
struct ChartFrame {
  let width: Int
  let height: Int
  let left: Int
  let right: Int
  let top: Int
  let bottom: Int
  /// The value at the bottom and the top of the plot.
  let minimum: Ratio
  let maximum: Ratio

  var plotWidth: Ratio { Ratio(width - left - right) }
  var plotHeight: Ratio { Ratio(height - top - bottom) }
  var axisY: Int { height - bottom }

  /// The y coordinate of a value.
  func y(_ value: Ratio) -> Ratio {
    let span = maximum - minimum
    guard !span.isZero else { return Ratio(axisY) }
    return Ratio(top) + plotHeight - (value - minimum) / span * plotHeight
  }

  /// A coordinate as SVG text.
  static func coordinate(_ value: Ratio) -> String { value.decimalString(places: 1) }

  /// The opening tag, the title, the value axis with `ticks` grid lines, and the x axis line.
  func open(title: String, format: ChartFormat, ticks: Int = 4) -> String {
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
    out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\" "
    out += "role=\"img\">\n"
    out += "<title>\(MarkupText.escaped(title))</title>\n"
    out += "<text x=\"\(left)\" y=\"22\" font-size=\"15\" font-weight=\"bold\">"
    out += "\(MarkupText.escaped(title))</text>\n"
    for step in 0...ticks {
      let value = minimum + (maximum - minimum) * Ratio(step, ticks)
      let py = ChartFrame.coordinate(y(value))
      out += "<line x1=\"\(left)\" y1=\"\(py)\" x2=\"\(width - right)\" y2=\"\(py)\" "
      out += "stroke=\"#000\" stroke-opacity=\"0.1\"/>\n"
      out += "<text x=\"\(left - 6)\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
      out += "\(MarkupText.escaped(format.label(value)))</text>\n"
    }
    out += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(axisY)\" stroke=\"#333\"/>\n"
    let zero = minimum < .zero ? ChartFrame.coordinate(y(.zero)) : String(axisY)
    out += "<line x1=\"\(left)\" y1=\"\(zero)\" x2=\"\(width - right)\" y2=\"\(zero)\" "
    out += "stroke=\"#333\"/>\n"
    return out
  }

  /// A round number at or above `value`: 1, 2, 2.5 or 5 times a power of ten (1 for zero).
  static func niceCeiling(_ value: Ratio) -> Ratio {
    guard value > .zero else { return .one }
    var power = Ratio.one
    while power * Ratio(10) <= value { power *= Ratio(10) }
    while power > value { power = power / Ratio(10) }
    for step in [Ratio(1), Ratio(2), Ratio(5, 2), Ratio(5), Ratio(10)] where power * step >= value {
      return power * step
    }
    return power * Ratio(10)
  }

  /// The palette (Tableau 10), cycled.
  static let colors = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
  ]

  static func color(_ index: Int) -> String { colors[index % colors.count] }
}

/// One named series of a chart: a value per category or x position.
public struct ChartSeries: Sendable, Hashable {
  /// The label drawn beside it.
  public var name: String
  /// One value per category or x position.
  public var values: [Ratio]

  /// A series.
  public init(name: String, values: [Ratio]) {
    self.name = name
    self.values = values
  }
}
