import CapstanReports

extension OutputFormat {
  /// The library's name for this format.
  var view: ViewFormat {
    switch self {
    case .text: .text
    case .json: .json
    case .csv: .csv
    }
  }
}

/// Prints `view` in `format`, then its later-entries note where `format` prints it (under the
/// text; on standard error for CSV; inside the JSON document).
func show(_ view: some RenderedView, _ format: OutputFormat) {
  emit(view.rendered(format.view))
  AsOf.print(view.laterEntries?.note, format: format)
}
