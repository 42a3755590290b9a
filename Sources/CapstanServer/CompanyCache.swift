import CapstanEngine
import CapstanModel

/// The replayed cap tables of each company, kept between requests: a read replays a ledger
/// only when the company's latest audit record (`Workspace.latestAuditPosition(for:)`: every
/// write that changes what its ledger reads makes one, from this server, the CLI or another
/// server on the same store) moved since the cached copy, or for a date not cached yet.
actor CompanyCache {
  private struct Entry {
    var version: Int
    var ledger: Ledger
    var tables: [CalendarDate: CapTable] = [:]
    /// Rendered documents, by date and the view's parameters (the table route's JSON).
    var documents: [DocumentKey: String] = [:]
  }

  /// A rendered document's key: the date and the view's parameters.
  struct DocumentKey: Hashable {
    var date: CalendarDate
    var view: String
  }

  private let workspace: any Workspace
  private var entries: [Company.ID: Entry] = [:]
  /// How many replays were computed (for tests: a cached read adds none).
  private(set) var replays = 0
  /// How many documents were rendered (for tests: a cached read adds none).
  private(set) var renders = 0
  /// Tables kept per company (the oldest dropped first beyond it).
  private let tablesPerCompany = 8

  init(workspace: any Workspace) { self.workspace = workspace }

  /// The company's ledger, current as of its latest sequence.
  func ledger(_ company: Company.ID) async throws -> Ledger {
    try await entry(company).ledger
  }

  /// The company's table as of `date`, replayed once per version and date.
  func table(_ company: Company.ID, asOf date: CalendarDate) async throws -> (Ledger, CapTable) {
    let current = try await entry(company)
    if let table = current.tables[date] { return (current.ledger, table) }
    let ledger = current.ledger
    let table = try await Blocking.run { try ledger.replay(asOf: date) }
    replays += 1
    if var kept = entries[company], kept.version == current.version {
      if kept.tables.count >= tablesPerCompany, let first = kept.tables.keys.first {
        kept.tables[first] = nil
      }
      kept.tables[date] = table
      entries[company] = kept
    }
    return (ledger, table)
  }

  /// The document `render` makes of the company's table as of `date`, kept per version, date
  /// and `view` (the parameters that change the document: basis, grouping), so a repeated
  /// read answers without computing the view again (for 10,000 holders that takes longer than
  /// the replay). `render` runs off the actor, on a blocking thread.
  func document(
    _ company: Company.ID, asOf date: CalendarDate, view: String,
    render: @escaping @Sendable (Ledger, CapTable) throws -> String
  ) async throws -> String {
    let key = DocumentKey(date: date, view: view)
    let current = try await entry(company)
    if let document = current.documents[key] { return document }
    let (ledger, table) = try await self.table(company, asOf: date)
    let document = try await Blocking.run { try render(ledger, table) }
    renders += 1
    if var kept = entries[company], kept.version == current.version {
      if kept.documents.count >= tablesPerCompany, let first = kept.documents.keys.first {
        kept.documents[first] = nil
      }
      kept.documents[key] = document
      entries[company] = kept
    }
    return document
  }

  /// Forgets a company (after the server wrote to it).
  func invalidate(_ company: Company.ID) { entries[company] = nil }

  private func entry(_ company: Company.ID) async throws -> Entry {
    let workspace = self.workspace
    let version = try await Blocking.run { try workspace.latestAuditPosition(for: company) }
    if let cached = entries[company], cached.version == version { return cached }
    let ledger = try await Blocking.run { try workspace.ledger(for: company) }
    let fresh = Entry(version: version, ledger: ledger)
    entries[company] = fresh
    return fresh
  }
}
