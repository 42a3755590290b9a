/// Compute drawn under a compute-SAFE on the transaction's date: the purchase amount accrues
/// units × the agreed price, unless the date falls inside an SLA breach and the terms suspend
/// accrual.
public struct ComputeSAFEDraw: Sendable, Hashable, Codable {
  /// The compute-SAFE drawn on.
  public var security: SecurityID
  /// The units drawn (tokens or GPU-hours, as the compute-SAFE counts them).
  public var units: Ratio

  /// A draw.
  public init(security: SecurityID, units: Ratio) {
    self.security = security
    self.units = units
  }
}

extension ComputeSAFEDraw: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.computeSAFEDraw`.
  public static var kind: LedgerEvent.Kind { .computeSAFEDraw }

  /// The event: `LedgerEvent.drawComputeSAFE`.
  public var ledgerEvent: LedgerEvent { .drawComputeSAFE(self) }

  /// The compute-SAFE drawn on.
  public var securityIDs: [SecurityID] { [security] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.drawComputeSAFE(self, on: date)
  }
}
