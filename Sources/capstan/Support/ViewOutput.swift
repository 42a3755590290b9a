import ArgumentParser
import CapstanReports

extension ViewFormat: ExpressibleByArgument {
  /// The format itself (`--format` is a `ViewFormat`).
  var view: ViewFormat { self }
}

/// Prints `view` in `format`, then its later-entries note where `format` prints it (under the
/// text; on standard error for CSV; inside the JSON document).
func show(_ view: some RenderedView, _ format: OutputFormat) {
  emit(view.rendered(format.view))
  AsOf.print(view.laterEntries?.note, format: format)
}
