extension LedgerEvent {
  /// The security the event creates and the id people know it by (an OCF `custom_id`), when
  /// the event records one: the issued or granted security, an exercise's or conversion's
  /// stock, a transfer's transferee security. A balance security's id is `balanceCustomID`.
  public var customID: (security: SecurityID, customID: String)? {
    switch self {
    case .issueStock(let i): i.customID.map { (i.security, $0) }
    case .grantOptions(let g): g.customID.map { (g.security, $0) }
    case .issueWarrant(let w): w.customID.map { (w.security, $0) }
    case .issueSAFE(let s): s.customID.map { (s.security, $0) }
    case .issueNote(let n): n.customID.map { (n.security, $0) }
    case .exercise(let e): e.customID.map { (e.resultingSecurity, $0) }
    case .convert(let c): c.customID.map { (c.resultingSecurity, $0) }
    case .transfer(let t): t.resultingCustomID.map { (t.resultingSecurity, $0) }
    default: nil
    }
  }

  /// The balance security a partial transfer, cancellation or repurchase leaves and the id
  /// people know it by, when the event records one.
  public var balanceCustomID: (security: SecurityID, customID: String)? {
    switch self {
    case .transfer(let t): pair(t.balanceSecurity, t.balanceCustomID)
    case .cancel(let c): pair(c.balanceSecurity, c.balanceCustomID)
    case .repurchase(let r): pair(r.balanceSecurity, r.balanceCustomID)
    default: nil
    }
  }

  /// Every security the event creates that has a custom id, with that id.
  public var customIDs: [(security: SecurityID, customID: String)] {
    [customID, balanceCustomID].compactMap { $0 }
  }

  private func pair(_ security: SecurityID?, _ customID: String?) -> (SecurityID, String)? {
    guard let security, let customID else { return nil }
    return (security, customID)
  }
}

extension Ledger {
  /// The ids people know securities by (OCF `custom_id`s such as `EC-1`), by security id; only
  /// securities whose creating transaction records one (issued, granted, exercised or converted
  /// into, transferred to, or left as a balance).
  public var customIDs: [SecurityID: String] {
    var ids: [SecurityID: String] = [:]
    for transaction in transactions {
      for (security, customID) in transaction.event.customIDs { ids[security] = customID }
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
    case .convert(var c):
      c.customID = customID
      return .convert(c)
    case .transfer(var t):
      t.resultingCustomID = customID
      return .transfer(t)
    default: return self
    }
  }

  /// The event with `customID` as the id people know its balance security by; an event that
  /// leaves no balance security is returned as it is.
  public func withBalanceCustomID(_ customID: String?) -> LedgerEvent {
    guard let customID else { return self }
    switch self {
    case .transfer(var t) where t.balanceSecurity != nil:
      t.balanceCustomID = customID
      return .transfer(t)
    case .cancel(var c) where c.balanceSecurity != nil:
      c.balanceCustomID = customID
      return .cancel(c)
    case .repurchase(var r) where r.balanceSecurity != nil:
      r.balanceCustomID = customID
      return .repurchase(r)
    default: return self
    }
  }
}
