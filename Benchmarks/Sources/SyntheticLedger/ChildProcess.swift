import Foundation

/// What a finished child process reported (shared by the cold-process benchmarks).
public struct ChildResult {
  /// The exit code, or nil when a signal ended it.
  public var exitCode: Int32?
  /// Its peak resident set size, in bytes (from `wait4`'s resource usage).
  public var peakResidentBytes: Int
  /// This process's resident set size when the child started, in bytes: on Linux the
  /// child's reading cannot be below it (see `ChildProcess.run`).
  public var parentResidentBytes: Int

  /// Whether `peakResidentBytes` is the child's own peak rather than this process's size.
  public var peakIsChilds: Bool { peakResidentBytes > parentResidentBytes }
}

/// A failure to start or wait for a child process.
public struct ChildProcessError: Error, CustomStringConvertible {
  /// What went wrong.
  public let description: String

  /// A failure described by `description`.
  public init(description: String) { self.description = description }
}

/// Runs an executable to completion with posix_spawn and wait4: no shell, no Foundation
/// `Process`, so the measured time is the child's own.
///
/// Linux carries a process's peak resident size across `execve`, and posix_spawn's child
/// starts in this process's memory, so the child's `ru_maxrss` is at least this process's
/// peak. `run` first resets that peak to this process's current size (`/proc/self/clear_refs`),
/// so the reading is the child's own whenever it exceeds this process's current size.
public enum ChildProcess {
  /// Runs `path` with `arguments`, its standard output and error sent to files (or /dev/null).
  public static func run(
    _ path: String, _ arguments: [String], stdout: String = "/dev/null",
    stderr: String = "/dev/null"
  ) throws -> ChildResult {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let flags = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout, flags, 0o644)
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr, flags, 0o644)

    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let envp: [UnsafeMutablePointer<CChar>?] = cleanEnvironment().map { strdup($0) } + [nil]
    defer { for pointer in envp { free(pointer) } }
    resetPeakResident()
    let parentResident = currentResident()
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw ChildProcessError(
        description: "cannot start \(path): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 {
      guard errno == EINTR else {
        throw ChildProcessError(description: "wait4 failed: \(String(cString: strerror(errno)))")
      }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
    let exited = status & 0x7f == 0
    #if canImport(Darwin)
      let peak = Int(usage.ru_maxrss)  // bytes on Darwin
    #else
      let peak = Int(usage.ru_maxrss) * 1024  // KiB on Linux
    #endif
    return ChildResult(
      exitCode: exited ? (status >> 8) & 0xff : nil, peakResidentBytes: peak,
      parentResidentBytes: parentResident)
  }

  /// This process's environment without the preloaded libraries the benchmark runner adds
  /// for its malloc statistics: `capstan` runs with the system allocator, as a user runs it.
  public static func cleanEnvironment() -> [String] {
    var entries: [String] = []
    var cursor = environ
    while let entry = cursor.pointee {
      let text = String(cString: entry)
      if !text.hasPrefix("LD_PRELOAD="), !text.hasPrefix("DYLD_INSERT_LIBRARIES=") {
        entries.append(text)
      }
      cursor += 1
    }
    return entries
  }

  /// Sets this process's peak resident size to its current size (Linux 4.0+; else nothing).
  public static func resetPeakResident() {
    #if os(Linux)
      let file = open("/proc/self/clear_refs", O_WRONLY)
      guard file >= 0 else { return }
      _ = write(file, "5", 1)
      close(file)
    #endif
  }

  /// This process's resident size in bytes, from `/proc/self/statm` (0 where there is none).
  public static func currentResident() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
      return 0
    }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
