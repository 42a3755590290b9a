import CapstanModel

/// `capstan stakeholder history`: a stakeholder's current values and their dated changes.
public struct StakeholderHistoryView: RenderedView {
  /// The stakeholder.
  public var stakeholder: Stakeholder
  /// Its changes, oldest first.
  public var changes: [StakeholderChange]
  /// A history has no view date: nil.
  public var laterEntries: LaterEntries? { nil }

  /// The history of `stakeholder` among every recorded change.
  public init(_ stakeholder: Stakeholder, history: [StakeholderChange]) {
    self.stakeholder = stakeholder
    self.changes = history.filter { $0.stakeholder == stakeholder.id }
  }

  private var rows: [[String]] {
    changes.map { [$0.date.iso, $0.field.rawValue, $0.old ?? "", $0.new ?? ""] }
  }

  /// The current values, then the changes.
  public func text() -> String {
    var text = "\(stakeholder.name) (\(stakeholder.kind.rawValue))"
    if let email = stakeholder.email { text += " <\(email)>" }
    text += "\n"
    guard !changes.isEmpty else { return text + "No changes recorded.\n" }
    var table = TextTable([("Date", .left), ("Field", .left), ("Old", .left), ("New", .left)])
    rows.forEach { table.add($0) }
    return text + table.render()
  }

  /// The changes as CSV rows.
  public func csv() -> String { CSV.render(header: ["date", "field", "old", "new"], rows: rows) }

  /// The current values and the changes.
  public func json() -> JSON {
    let history = changes.map { change in
      JSON.object([
        ("date", .string(change.date.iso)), ("field", .string(change.field.rawValue)),
        ("old", .optional(change.old)), ("new", .optional(change.new)),
      ])
    }
    return .object([
      ("name", .string(stakeholder.name)), ("kind", .string(stakeholder.kind.rawValue)),
      ("email", .optional(stakeholder.email)), ("history", .array(history)),
    ])
  }
}
