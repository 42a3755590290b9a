import CapstanModel
import CapstanStore

/// The one factory of workspaces: opens or creates the workspace at any location, in the
/// store its scheme names (a SQLite file, or a PostgreSQL database). The CLI opens every
/// workspace through it.
public enum WorkspaceStores {
  /// Opens the existing workspace at `location`; `wait` is how long a SQLite file's writer is
  /// waited for (a PostgreSQL writer waits for the company's lock as long as it is held).
  public static func open(_ location: WorkspaceLocation, wait: Double = 5) throws
    -> any Workspace
  {
    switch location {
    case .sqlite: try location.open(wait: wait)
    case .postgres(let url): try PostgresWorkspace.open(PostgresAddress(url))
    }
  }

  /// Creates an empty workspace at `location`, which must not hold one.
  @discardableResult
  public static func create(_ location: WorkspaceLocation) throws -> any Workspace {
    switch location {
    case .sqlite: try location.create()
    case .postgres(let url): try PostgresWorkspace.create(PostgresAddress(url))
    }
  }
}
