import Foundation
import Testing
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile import files: each exits 1 with a message naming the problem, within 5 s of CPU time
/// and 200 MB of peak memory, and leaves the workspace file byte-for-byte as it was. CPU time
/// (user + system, from `wait4`) is what the process itself spent, so the bound holds however
/// loaded the machine is; wall time is only a guard against a hang (60 s). Large files are made
/// at run time in a temporary folder, never committed.
@Suite("Hostile import files are refused, nothing written")
struct HostileImportEndToEndTests {
  static let ns = #"xmlns="urn:capstan:ledger:1" version="1""#

  /// Runs `capstan import FILE --db DB`: exit status, stderr, wall and CPU time (`wait4`) and
  /// the child's own peak resident memory (reported by capstan, see `PeakMemory`).
  static func measuredImport(_ file: String, _ harness: CLIHarness, extra: [String] = []) throws
    -> (status: Int32, stderr: String, seconds: Double, cpuSeconds: Double, peakMB: Double)
  {
    let errPath = harness.folder.appendingPathComponent("stderr-\(UUID().uuidString.prefix(6))")
      .path
    let arguments = [CLIHarness.executable.path, "import", file] + extra + ["--db", harness.db]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // The peak comes from the child itself (VmHWM): wait4's ru_maxrss carries this test
    // process's own high-water mark into a spawned child on Linux.
    let peakPath = harness.folder.appendingPathComponent("peak-\(UUID().uuidString.prefix(6))")
      .path
    var environment = ProcessInfo.processInfo.environment
    environment["CAPSTAN_PEAK_MEMORY_FILE"] = peakPath
    var envp: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    var pid: pid_t = 0
    let start = Date()
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, &envp)
    guard spawned == 0 else { throw CocoaError(.executableLoad) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Date().timeIntervalSince(start)
    let exitCode = (status >> 8) & 0xFF
    let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    let peakKB = (try? String(contentsOfFile: peakPath, encoding: .utf8)).flatMap { Double($0) }
    return (exitCode, stderr, seconds, cpu, (peakKB ?? .infinity) / 1024)
  }

  /// A workspace with a company, the file written, the import refused as `expected` says.
  static func expectRefused(
    _ name: String, _ contents: (URL) throws -> Void, message expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let harness = try CLIHarness()
    defer { try? FileManager.default.removeItem(at: harness.folder) }
    try harness.buildAcme()
    let file = harness.folder.appendingPathComponent(name)
    try contents(file)
    let before = try Data(contentsOf: URL(fileURLWithPath: harness.db))
    let result = try measuredImport(file.path, harness)
    let after = try Data(contentsOf: URL(fileURLWithPath: harness.db))
    #expect(result.status == 1, "\(name): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains(expected), "\(name): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains(name), "names the file: \(result.stderr)",
      sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    #expect(
      result.cpuSeconds < 5, "\(name) took \(result.cpuSeconds) s of CPU",
      sourceLocation: sourceLocation)
    #expect(result.seconds < 60, "\(name) took \(result.seconds) s", sourceLocation: sourceLocation)
    #expect(
      result.peakMB < 200, "\(name) peaked at \(result.peakMB) MB", sourceLocation: sourceLocation)
    #expect(before == after, "\(name) changed the workspace", sourceLocation: sourceLocation)
    let ledger = try harness.run(["ledger", "--format", "csv"])
    #expect(ledger.stdout.split(separator: "\n").count == 4, sourceLocation: sourceLocation)
  }

  static func write(_ text: String) -> (URL) throws -> Void {
    { url in try Data(text.utf8).write(to: url) }
  }

  @Test func externalEntityPointingAtALocalFile() throws {
    try Self.expectRefused(
      "xxe.xml",
      Self.write(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE capstan [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <capstan \(Self.ns)><company name="&secret;" currency="USD" incorporated="2025-01-01"/></capstan>
        """), message: "document type declaration")
  }

  @Test func billionLaughs() throws {
    var entities = #"<!ENTITY lol "lol">"#
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
    }
    try Self.expectRefused(
      "laughs.xml",
      Self.write(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE capstan [\(entities)]>
        <capstan \(Self.ns)><company name="&lol9;" currency="USD" incorporated="2025-01-01"/></capstan>
        """), message: "document type declaration")
  }

  @Test func deepNesting() throws {
    let depth = 100_000
    try Self.expectRefused(
      "deep.xml",
      Self.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<capstan \(Self.ns)>"
          + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
          + "</capstan>\n"), message: "unexpected <a> in <capstan>")
  }

  @Test func hundredMegabyteAttribute() throws {
    try Self.expectRefused(
      "huge-attribute.xml",
      { url in
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        handle.write(
          Data(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<capstan \(Self.ns)><company name=\"".utf8)
        )
        let chunk = Data(repeating: UInt8(ascii: "A"), count: 1 << 20)
        for _ in 0..<100 { handle.write(chunk) }
        handle.write(Data("\" currency=\"USD\" incorporated=\"2025-01-01\"/></capstan>\n".utf8))
      }, message: "too long")
  }

  @Test func malformedXML() throws {
    try Self.expectRefused(
      "malformed.xml",
      Self.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<capstan \(Self.ns)>\n<company name=\"A\" currency=\"USD\"\n</capstan>\n"
      ), message: "malformed.xml:")
  }

  @Test func wrongEncodingDeclaration() throws {
    try Self.expectRefused(
      "utf16-label.xml",
      Self.write(
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<capstan \(Self.ns)><company name=\"Zoë\"/></capstan>\n"
      ), message: "UTF-16")
    try Self.expectRefused(
      "latin1-label.xml",
      Self.write(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<capstan \(Self.ns)><company name=\"Zoë\"/></capstan>\n"
      ), message: "only UTF-8 is accepted")
  }

  @Test func zipBombInsideAWorkbook() throws {
    try Self.expectRefused(
      "bomb.xlsx",
      { url in
        let archive = try Archive(url: url, accessMode: .create)
        let workbook = Data(WorkbookBuilder.workbookXML(sheets: ["Holdings"]).utf8)
        try archive.addEntry(
          with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(workbook.count),
          compressionMethod: .deflate,
          provider: { (position: Int64, size: Int) -> Data in
            workbook.subdata(in: Int(position)..<Int(position) + size)
          }
        )
        let relations = Data(WorkbookBuilder.relationsXML(count: 1).utf8)
        try archive.addEntry(
          with: "xl/_rels/workbook.xml.rels", type: .file,
          uncompressedSize: Int64(relations.count), compressionMethod: .deflate,
          provider: { (position: Int64, size: Int) -> Data in
            relations.subdata(in: Int(position)..<Int(position) + size)
          }
        )
        // 200 MiB of spaces deflate to about 200 KB (a ratio near 1000:1).
        let chunk = Data(repeating: UInt8(ascii: " "), count: 1 << 16)
        try archive.addEntry(
          with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: 200 << 20,
          compressionMethod: .deflate, bufferSize: 1 << 16,
          provider: { (_: Int64, size: Int) -> Data in chunk.prefix(size) })
      }, message: "zip bomb")
  }

  @Test func zipEntryOutsideThePackage() throws {
    try Self.expectRefused(
      "escape.xlsx",
      { url in
        try WorkbookBuilder.write(
          [
            ("xl/workbook.xml", Data(WorkbookBuilder.workbookXML(sheets: ["S"]).utf8)),
            ("../../evil.xml", Data("<x/>".utf8)),
          ], to: url)
      }, message: "outside the package")
  }

  @Test func truncatedZip() throws {
    try Self.expectRefused(
      "truncated.xlsx",
      { url in
        let whole = url.deletingLastPathComponent().appendingPathComponent("whole.xlsx")
        try WorkbookBuilder.write(
          sheet: [#"<c r="A1" t="inlineStr"><is><t>Shareholder</t></is></c>"#], to: whole)
        let data = try Data(contentsOf: whole)
        try data.prefix(data.count / 2).write(to: url)
      }, message: "truncated")
  }
}
