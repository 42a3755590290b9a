import Foundation

/// Who wrote, when, from where, and what: one record per company a write changed (one
/// without a company when it changed none), appended in the write's own transaction.
public struct AuditRecord: Sendable, Hashable, Codable {
  /// The record's id (a UUID).
  public var id: String
  /// Who wrote: a user's id, or `cli:<operating-system user>`.
  public var who: String
  /// When (UTC, ISO 8601 with milliseconds).
  public var at: String
  /// Where from: the client's address, or `cli`.
  public var from: String
  /// The request's id (one per command or HTTP request).
  public var requestID: String
  /// The company written to (nil: none, e.g. a user added).
  public var company: Company.ID?
  /// What was done: the command or the route.
  public var action: String
  /// The sequences of the ledger transactions written (nil: none).
  public var sequences: ClosedRange<Int>?

  /// A record.
  public init(
    id: String, who: String, at: String, from: String, requestID: String, company: Company.ID?,
    action: String, sequences: ClosedRange<Int>?
  ) {
    self.id = id
    self.who = who
    self.at = at
    self.from = from
    self.requestID = requestID
    self.company = company
    self.action = action
    self.sequences = sequences
  }

  /// A record of `context` now, with a new id.
  public init(_ context: AuditContext, company: Company.ID?, sequences: ClosedRange<Int>?) {
    self.init(
      id: UUID().uuidString.lowercased(), who: context.who, at: Self.now(), from: context.from,
      requestID: context.requestID, company: company, action: context.action,
      sequences: sequences)
  }

  /// The current instant as an audit record writes it: `2026-12-08T00:13:23.412Z`.
  public static func now() -> String {
    Date().formatted(
      Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
  }
}

/// Who is writing and why, for the audit records of a write.
public struct AuditContext: Sendable, Hashable, Codable {
  /// A user's id, or `cli:<operating-system user>`.
  public var who: String
  /// The client's address, or `cli`.
  public var from: String
  /// The request's id.
  public var requestID: String
  /// The command or route.
  public var action: String

  /// A context.
  public init(who: String, from: String, requestID: String, action: String) {
    self.who = who
    self.from = from
    self.requestID = requestID
    self.action = action
  }

  /// The context of a command-line write: `cli:$USER`, from `cli`, the command line.
  public static func commandLine() -> AuditContext {
    let user = systemUser(environment: ProcessInfo.processInfo.environment, account: NSUserName())
    return AuditContext(
      who: "cli:\(user)", from: "cli", requestID: UUID().uuidString.lowercased(),
      action: commandWords(CommandLine.arguments.dropFirst()))
  }

  /// Who runs the command: `$USER`, else `$LOGNAME`, else the process's account name (a
  /// service or container often sets neither variable), else `unknown`.
  static func systemUser(environment: [String: String], account: String) -> String {
    for candidate in [environment["USER"], environment["LOGNAME"], account] {
      if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
    }
    return "unknown"
  }

  /// The command line as the audit keeps it: the words after `capstan`, a word with spaces in
  /// double quotes, without `--db` and its location (a PostgreSQL URL may hold a password),
  /// at most 500 characters.
  static func commandWords(_ arguments: ArraySlice<String>) -> String {
    var words: [String] = []
    var skipNext = false
    for word in arguments {
      if skipNext {
        skipNext = false
        continue
      }
      if word == "--db" {
        skipNext = true
        continue
      }
      if word.hasPrefix("--db=") { continue }
      words.append(word.contains(" ") || word.isEmpty ? "\"\(word)\"" : word)
    }
    let line = words.joined(separator: " ")
    return line.isEmpty ? "write" : String(line.prefix(500))
  }
}

extension WorkspaceChanges {
  /// Whether the write changes anything a store keeps (and so is audited).
  public var writesSomething: Bool {
    !isEmpty
  }

  /// The audit records of this write, one per company it changed (with its batch), or one
  /// without a company; none when it writes nothing. Made with `audit`, else the command line.
  public func auditRecords() -> [AuditRecord] {
    guard writesSomething else { return [] }
    let context = audit ?? .commandLine()
    var companies: [Company.ID] = []
    func touch(_ id: Company.ID) { if !companies.contains(id) { companies.append(id) } }
    changes(companies: touch)
    let batches = Dictionary(
      batches.map { ($0.company, $0.sequences) }, uniquingKeysWith: { first, _ in first })
    if companies.isEmpty { return [AuditRecord(context, company: nil, sequences: nil)] }
    return companies.map { AuditRecord(context, company: $0, sequences: batches[$0]) }
  }

  /// Calls `touch` with each company the write changes, in a stable order.
  private func changes(companies touch: (Company.ID) -> Void) {
    for company in self.companies { touch(company.id) }
    for entry in transactions { touch(entry.company) }
    for entry in classes { touch(entry.company) }
    for entry in plans { touch(entry.company) }
    for entry in rounds { touch(entry.company) }
    for entry in valuations { touch(entry.company) }
    for entry in controlRecords { touch(entry.company) }
    for entry in offers { touch(entry.company) }
    for change in access {
      if case .grant(let grant) = change { touch(grant.company) }
      if case .revoke(_, let company) = change { touch(company) }
    }
  }
}
