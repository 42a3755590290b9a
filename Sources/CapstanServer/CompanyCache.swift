import CapstanEngine
import CapstanModel

/// The replayed cap tables of each company, kept between requests: a read replays a ledger
/// only when the company's latest transaction sequence (its last write's batch) changed
/// since the cached copy, or for a date not cached yet.
actor CompanyCache {
  private struct Entry {
    var version: Int?
    var ledger: Ledger
    var tables: [CalendarDate: CapTable] = [:]
  }

  private let workspace: any Workspace
  private var entries: [Company.ID: Entry] = [:]
  /// How many replays were computed (for tests: a cached read adds none).
  private(set) var replays = 0
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

  /// Forgets a company (after the server wrote to it).
  func invalidate(_ company: Company.ID) { entries[company] = nil }

  private func entry(_ company: Company.ID) async throws -> Entry {
    let workspace = self.workspace
    let version = try await Blocking.run { try workspace.lastBatch(for: company)?.upperBound }
    if let cached = entries[company], cached.version == version { return cached }
    let ledger = try await Blocking.run { try workspace.ledger(for: company) }
    let fresh = Entry(version: version, ledger: ledger)
    entries[company] = fresh
    return fresh
  }
}
