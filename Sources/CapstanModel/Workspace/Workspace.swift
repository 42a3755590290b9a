/// Where companies, stakeholders and ledgers are kept: the interface the CLI, importers and
/// reports use, so that the SQLite store can be swapped (or faked in tests).
///
/// Every write goes through `write(_:)`: the body sees the current state through a
/// `WorkspaceDraft`, adds to it (each addition validated by replaying the ledger), and the
/// store persists all additions in one transaction, or nothing when the body throws.
public protocol Workspace: Sendable {
  /// All companies, by name.
  func companies() throws -> [Company]
  /// All stakeholders of the workspace, by name.
  func stakeholders() throws -> [Stakeholder]
  /// Every change to a stakeholder's name, kind or e-mail, in recording order (the values
  /// `stakeholders()` gives are the latest).
  func stakeholderHistory() throws -> [StakeholderChange]
  /// A company's ledger, with the workspace's stakeholders.
  func ledger(for company: Company.ID) throws -> Ledger
  /// The ledgers of `companies`, in that order, each with the workspace's stakeholders: what
  /// `ledger(for:)` gives for each, read at once (a portfolio report reads every company).
  func ledgers(for companies: [Company.ID]) throws -> [Ledger]
  /// The sequences of the transactions the last write recorded in the company's ledger (nil
  /// when no write since batches were kept recorded any).
  func lastBatch(for company: Company.ID) throws -> ClosedRange<Int>?
  /// The rounds saved for a company, by closing date.
  func savedRounds(for company: Company.ID) throws -> [SavedRound]
  /// The workspace's compute tokens and their market prices.
  func tokenMarket() throws -> TokenMarket
  /// A company's valuations (409A and others), in the order recorded.
  func valuations(for company: Company.ID) throws -> [ShareValuation]
  /// A company's control records (board seats, provisions, compute use), in the order
  /// recorded.
  func controlRecords(for company: Company.ID) throws -> [ControlRecord]
  /// Runs `body` against the current state and persists what it added, atomically.
  func write<T>(_ body: (inout WorkspaceDraft) throws -> T) throws -> T
  /// Adds a new company whose ledger is too large to hold in memory, in one atomic write.
  ///
  /// `header` adds the company and its reference data to a draft and returns the company's id
  /// with anything the rest needs; `transactions` then gives the company's events one at a
  /// time, in recording order (they get sequences 1, 2, 3...). The whole ledger is replayed
  /// before anything is kept: a ledger error is thrown as the `LedgerFailure` of the
  /// offending transaction, and nothing is written. With `dryRun`, everything is checked and
  /// nothing is kept even on success.
  func importStreaming<Context>(
    dryRun: Bool,
    header: (inout WorkspaceDraft) throws -> (company: Company.ID, context: Context),
    transactions: (Context, _ append: (CalendarDate, LedgerEvent) throws -> Void) throws -> Void
  ) throws -> Context
  /// The workspace's costs to serve its tokens' compute (`token cost`), in recording order.
  func tokenCosts() throws -> [TokenCostMark]
  /// A company's current offers (added and not removed), in the order added.
  func offers(for company: Company.ID) throws -> [Offer]
  /// The workspace's users, roles and API tokens as they stand (`capstan user`).
  func accessDirectory() throws -> AccessDirectory
  /// Every audit record (who wrote what, when, from where), oldest first.
  func auditRecords() throws -> [AuditRecord]

  // Stored replay snapshots (issue 19; `Ledger+Snapshots.swift`, `WorkspaceSnapshots.swift`).
  /// The company's stored replay snapshots, in no particular order (a store's `ledger(for:)`
  /// hands them to the ledger it reads).
  func snapshots(for company: Company.ID) throws -> [LedgerSnapshot]
  /// Keeps a replay snapshot: replaces one at the same checkpoint, keeps only the company's
  /// latest `LedgerSnapshot.keptPerCompany`, and keeps nothing when the company's ledger has
  /// a transaction recorded after the snapshot was taken (`lastSequence`).
  func saveSnapshot(_ snapshot: LedgerSnapshot) throws

  // Round closings (issue 17; `RoundCloseRecord.swift`).
  /// What each `round close` of the company recorded (the run of transactions and the classes
  /// of the close), in recording order.
  func roundClosings(for company: Company.ID) throws -> [RoundCloseRecord]
  // Browser sessions of the team server (issue 20; `BrowserSession`): kept apart from the
  // audited people's changes, each call a small transaction of its own.
  /// Keeps a new browser session (and forgets sessions that expired before it began).
  func addSession(_ session: BrowserSession) throws
  /// The session whose id has this SHA-256 (hex), ended or expired ones included; nil when
  /// none has.
  func session(hash: String) throws -> BrowserSession?
  /// Ends a session at `time` (sign-out): it signs nobody in again. Nothing when none has
  /// this hash or it ended already.
  func endSession(hash: String, at time: Int) throws
  // The audit pointer (issue 20 item 4; `AuditRecord+Pointer.swift`).
  /// The id of the audit record each of the company's transactions points at, by sequence;
  /// rows written before rows kept the pointer are absent.
  func transactionAuditIDs(for company: Company.ID) throws -> [Int: String]
  /// The position (1, 2, 3… in recording order; 0 when none) of the latest audit record of
  /// the company or of no company: every write that changes what the company's ledger reads
  /// (its transactions, classes, plans, a stakeholder's name) moves it, so a reader keeps a
  /// replay until it moves (the server's cache).
  func latestAuditPosition(for company: Company.ID) throws -> Int
}

extension Workspace {
  /// Each company's `ledger(for:)`, in order (a store that can read them at once does).
  public func ledgers(for companies: [Company.ID]) throws -> [Ledger] {
    try companies.map { try ledger(for: $0) }
  }

  /// The company with this name (case-insensitive), or the only one when `name` is nil.
  public func company(named name: String?) throws -> Company {
    let all = try companies()
    if let name {
      if let found = all.first(where: { $0.name == name })
        ?? all.first(where: { $0.name.lowercased() == name.lowercased() })
      {
        return found
      }
      throw WorkspaceError.unknownCompany(name, known: all.map(\.name))
    }
    switch all.count {
    case 1: return all[0]
    case 0: throw WorkspaceError.noCompany
    default: throw WorkspaceError.companyRequired(known: all.map(\.name))
    }
  }
}

/// A problem with the workspace itself rather than with a transaction.
public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
  /// No company has that name.
  case unknownCompany(String, known: [String])
  /// The workspace has no company yet.
  case noCompany
  /// More than one company, and none was named.
  case companyRequired(known: [String])
  /// The file does not exist.
  case missing(path: String)
  /// The file was written by a newer Capstan.
  case newerSchema(path: String, found: [String])
  /// The file is not a Capstan workspace.
  case notAWorkspace(path: String, reason: String)
  /// The underlying database failed.
  case storage(String)
  /// Another process held the workspace longer than this one would wait (the CLI exits 3).
  case busy(String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .unknownCompany(let name, let known):
      let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
      return "no company named '\(name)' in this workspace (companies: \(list))"
    case .noCompany:
      return "this workspace has no company yet"
    case .companyRequired(let known):
      return
        "this workspace holds several companies; choose one with --company (\(known.joined(separator: ", ")))"
    case .missing(let path):
      return "no workspace at \(path)"
    case .newerSchema(let path, let found):
      return
        "\(path) was written by a newer version of Capstan (schema steps \(found.joined(separator: ", ")) "
        + "are unknown to this one); upgrade Capstan to open it"
    case .notAWorkspace(let path, let reason):
      return "\(path) is not a Capstan workspace: \(reason)"
    case .storage(let message):
      return "workspace storage error: \(message)"
    case .busy(let message):
      return message
    }
  }
}
