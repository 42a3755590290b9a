import CapstanModel

/// `capstan company list` and `capstan stakeholder list`: the workspace's companies or
/// stakeholders, each with the id the team server's routes and `user add --stakeholder` take.
public struct WorkspaceListView: RenderedView {
  /// The text columns.
  public var columns: [String]
  /// The CSV and JSON fields.
  public var header: [String]
  /// The rows (an empty string is null in JSON where `optional` names the field).
  public var rows: [[String]]
  /// Fields that are null in JSON when empty.
  public var optional: Set<String>
  /// What the text says when there are no rows.
  public var none: String
  /// A list has no date: nil.
  public var laterEntries: LaterEntries? { nil }

  /// The workspace's companies.
  public static func companies(_ companies: [Company]) -> WorkspaceListView {
    WorkspaceListView(
      columns: ["Company", "Id", "Currency", "Incorporated"],
      header: ["name", "id", "currency", "incorporated"],
      rows: companies.map { [$0.name, $0.id.rawValue, $0.currency.code, $0.incorporated.iso] },
      optional: [],
      none: "No companies yet.\n")
  }

  /// The workspace's stakeholders.
  public static func stakeholders(_ stakeholders: [Stakeholder]) -> WorkspaceListView {
    WorkspaceListView(
      columns: ["Stakeholder", "Id", "Kind", "E-mail"], header: ["name", "id", "kind", "email"],
      rows: stakeholders.map { [$0.name, $0.id.rawValue, $0.kind.rawValue, $0.email ?? ""] },
      optional: ["email"], none: "No stakeholders yet.\n")
  }

  /// The text table.
  public func text() -> String {
    guard !rows.isEmpty else { return none }
    var table = TextTable(columns.map { ($0, .left) })
    rows.forEach { table.add($0) }
    return table.render()
  }

  /// The CSV rows.
  public func csv() -> String { CSV.render(header: header, rows: rows) }

  /// The JSON array of objects.
  public func json() -> JSON {
    .array(
      rows.map { row in
        .object(
          zip(header, row).map { key, value in
            (key, optional.contains(key) && value.isEmpty ? .null : .string(value))
          })
      })
  }
}
