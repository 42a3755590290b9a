#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a finished child process reported.
struct ChildResult {
  /// The exit code, or nil when a signal ended it.
  var exitCode: Int32?
  /// Its peak resident set size, in bytes (from `wait4`'s resource usage).
  var peakResidentBytes: Int
}

/// A failure to start or wait for a child process.
struct ChildProcessError: Error, CustomStringConvertible {
  /// What went wrong.
  let description: String
}

/// Runs an executable to completion with posix_spawn and wait4: no shell, no Foundation
/// `Process`, so the measured time is the child's own, and its peak memory is its own too.
enum ChildProcess {
  /// Runs `path` with `arguments`, its standard output and error sent to files (or /dev/null).
  static func run(
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
    return ChildResult(exitCode: exited ? (status >> 8) & 0xff : nil, peakResidentBytes: peak)
  }

  /// This process's environment without the preloaded libraries the benchmark runner adds
  /// for its malloc statistics: `capstan` runs with the system allocator, as a user runs it.
  static func cleanEnvironment() -> [String] {
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
}
