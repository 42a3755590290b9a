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

extension AcceleratedVesting: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.acceleration`.
  public static var kind: LedgerEvent.Kind { .acceleration }

  /// The event: `LedgerEvent.accelerateVesting`.
  public var ledgerEvent: LedgerEvent { .accelerateVesting(self) }

  /// Every security id the event creates or names.
  public var securityIDs: [SecurityID] { [security] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.accelerate(self, on: date)
  }
}
