/// Who takes part in a round: a stakeholder of the ledger by id, or a new investor by name.
///
/// Rounds join holders on `key` (a stakeholder's id, or a new investor's name exactly as
/// given); `name` is for display only, so two stakeholders whose names differ only by case or
/// spaces stay apart. A hand-built capitalization (a scenario file, a what-if in a test) has no
/// ledger: its holders are all named parties, written as string literals.
public struct RoundParticipant: Sendable, Hashable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// What a participant is joined on.
  public enum Key: Sendable, Hashable, Codable {
    /// A stakeholder of the company's ledger.
    case stakeholder(Stakeholder.ID)
    /// A party the ledger does not hold: a new investor, which closing the round adds as a
    /// stakeholder, or a holder of a hand-built capitalization.
    case newInvestor(String)
  }

  /// What the round joins on.
  public var key: Key
  /// The name shown in tables and messages.
  public var name: String

  /// A stakeholder of the ledger, shown as `name`.
  public static func stakeholder(_ id: Stakeholder.ID, name: String) -> RoundParticipant {
    RoundParticipant(key: .stakeholder(id), name: name)
  }

  /// A party outside the ledger, known by its name.
  public static func newInvestor(_ name: String) -> RoundParticipant {
    RoundParticipant(key: .newInvestor(name), name: name)
  }

  /// A participant.
  public init(key: Key, name: String) {
    self.key = key
    self.name = name
  }

  /// A party outside the ledger named by a literal (hand-built capitalizations and tests).
  public init(stringLiteral name: String) {
    self.init(key: .newInvestor(name), name: name)
  }

  /// The stakeholder's id, nil for a new investor.
  public var stakeholder: Stakeholder.ID? {
    if case .stakeholder(let id) = key { return id }
    return nil
  }

  /// The display name.
  public var description: String { name }
}

extension Stakeholder {
  /// The stakeholder a person means by `name`: the one with exactly this name (leading and
  /// trailing spaces aside), else the only one whose name matches ignoring case; nil when none
  /// does, or when several match only ignoring case.
  ///
  /// The one place a typed or saved name becomes an id; everything after it joins on ids.
  public static func named(_ name: String, in stakeholders: some Collection<Stakeholder>)
    -> Stakeholder?
  {
    let wanted = name.trimmingSpaces
    if let exact = stakeholders.first(where: { $0.name.trimmingSpaces == wanted }) {
      return exact
    }
    let lower = wanted.lowercased()
    let loose = stakeholders.filter { $0.name.lowercased() == lower }
    return loose.count == 1 ? loose.first : nil
  }
}
