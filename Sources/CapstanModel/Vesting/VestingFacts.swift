/// What the ledger has recorded about one security's vesting: the change of control that
/// applies to it, its holder's termination, and the milestones reached.
///
/// Replay keeps these on each position (`OptionPosition.vestingFacts`,
/// `StockPosition.vestingFacts`); evaluation reads only facts dated on or before the date asked.
public struct VestingFacts: Sendable, Hashable, Codable {
  /// The first change of control on or after the grant, if any.
  public var changeOfControl: CalendarDate?
  /// The holder's termination, if any.
  public var termination: Termination?
  /// Milestones reached, each once, with the day it was recorded.
  public var milestones: [Milestone]
  /// Quantities accelerated by `accelerateVesting` transactions, in date order.
  public var accelerations: [Acceleration] = []

  /// A quantity accelerated on a date (in the security's shares or options on that date).
  public struct Acceleration: Sendable, Hashable, Codable {
    /// The day it vested.
    public var date: CalendarDate
    /// How many.
    public var quantity: Shares

    /// An acceleration.
    public init(date: CalendarDate, quantity: Shares) {
      self.date = date
      self.quantity = quantity
    }
  }

  /// Splits the accelerated quantities with their security (each floored, as positions are).
  mutating func scaleAccelerations(by scaled: (Shares) -> Shares) {
    guard !accelerations.isEmpty else { return }
    for index in accelerations.indices {
      accelerations[index].quantity = scaled(accelerations[index].quantity)
    }
  }

  /// The quantities accelerated by the end of `date`.
  public func accelerated(asOf date: CalendarDate) -> Shares {
    var total = Shares.zero
    for acceleration in accelerations where acceleration.date <= date {
      total += acceleration.quantity
    }
    return total
  }

  /// A termination as it affects one security.
  public struct Termination: Sendable, Hashable, Codable {
    /// The last day of service.
    public var date: CalendarDate
    /// Without cause (or for good reason): the second trigger of double-trigger acceleration.
    public var withoutCause: Bool
    /// Unvested options cancelled on termination (returned to the pool unless the plan
    /// retires them); for restricted stock, the unvested shares left subject to repurchase.
    public var forfeited: Shares

    /// A termination.
    public init(date: CalendarDate, withoutCause: Bool, forfeited: Shares = .zero) {
      self.date = date
      self.withoutCause = withoutCause
      self.forfeited = forfeited
    }
  }

  /// A milestone reached.
  public struct Milestone: Sendable, Hashable, Codable {
    /// The milestone's name as the terms write it.
    public var name: String
    /// The day it was recorded.
    public var date: CalendarDate

    /// A milestone reached.
    public init(name: String, date: CalendarDate) {
      self.name = name
      self.date = date
    }
  }

  /// Facts.
  public init(
    changeOfControl: CalendarDate? = nil, termination: Termination? = nil,
    milestones: [Milestone] = []
  ) {
    self.changeOfControl = changeOfControl
    self.termination = termination
    self.milestones = milestones
  }

  /// Nothing recorded.
  public static let none = VestingFacts()

  /// Whether nothing is recorded.
  public var isEmpty: Bool {
    changeOfControl == nil && termination == nil && milestones.isEmpty && accelerations.isEmpty
  }

  /// The day `name` was reached (matched case-insensitively), if it was.
  public func reached(_ name: String) -> CalendarDate? {
    if milestones.isEmpty { return nil }
    // Replay records the terms' own spelling, so the exact match is the usual one.
    if let exact = milestones.first(where: { $0.name == name }) { return exact.date }
    let key = name.lowercased()
    return milestones.first { $0.name.lowercased() == key }?.date
  }
}
