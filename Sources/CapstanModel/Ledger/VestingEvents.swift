/// A change of control of the company (a sale or merger): single-trigger acceleration happens
/// on it, and it opens the window of double-trigger acceleration.
public struct ChangeOfControl: Sendable, Hashable, Codable {
  /// A description (`acquired by MegaCorp`), if any.
  public var note: String?

  /// A change of control.
  public init(note: String? = nil) { self.note = note }
}

/// A holder's service ends: vesting stops, unvested options are cancelled (back to the pool
/// unless the plan retires them), and a termination without cause inside a change of
/// control's window triggers double-trigger acceleration first.
///
/// Restricted stock stops vesting too; its unvested shares stay outstanding, subject to the
/// company's repurchase right (record it with `capstan repurchase`).
public struct Termination: Sendable, Hashable, Codable {
  /// Whose service ends.
  public var holder: Stakeholder.ID
  /// One security only; nil for every option grant and restricted stock of the holder.
  public var security: SecurityID?
  /// Without cause (or for good reason).
  public var withoutCause: Bool

  /// A termination.
  public init(holder: Stakeholder.ID, security: SecurityID? = nil, withoutCause: Bool) {
    self.holder = holder
    self.security = security
    self.withoutCause = withoutCause
  }
}

/// A named milestone reached: the milestone tranches of that name vest (OCF TX_VESTING_EVENT).
///
/// Applies to one security, to every security of one holder, or, when neither is given, to
/// every security of the company whose terms name the milestone.
public struct MilestoneAchievement: Sendable, Hashable, Codable {
  /// The milestone's name, matched case-insensitively.
  public var name: String
  /// Only this holder's securities, if given.
  public var holder: Stakeholder.ID?
  /// Only this security, if given.
  public var security: SecurityID?

  /// A milestone reached.
  public init(name: String, holder: Stakeholder.ID? = nil, security: SecurityID? = nil) {
    self.name = name
    self.holder = holder
    self.security = security
  }
}

/// A quantity of one security's unvested shares or options vests ahead of schedule, on the
/// transaction's date (OCF TX_VESTING_ACCELERATION): a board decision, a negotiated departure.
///
/// Vested from then on = min(total, vested by the terms + the quantities accelerated so far).
public struct AcceleratedVesting: Sendable, Hashable, Codable {
  /// The option grant or restricted stock.
  public var security: SecurityID
  /// Shares or options that vest at once; at most what is unvested on the date.
  public var quantity: Shares
  /// Why (free text), if given.
  public var reason: String?

  /// An acceleration.
  public init(security: SecurityID, quantity: Shares, reason: String? = nil) {
    self.security = security
    self.quantity = quantity
    self.reason = reason
  }
}
