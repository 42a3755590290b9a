extension WorkspaceDraft {
  /// Renames a stakeholder from `date`, keeping the old name in its history.
  ///
  /// Refused when the new name is not a valid name, or when another stakeholder already has
  /// it (case-insensitively); renaming to the same name is refused as a change of nothing.
  @discardableResult
  public mutating func renameStakeholder(
    _ id: Stakeholder.ID, to name: String, date: CalendarDate
  ) throws(LedgerError) -> StakeholderChange {
    let trimmed = name.trimmingSpaces
    if let reason = NameText.problem(trimmed) {
      throw .invalidName(kind: "stakeholder", name: trimmed, reason: reason)
    }
    let current = try stakeholder(id)
    if let holder = stakeholders.first(where: {
      $0.id != id && $0.name.lowercased() == trimmed.lowercased()
    }) {
      throw .duplicateName(kind: "stakeholder", name: holder.name)
    }
    guard current.name != trimmed else {
      throw .invalidName(kind: "stakeholder", name: trimmed, reason: "it is the current name")
    }
    return record(
      StakeholderChange(
        stakeholder: id, date: date, field: .name, old: current.name, new: trimmed))
  }

  /// Changes a stakeholder's kind or e-mail from `date`, keeping the old value in its history.
  ///
  /// Returns nil, recording nothing, when the value is already the current one.
  @discardableResult
  public mutating func setStakeholder(
    _ id: Stakeholder.ID, kind: Stakeholder.Kind? = nil, email: String? = nil,
    date: CalendarDate
  ) throws(LedgerError) -> [StakeholderChange] {
    var recorded: [StakeholderChange] = []
    if let kind {
      let current = try stakeholder(id)
      if current.kind != kind {
        recorded.append(
          record(
            StakeholderChange(
              stakeholder: id, date: date, field: .kind, old: current.kind.rawValue,
              new: kind.rawValue)))
      }
    }
    if let email {
      let current = try stakeholder(id)
      let trimmed = email.trimmingSpaces
      let new: String? = trimmed.isEmpty ? nil : trimmed
      if current.email != new {
        recorded.append(
          record(
            StakeholderChange(
              stakeholder: id, date: date, field: .email, old: current.email, new: new)))
      }
    }
    return recorded
  }

  /// The stakeholder with this id, as it is now.
  private func stakeholder(_ id: Stakeholder.ID) throws(LedgerError) -> Stakeholder {
    guard let found = stakeholders.first(where: { $0.id == id }) else {
      throw .unknownStakeholder(id.rawValue)
    }
    return found
  }

  /// Applies a change to the draft's stakeholders and ledgers, and keeps it for the store.
  private mutating func record(_ change: StakeholderChange) -> StakeholderChange {
    stakeholders = stakeholders.map { $0.applying(change) }
    stakeholderKeys = nil
    for company in ledgers.keys {
      if let holder = ledgers[company]?.stakeholders[change.stakeholder] {
        ledgers[company]?.stakeholders[change.stakeholder] = holder.applying(change)
      }
    }
    changes.stakeholderChanges.append(change)
    return change
  }
}
