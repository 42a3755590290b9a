extension LedgerEvent {
  /// The security the event creates and the id people know it by (an OCF `custom_id`), when
  /// the event records one.
  public var customID: (security: SecurityID, customID: String)? {
    switch self {
    case .issueStock(let i): i.customID.map { (i.security, $0) }
    case .grantOptions(let g): g.customID.map { (g.security, $0) }
    case .issueWarrant(let w): w.customID.map { (w.security, $0) }
    case .issueSAFE(let s): s.customID.map { (s.security, $0) }
    case .issueNote(let n): n.customID.map { (n.security, $0) }
    case .exercise(let e): e.customID.map { (e.resultingSecurity, $0) }
    default: nil
    }
  }
}

extension Ledger {
  /// The ids people know securities by (OCF `custom_id`s such as `EC-1`), by security id; only
  /// securities whose creating transaction records one.
  public var customIDs: [SecurityID: String] {
    var ids: [SecurityID: String] = [:]
    for transaction in transactions {
      if let (security, customID) = transaction.event.customID { ids[security] = customID }
    }
    return ids
  }
}

extension LedgerEvent {
  /// The event with `customID` as the id people know the security it creates by (stores and
  /// readers use it); an event that creates no security with such an id is returned as it is.
  public func withCustomID(_ customID: String?) -> LedgerEvent {
    guard let customID else { return self }
    switch self {
    case .issueStock(var i):
      i.customID = customID
      return .issueStock(i)
    case .grantOptions(var g):
      g.customID = customID
      return .grantOptions(g)
    case .issueWarrant(var w):
      w.customID = customID
      return .issueWarrant(w)
    case .issueSAFE(var s):
      s.customID = customID
      return .issueSAFE(s)
    case .issueNote(var n):
      n.customID = customID
      return .issueNote(n)
    case .exercise(var e):
      e.customID = customID
      return .exercise(e)
    default: return self
    }
  }
}
