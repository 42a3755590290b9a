/// Upper bounds on the securities a run of events can open, counted one event at a time, so
/// a replay can size its tables once instead of rehashing as they grow.
///
/// The counts are upper bounds, not guesses: a table sized for twice what it will hold is
/// twice the fresh memory to fault in, and twice the buckets a split walks.
public struct SecurityCapacity: Sendable {
  /// Stock securities that can be open at the end.
  public private(set) var openStock = 0
  /// Option grants.
  public private(set) var grants = 0
  /// Stock security ids claimed (open or closed at the end).
  public private(set) var stockIDs = 0
  /// Other security ids claimed (SAFEs, notes, warrants, compute grants).
  public private(set) var claimed = 0

  /// Nothing counted yet.
  public init() {}

  /// Counts what `event` can open (its payload's `capacity`).
  public mutating func count(_ event: LedgerEvent) {
    add(event.capacity)
  }

  /// Counts what one event can open.
  public mutating func add(_ opens: Opens) {
    openStock += opens.openStock
    grants += opens.grants
    stockIDs += opens.stockIDs
    claimed += opens.claimed
  }

  /// What one event can open, at most: an issue, exercise or conversion opens one stock
  /// security; a transfer opens one (net of the one it closes) and claims two stock ids; a
  /// cancellation or repurchase closes one and may open a balance (never more open than
  /// before); a grant opens an option grant; a SAFE, note, warrant or compute grant claims one
  /// other id.
  public struct Opens: Sendable, Hashable {
    /// Stock securities opened.
    public var openStock: Int
    /// Option grants opened.
    public var grants: Int
    /// Stock security ids claimed.
    public var stockIDs: Int
    /// Other security ids claimed.
    public var claimed: Int

    /// Counts (zero when not given).
    public init(openStock: Int = 0, grants: Int = 0, stockIDs: Int = 0, claimed: Int = 0) {
      self.openStock = openStock
      self.grants = grants
      self.stockIDs = stockIDs
      self.claimed = claimed
    }

    /// Opens nothing.
    public static let nothing = Opens()
  }
}
