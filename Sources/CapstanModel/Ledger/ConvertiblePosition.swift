/// A SAFE or convertible note outstanding on the snapshot date.
public enum ConvertiblePosition: Sendable, Hashable, Codable {
  /// A SAFE and its issue date.
  case safe(SAFEIssuance, issued: CalendarDate)
  /// A note and its issue date.
  case note(NoteIssuance, issued: CalendarDate)

  /// The holder.
  public var holder: Stakeholder.ID {
    switch self {
    case .safe(let safe, _): safe.holder
    case .note(let note, _): note.holder
    }
  }

  /// The amount invested (purchase amount or principal).
  public var amount: Ratio {
    switch self {
    case .safe(let safe, _): safe.purchaseAmount
    case .note(let note, _): note.principal
    }
  }
}

/// A warrant and what is left of it.
public struct WarrantPosition: Sendable, Hashable, Codable {
  /// The warrant as issued.
  public internal(set) var issuance: WarrantIssuance
  /// Its issue date.
  public let issued: CalendarDate
  /// Shares it can still buy (after splits of its class).
  public internal(set) var outstanding: Shares
  /// The exercise price per share now (after splits of its class).
  public internal(set) var strike: Ratio

  init(issuance: WarrantIssuance, issued: CalendarDate, outstanding: Shares) {
    self.issuance = issuance
    self.issued = issued
    self.outstanding = outstanding
    self.strike = issuance.strike
  }
}
