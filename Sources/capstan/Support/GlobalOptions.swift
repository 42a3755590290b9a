import ArgumentParser
import CapstanModel
import CapstanPostgres
import CapstanReports
import CapstanStore
import Foundation

/// How tabular output is printed: the libraries' `ViewFormat`.
typealias OutputFormat = ViewFormat

/// Options every command takes: the workspace file and the company.
struct WorkspaceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: """
      Workspace: a file, sqlite:FILE or postgres://USER@HOST:PORT/DB (default: $CAPSTAN_DB, \
      else ./capstan.db).
      """)
  var db: String?

  @Option(name: .long, help: "Company to act on; optional when the workspace holds one.")
  var company: String?

  @Option(
    name: .long,
    help: "Seconds to wait for a workspace another process is writing (then exit status 3).")
  var wait: Double = 5

  /// The workspace path from --db, $CAPSTAN_DB or the default.
  var path: String {
    db ?? ProcessInfo.processInfo.environment["CAPSTAN_DB"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "capstan.db"
  }

  /// Where the workspace is (`--db`, `$CAPSTAN_DB` or the default).
  func location() throws -> StoreLocation { StoreLocation(try WorkspaceLocation(path)) }

  /// Opens the existing workspace.
  func open() throws -> any Workspace { try location().open(wait: wait) }

  /// Opens the workspace and picks the company.
  func openCompany() throws -> (any Workspace, Company) {
    let workspace = try open()
    return (workspace, try workspace.company(named: company))
  }

  /// Opens the workspace and reads the company's ledger (`ledger.company` is the company).
  func ledger() throws -> Ledger {
    let (workspace, company) = try openCompany()
    return try workspace.ledger(for: company.id)
  }
}

/// The CLI's one workspace factory: a location opened or created in the store its scheme
/// names (SQLite or PostgreSQL), through `WorkspaceStores`.
struct StoreLocation: CustomStringConvertible {
  /// The location.
  var location: WorkspaceLocation

  init(_ location: WorkspaceLocation) { self.location = location }

  /// The location as the user wrote it (a password hidden).
  var description: String { location.description }

  /// Opens the existing workspace, waiting up to `wait` seconds for a SQLite file's writer.
  func open(wait: Double = 5) throws -> any Workspace {
    try WorkspaceStores.open(location, wait: wait)
  }

  /// Creates an empty workspace.
  @discardableResult
  func create() throws -> any Workspace { try WorkspaceStores.create(location) }
}

/// Options of commands that print tables.
struct FormatOptions: ParsableArguments {
  @Option(name: .long, help: "Output format: text, json or csv.")
  var format: OutputFormat = .text
}

/// Reads typed values from command-line text, naming the option in errors.
enum Parse {
  static func amount(_ text: String, _ field: String) throws -> Ratio {
    try AmountParser.amount(text, field: field)
  }
}
