import CapstanModel

/// The vesting of one holding's options and stock, when a scenario file states it.
public struct ScenarioHoldingVesting: Sendable, Hashable {
  /// The holding's index in `Scenario.holdings`.
  public var holding: Int
  /// Vesting of the options granted to the holding (`capstan apply` grants them on these).
  public var options: VestingTerms?
  /// Vesting of the holding's stock (restricted stock).
  public var stock: VestingTerms?

  /// Vesting terms for a holding.
  public init(holding: Int, options: VestingTerms? = nil, stock: VestingTerms? = nil) {
    self.holding = holding
    self.options = options
    self.stock = stock
  }
}

/// An event vesting depends on, in a scenario: a change of control, a termination, or a
/// milestone reached (the ledger events of `capstan event record`).
public struct ScenarioVestingEvent: Sendable, Hashable {
  /// Which event.
  public enum Kind: Sendable, Hashable {
    /// A change of control.
    case changeOfControl(note: String?)
    /// The end of a holder's service (one security, or all of the holder's).
    case termination(holder: String, security: SecurityID?, withoutCause: Bool)
    /// A milestone reached, for one security, one holder, or every security naming it.
    case milestone(name: String, holder: String?, security: SecurityID?)
  }

  /// The event.
  public var kind: Kind
  /// The day it happens.
  public var date: CalendarDate

  /// An event.
  public init(_ kind: Kind, date: CalendarDate) {
    self.kind = kind
    self.date = date
  }
}

extension Scenario {
  /// The vesting terms of holding `index`'s options and stock, if the file gives any.
  public func vesting(ofHolding index: Int) -> ScenarioHoldingVesting? {
    holdingVesting.first { $0.holding == index }
  }
}
