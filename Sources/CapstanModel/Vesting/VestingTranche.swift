/// An explicit installment: `amount` shares vest on `date` (OCF `VESTING_SCHEDULE_ABSOLUTE`).
public struct VestingTranche: Sendable, Hashable, Codable {
  /// The day it vests.
  public var date: CalendarDate
  /// Shares, in the units of the terms' `basis` (the quantity granted).
  public var amount: Shares

  /// A tranche.
  public init(date: CalendarDate, amount: Shares) {
    self.date = date
    self.amount = amount
  }
}

/// A tranche that vests when a named event is recorded (OCF `VESTING_EVENT`), e.g. `FDA
/// approval`: `capstan event record milestone "FDA approval" --date D`.
public struct VestingMilestone: Sendable, Hashable, Codable {
  /// The event's name, matched case-insensitively.
  public var name: String
  /// Shares, in the units of the terms' `basis` (the quantity granted).
  public var amount: Shares

  /// A milestone tranche.
  public init(name: String, amount: Shares) {
    self.name = name
    self.amount = amount
  }
}

/// What a change of control accelerates: the trigger and the fraction of the unvested.
public struct VestingAcceleration: Sendable, Hashable, Codable {
  /// When acceleration happens.
  public enum Trigger: Sendable, Hashable {
    /// On the change of control itself.
    case single
    /// On a termination without cause within `windowMonths` months after the change of
    /// control (on or after its date, on or before the date `windowMonths` later).
    case double(windowMonths: Int)
  }

  /// The trigger.
  public var trigger: Trigger
  /// The fraction of the shares unvested on the trigger date that vest at once (1 = full).
  public var fraction: Ratio

  /// An acceleration clause.
  public init(trigger: Trigger, fraction: Ratio = .one) {
    self.trigger = trigger
    self.fraction = fraction
  }

  /// `single`, `double 12m`, `single 50%` (the fraction shown when it is not 100 %).
  public var notation: String {
    let part =
      fraction == .one
      ? "" : " " + fraction.percentString(places: 2).replacingOccurrences(of: ".00%", with: "%")
    return switch trigger {
    case .single: "single" + part
    case .double(let window): "double \(window)m" + part
    }
  }

  private enum CodingKeys: String, CodingKey {
    case trigger, fraction
    case windowMonths = "window_months"
  }

  /// Decodes `{"trigger": "single"|"double", "window_months": 12, "fraction": "1"}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    fraction = try container.decode(Ratio.self, forKey: .fraction)
    switch try container.decode(String.self, forKey: .trigger) {
    case "single": trigger = .single
    case "double":
      trigger = .double(windowMonths: try container.decode(Int.self, forKey: .windowMonths))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .trigger, in: container, debugDescription: "unknown trigger \(other)")
    }
  }

  /// Encodes as `init(from:)` reads.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fraction, forKey: .fraction)
    switch trigger {
    case .single: try container.encode("single", forKey: .trigger)
    case .double(let window):
      try container.encode("double", forKey: .trigger)
      try container.encode(window, forKey: .windowMonths)
    }
  }
}
