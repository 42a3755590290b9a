import Foundation

/// The process's own peak resident memory, written out for tests that bound it.
///
/// `wait4`'s `ru_maxrss` is no use for that: Linux carries the parent's high-water mark into a
/// child started by `posix_spawn`/`vfork`, so a big test process inflates it. `VmHWM` in
/// `/proc/self/status` belongs to this process's own address space.
enum PeakMemory {
  /// The variable naming the file to write the peak to (in kB); unset: nothing is written.
  static let variable = "CAPSTAN_PEAK_MEMORY_FILE"

  /// Writes `VmHWM` (kB) to the file `$CAPSTAN_PEAK_MEMORY_FILE` names, if set.
  static func recordIfAsked() {
    guard let path = ProcessInfo.processInfo.environment[variable],
      let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return }
    let kilobytes = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
    try? Data(kilobytes.utf8).write(to: URL(fileURLWithPath: path))
  }
}
