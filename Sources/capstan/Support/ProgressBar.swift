import Foundation

/// A progress bar on stderr for long imports: drawn only when stderr is a terminal and only
/// once the work has taken more than a second; never when output is piped or captured.
final class ProgressBar {
  private var total: Int
  private let label: String
  private let start = Date()
  private let enabled: Bool
  private var drawn = false
  private var lastPercent = -1

  /// A bar for `total` units (bytes), labelled `label`.
  init(total: Int, label: String) {
    self.total = max(1, total)
    self.label = label
    enabled = isatty(FileHandle.standardError.fileDescriptor) == 1
  }

  /// A bar counted in steps (see `update(_:of:_:)`), labelled `label`.
  convenience init(_ label: String) {
    self.init(total: 1, label: label)
  }

  /// Reports `done` units of `total`.
  func update(_ done: Int) {
    draw(done, suffix: "")
  }

  /// Reports `done` of `total` steps, naming the current one.
  func update(_ done: Int, of total: Int, _ step: String) {
    self.total = max(1, total)
    lastPercent = -1
    draw(done, suffix: " \(step)")
  }

  private func draw(_ done: Int, suffix: String) {
    guard enabled, Date().timeIntervalSince(start) > 1 else { return }
    let percent = min(100, done * 100 / total)
    guard percent != lastPercent else { return }
    lastPercent = percent
    let width = 30
    let filled = percent * width / 100
    let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%\(suffix)\u{1B}[K".utf8))
    drawn = true
  }

  /// Clears the bar, if it was drawn.
  func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    drawn = false
  }
}
