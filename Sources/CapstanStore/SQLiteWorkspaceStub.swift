import CapstanModel

// Temporary stand-in until the GRDB store lands (replaced at merge).
public final class SQLiteWorkspace: Workspace {
  let inner = InMemoryWorkspace()
  public static func create(at path: String) throws -> SQLiteWorkspace { SQLiteWorkspace() }
  public static func open(at path: String) throws -> SQLiteWorkspace { SQLiteWorkspace() }
  public func companies() throws -> [Company] { try inner.companies() }
  public func stakeholders() throws -> [Stakeholder] { try inner.stakeholders() }
  public func ledger(for company: Company.ID) throws -> Ledger { try inner.ledger(for: company) }
  public func write<T>(_ body: (inout WorkspaceDraft) throws -> T) throws -> T {
    try inner.write(body)
  }
}
