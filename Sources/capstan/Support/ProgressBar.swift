import Foundation

/// A progress bar on stderr, shown only on a terminal and only once work has taken a second.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let started = Date()
  private let enabled: Bool
  private var shown = false
  private let title: String

  /// A bar for `title`; silent when stderr is not a terminal.
  init(_ title: String) {
    self.title = title
    enabled = isatty(STDERR_FILENO) == 1
  }

  /// Reports `done` of `total` steps, naming the current one.
  func update(_ done: Int, of total: Int, _ step: String) {
    guard enabled, Date().timeIntervalSince(started) > 1, total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let width = 30
    let filled = min(width, done * width / total)
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    FileHandle.standardError.write(Data("\r\(title) [\(bar)] \(step)\u{1B}[K".utf8))
    shown = true
  }

  /// Clears the bar's line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
