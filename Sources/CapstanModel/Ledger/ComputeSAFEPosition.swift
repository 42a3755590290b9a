/// A compute-SAFE on the snapshot date: its terms, its draws and its breach periods, and the
/// purchase amount they have accrued.
///
/// Accrual rule (docs/compute-safe.md): each draw adds units × agreed price, except a draw
/// dated inside a breach period when the terms have SLA suspension, which adds nothing. The
/// accrual is computed from every draw and breach recorded so far, whatever order they were
/// recorded in, so a breach recorded after the draws it covers suspends them too.
public struct ComputeSAFEPosition: Sendable, Hashable, Codable {
  /// One draw.
  public struct Draw: Sendable, Hashable, Codable {
    /// The day compute was drawn.
    public let date: CalendarDate
    /// The units drawn.
    public let units: Ratio
  }

  /// One breach period, `from` through `through` inclusive (nil: to the end of the window).
  public struct Breach: Sendable, Hashable, Codable {
    /// The first day of the breach.
    public let from: CalendarDate
    /// The last day of the breach, if recorded.
    public let through: CalendarDate?

    /// A breach period.
    public init(from: CalendarDate, through: CalendarDate?) {
      self.from = from
      self.through = through
    }

    /// Whether `date` falls inside the period.
    public func covers(_ date: CalendarDate) -> Bool {
      date >= from && through.map { date <= $0 } ?? true
    }
  }

  /// The terms as issued.
  public internal(set) var issuance: ComputeSAFEIssuance
  /// The issue date.
  public let issued: CalendarDate
  /// The draws so far, in replay order.
  public internal(set) var draws: [Draw] = []
  /// The breach periods so far, in replay order.
  public internal(set) var breaches: [Breach] = []

  init(issuance: ComputeSAFEIssuance, issued: CalendarDate) {
    self.issuance = issuance
    self.issued = issued
  }

  /// Whether the terms suspend accrual on `date`: SLA suspension and a breach covering it.
  public func isSuspended(on date: CalendarDate) -> Bool {
    issuance.slaSuspension && breaches.contains { $0.covers(date) }
  }

  /// What `draw` adds to the purchase amount: units × agreed price, or zero when suspended.
  public func accrual(of draw: Draw) -> Ratio {
    isSuspended(on: draw.date) ? .zero : draw.units * issuance.agreedPrice
  }

  /// Units drawn, suspended or not (what counts against the commitment).
  public var drawn: Ratio { Ratio.sum(draws.map(\.units)) }

  /// Units drawn while accrual was suspended.
  public var suspendedUnits: Ratio {
    Ratio.sum(draws.filter { isSuspended(on: $0.date) }.map(\.units))
  }

  /// The commitment not drawn yet (it never converts).
  public var undrawn: Ratio { issuance.commitment - drawn }

  /// The purchase amount accrued: the sum of every draw's accrual.
  public var accrued: Ratio { Ratio.sum(draws.map(accrual(of:))) }
}
