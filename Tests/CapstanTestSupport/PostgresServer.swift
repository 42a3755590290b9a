import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests: `initdb` in a temporary folder as an
/// unprivileged user, `pg_ctl start` on a free loopback port, one new database per test, and
/// `pg_ctl stop` at the end of the suite that uses it (the `.postgresServer` trait).
///
/// The binaries are found in /usr/lib/postgresql/*/bin (newest first) or on the PATH; when
/// there are none and the process runs as root, PostgreSQL is installed with apt-get. Outside
/// CI a machine without PostgreSQL skips the suites loudly (`available` prints why); under
/// `CI=true` they never skip: a server that cannot start fails them.
public final class PostgresServer: Sendable {
  /// The server's loopback port.
  public let port: Int
  /// The role every test connects as (trust authentication, loopback only).
  public let user = "capstan"
  private let folder: String
  private let bin: String

  /// The server of the running suite.
  @TaskLocal public static var current: PostgresServer?

  private init(port: Int, folder: String, bin: String) {
    self.port = port
    self.folder = folder
    self.bin = bin
  }

  /// Whether the suites can run: true under CI (where a missing server must fail, not
  /// skip), else whether PostgreSQL's binaries are found or could be installed. Computed
  /// once; a machine without them prints why.
  public static let available: Bool = {
    if inCI { return true }
    if (try? binaries()) != nil { return true }
    FileHandle.standardError.write(
      Data(
        """

        ************************************************************************
        SKIPPING the PostgreSQL store tests: PostgreSQL (initdb, pg_ctl) is not
        installed and could not be installed here (run as root, or install
        Debian's postgresql package). Under CI=true these tests never skip.
        ************************************************************************

        """.utf8))
    return false
  }()

  static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Starts a new cluster.
  public static func start() throws -> PostgresServer {
    let bin = try binaries()
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("capstan-pg-\(UUID().uuidString.prefix(8))").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // PostgreSQL refuses to run as root: the cluster belongs to `nobody`.
    if getuid() == 0 {
      try run("/bin/chown", ["nobody", folder])
    }
    let data = folder + "/data"
    try runAsServerUser(
      bin + "/initdb",
      ["-D", data, "-U", "capstan", "--auth=trust", "-E", "UTF8", "--no-locale", "-N"])
    let port = try freePort()
    try runAsServerUser(
      bin + "/pg_ctl",
      [
        "-D", data, "-l", folder + "/server.log", "-w", "-t", "120", "-o",
        "-p \(port) -h 127.0.0.1 -k \(folder) -F -c full_page_writes=off -c synchronous_commit=off",
        "start",
      ])
    return PostgresServer(port: port, folder: folder, bin: bin)
  }

  /// Stops the cluster and removes its folder.
  public func stop() {
    _ = try? Self.runAsServerUser(
      bin + "/pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// A new, empty database; returns its URL (`postgres://capstan@127.0.0.1:PORT/NAME`).
  public func createDatabase() throws -> String {
    let name =
      "capstan_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
    try Self.run(bin + "/createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
    return "postgres://\(user)@127.0.0.1:\(port)/\(name)"
  }

  /// The folder of initdb and pg_ctl, installing PostgreSQL when it is absent and this
  /// process may (root).
  private static func binaries() throws -> String {
    if let found = findBinaries() { return found }
    if getuid() == 0 {
      FileHandle.standardError.write(
        Data("PostgresServer: installing postgresql with apt-get\n".utf8))
      try run("/usr/bin/env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", "update", "-qq"])
      try run(
        "/usr/bin/env",
        ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "postgresql"])
      if let found = findBinaries() { return found }
    }
    throw ServerError.failed("PostgreSQL's initdb and pg_ctl are not installed")
  }

  private static func findBinaries() -> String? {
    let root = "/usr/lib/postgresql"
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
      .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
    for version in versions {
      let bin = "\(root)/\(version)/bin"
      if FileManager.default.isExecutableFile(atPath: bin + "/pg_ctl"),
        FileManager.default.isExecutableFile(atPath: bin + "/initdb")
      {
        return bin
      }
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":").map(String.init)
    where FileManager.default.isExecutableFile(atPath: folder + "/pg_ctl")
      && FileManager.default.isExecutableFile(atPath: folder + "/initdb")
    {
      return folder
    }
    return nil
  }

  /// Runs a server command as `nobody` when this process is root, else as itself.
  private static func runAsServerUser(_ executable: String, _ arguments: [String]) throws {
    if getuid() == 0 {
      try run("/usr/sbin/runuser", ["-u", "nobody", "--", executable] + arguments)
    } else {
      try run(executable, arguments)
    }
  }

  /// Runs a command to its end; a non-zero exit throws with its output.
  ///
  /// Started with `posix_spawn` and reaped with `waitpid` on its own pid, not with Foundation's
  /// `Process`, whose exit notification was seen to be lost when two suites started servers
  /// at once (the test hung on a reaped-never `runuser`). The output goes to a file, not a
  /// pipe: `pg_ctl start` leaves the server running with the command's output open, so a pipe
  /// would never reach its end.
  @discardableResult
  private static func run(_ executable: String, _ arguments: [String]) throws -> String {
    let log = FileManager.default.temporaryDirectory
      .appendingPathComponent("capstan-pg-command-\(UUID().uuidString.prefix(8)).log").path
    defer { try? FileManager.default.removeItem(atPath: log) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else {
      throw ServerError.failed("cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    // Exited normally (low 7 bits zero) with code 0.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
      throw ServerError.failed(
        "\(executable) \(arguments.joined(separator: " ")) ended with status \(status): \(text)")
    }
    return text
  }

  /// A loopback port no one listens on (the kernel's choice for a socket bound to port 0).
  private static func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw ServerError.failed("socket() failed") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        guard bind(socket, generic, length) == 0 else { return false }
        return getsockname(socket, generic, &length) == 0
      }
    }
    guard bound else { throw ServerError.failed("cannot bind a loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Why the server could not be found, installed or started.
  public enum ServerError: Error, CustomStringConvertible {
    /// The step that failed, with its output.
    case failed(String)

    /// The message.
    public var description: String {
      switch self {
      case .failed(let message): "PostgreSQL test server: \(message)"
      }
    }
  }
}

/// Runs a suite (or test) with a PostgreSQL server started before and stopped after it.
public struct PostgresServerTrait: SuiteTrait, TestTrait, TestScoping {
  /// Once around the whole suite, not around each test.
  public var isRecursive: Bool { false }

  /// Starts the server, runs `function` with it as `PostgresServer.current`, stops it.
  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let server = try PostgresServer.start()
    defer { server.stop() }
    try await PostgresServer.$current.withValue(server) { try await function() }
  }
}

extension Trait where Self == PostgresServerTrait {
  /// A PostgreSQL server around the suite (see `PostgresServer`).
  public static var postgresServer: Self { PostgresServerTrait() }
}
