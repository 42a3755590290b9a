/// A transaction voided: a correction that takes it out of every view while the ledger keeps
/// both rows (the mistake and its void, with the reason).
///
/// A void is retroactive: replay leaves the voided transaction out on every date, before and
/// after the void's own date (which records when the correction was made).
public struct Voiding: Sendable, Hashable, Codable {
  /// The sequence number (id) of the transaction voided.
  public var transaction: Int
  /// Why it is voided ("issued to the wrong holder").
  public var reason: String

  /// A void.
  public init(transaction: Int, reason: String) {
    self.transaction = transaction
    self.reason = reason
  }
}

/// A dated charter amendment of a class's terms: from its date on, views and waterfalls use the
/// new terms; before it, the old ones. A term left nil is unchanged.
public struct ClassAmendment: Sendable, Hashable, Codable {
  /// The class amended.
  public var shareClass: ShareClass.ID
  /// The new liquidation preference (multiple, participation, seniority), if changed.
  public var preference: LiquidationPreference?
  /// The new anti-dilution protection, if changed.
  public var antiDilution: AntiDilution?
  /// The new votes per share, if changed.
  public var votesPerShare: Ratio?

  /// An amendment.
  public init(
    shareClass: ShareClass.ID, preference: LiquidationPreference? = nil,
    antiDilution: AntiDilution? = nil, votesPerShare: Ratio? = nil
  ) {
    self.shareClass = shareClass
    self.preference = preference
    self.antiDilution = antiDilution
    self.votesPerShare = votesPerShare
  }

  /// Whether the amendment changes nothing.
  public var isEmpty: Bool { preference == nil && antiDilution == nil && votesPerShare == nil }

  /// The class's terms with the amendment applied.
  public func applied(to terms: ShareClass) -> ShareClass {
    var amended = terms
    if let preference { amended.preference = preference }
    if let antiDilution { amended.antiDilution = antiDilution }
    if let votesPerShare { amended.votesPerShare = votesPerShare }
    return amended
  }
}

extension CapTable {
  /// A class amendment: the class's terms change from the amendment's date on; its counters
  /// (authorized, outstanding, conversion ratio and price) are kept.
  mutating func amend(_ amendment: ClassAmendment) throws(LedgerError) {
    let state = try requireClass(amendment.shareClass)
    if amendment.preference != nil, state.definition.kind == .common {
      throw .invalidAmendment(
        shareClass: state.definition.name, problem: "common stock has no liquidation preference")
    }
    if let votes = amendment.votesPerShare, votes < .zero {
      throw .invalidAmendment(
        shareClass: state.definition.name, problem: "votes per share cannot be negative")
    }
    classes[amendment.shareClass]?.amend(to: amendment.applied(to: state.definition))
  }
}

extension Ledger {
  /// The void of each voided transaction: voided sequence → the void's sequence.
  public var voids: [Int: Int] {
    var voids: [Int: Int] = [:]
    for transaction in transactions {
      if case .void(let voiding) = transaction.event {
        voids[voiding.transaction] = transaction.sequence
      }
    }
    return voids
  }

  /// The transactions replay uses: neither voided ones nor the voids themselves.
  public var effectiveTransactions: [Transaction] {
    guard hasVoids else { return transactions }
    let voided = voids
    return transactions.filter { transaction in
      if case .void = transaction.event { return false }
      return voided[transaction.sequence] == nil
    }
  }

  /// The transaction with a sequence number (id), if any.
  public func transaction(_ sequence: Int) -> Transaction? {
    transactions.first { $0.sequence == sequence }
  }

  /// A class's amendments in date order, with their dates.
  public func amendments(of shareClass: ShareClass.ID) -> [(
    date: CalendarDate, sequence: Int, amendment: ClassAmendment
  )] {
    effectiveTransactions.compactMap { transaction in
      guard case .amendClass(let amendment) = transaction.event,
        amendment.shareClass == shareClass
      else { return nil }
      return (transaction.date, transaction.sequence, amendment)
    }
  }
}
