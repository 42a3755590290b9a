import CapstanReports

extension OutputFormat {
  /// The library views' format for `--format`.
  var view: ViewFormat {
    switch self {
    case .text: .text
    case .json: .json
    case .csv: .csv
    }
  }
}
