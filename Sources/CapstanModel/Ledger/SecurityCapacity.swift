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

  /// Counts what `event` can open.
  public mutating func count(_ event: LedgerEvent) {
    switch event {
    // Each opens one stock security: issue, exercise, and (net of the one it closes) transfer.
    case .issueStock, .exercise, .convert:
      openStock += 1
      stockIDs += 1
    case .transfer:
      openStock += 1
      stockIDs += 2
    case .grantOptions:
      grants += 1
    // Close one and may open a balance security: never more open than before.
    case .cancel, .repurchase: stockIDs += 1
    case .issueSAFE, .issueNote, .issueWarrant: claimed += 1
    case .adjustConversionPrice: break
    case .grantCompute: claimed += 1
    case .redeemTokens, .sellTokens, .clawbackTokens: break
    case .changeOfControl, .terminate, .reachMilestone, .accelerateVesting: break
    case .split, .authorizeShares, .increasePool: break
    case .void, .amendClass, .mergeHolders, .amendPlan: break
    }
  }
}
