import ArgumentParser
import CapstanModel
import CapstanStore
import Foundation

/// `capstan workspace ...`: whole workspaces.
struct WorkspaceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "workspace",
    abstract: "Whole workspaces: copy one between SQLite and PostgreSQL.",
    subcommands: [Copy.self])

  /// `capstan workspace copy FROM TO`.
  struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "copy",
      abstract: "Copy a workspace into a new one, in the same store or the other.",
      discussion: """
        Examples:
          capstan workspace copy acme.db postgres://capstan@db.internal:5432/acme
          capstan workspace copy postgres://capstan@db.internal:5432/acme backup.db
        Everything is copied with its ids: companies, stakeholders and their history, classes,
        plans, every ledger with its last batch (what `undo` voids), saved rounds, valuations,
        control records, tokens and prices; the users with their roles and API tokens' hashes,
        and every audit record (each ledger row still naming its own). TO is created and must
        not hold a workspace (a PostgreSQL database must exist, empty). Each ledger is replayed
        before anything is written; the copy is one transaction, so a refused copy writes
        nothing (a new file is removed again; a PostgreSQL database keeps the empty workspace).
        """)

    @Argument(help: "The workspace to copy: a file, sqlite:FILE or postgres://USER@HOST:PORT/DB.")
    var from: String

    @Argument(help: "The new workspace, in the same forms.")
    var to: String

    @Option(help: "Seconds to wait for a SQLite workspace another process is writing.")
    var wait: Double = 5

    func run() throws {
      let origin = StoreLocation(try WorkspaceLocation(from))
      let source = try origin.open(wait: wait)
      let target = StoreLocation(try WorkspaceLocation(to))
      let destination = try target.create()
      do {
        try destination.write { draft in try draft.copy(from: source) }
      } catch {
        if case .sqlite(let path) = target.location {
          for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
          }
        }
        throw error
      }
      let companies = try destination.companies()
      let transactions = try destination.ledgers(for: companies.map(\.id))
        .reduce(0) { $0 + $1.transactions.count }
      print(
        "Copied \(companies.count) companies, \(try destination.stakeholders().count) "
          + "stakeholders, \(transactions) transactions, "
          + "\(try destination.accessDirectory().users.count) users and "
          + "\(try source.auditRecords().count) audit records from \(origin) to \(target)")
    }
  }
}
