/// A dated change to a stakeholder's reference data: its name, kind or e-mail.
///
/// Stakeholders are shared by every company of a workspace and kept append-only: the row a
/// stakeholder was added with never changes, and its current values are that row with every
/// change applied in recording order. Holdings name the stakeholder by id, so a rename shows in
/// every view of every company.
public struct StakeholderChange: Sendable, Hashable, Codable {
  /// Which value changed.
  public enum Field: String, Sendable, Codable, CaseIterable {
    /// The name.
    case name
    /// Individual or institution.
    case kind
    /// The contact e-mail.
    case email
  }

  /// The stakeholder changed.
  public var stakeholder: Stakeholder.ID
  /// When the change was made (or took effect).
  public var date: CalendarDate
  /// Which value changed.
  public var field: Field
  /// The value before the change (nil: no e-mail).
  public var old: String?
  /// The value after the change (nil: the e-mail was removed).
  public var new: String?

  /// A change.
  public init(
    stakeholder: Stakeholder.ID, date: CalendarDate, field: Field, old: String?, new: String?
  ) {
    self.stakeholder = stakeholder
    self.date = date
    self.field = field
    self.old = old
    self.new = new
  }
}

extension Stakeholder {
  /// This stakeholder with `change` applied (unchanged when the change is for another one, or
  /// names a kind this build does not know).
  public func applying(_ change: StakeholderChange) -> Stakeholder {
    guard change.stakeholder == id else { return self }
    var changed = self
    switch change.field {
    case .name: if let name = change.new { changed.name = name }
    case .kind: if let kind = change.new.flatMap(Kind.init(rawValue:)) { changed.kind = kind }
    case .email: changed.email = change.new
    }
    return changed
  }

  /// The stakeholders with `changes` applied in order.
  public static func current(_ stakeholders: [Stakeholder], changes: [StakeholderChange])
    -> [Stakeholder]
  {
    guard !changes.isEmpty else { return stakeholders }
    var index: [ID: Int] = [:]
    for (offset, stakeholder) in stakeholders.enumerated() { index[stakeholder.id] = offset }
    var result = stakeholders
    for change in changes {
      if let offset = index[change.stakeholder] {
        result[offset] = result[offset].applying(change)
      }
    }
    return result
  }
}
