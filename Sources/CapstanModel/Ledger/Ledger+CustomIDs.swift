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
