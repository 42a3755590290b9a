/// A breach of a compute-SAFE's service levels from the transaction's date through `through`
/// (to the end of the window when nil). Under terms with SLA suspension, draws dated inside the
/// period add nothing to the purchase amount (they still count against the commitment).
public struct ComputeSAFEBreach: Sendable, Hashable, Codable {
  /// The compute-SAFE whose service levels were missed.
  public var security: SecurityID
  /// The last day of the breach (inclusive); nil: to the end of the window.
  public var through: CalendarDate?

  /// A breach.
  public init(security: SecurityID, through: CalendarDate? = nil) {
    self.security = security
    self.through = through
  }
}

extension ComputeSAFEBreach: LedgerEventPayload {
  /// The kind: `LedgerEvent.Kind.computeSAFEBreach`.
  public static var kind: LedgerEvent.Kind { .computeSAFEBreach }

  /// The event: `LedgerEvent.breachComputeSAFE`.
  public var ledgerEvent: LedgerEvent { .breachComputeSAFE(self) }

  /// The compute-SAFE named.
  public var securityIDs: [SecurityID] { [security] }

  /// Changes the snapshot as the event does, validating it against the state so far.
  public func apply(to table: inout CapTable, on date: CalendarDate) throws(LedgerError) {
    try table.breachComputeSAFE(self, on: date)
  }
}
