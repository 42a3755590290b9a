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

  /// Checks every void against the ledger: it names a transaction recorded before it (a void
  /// of a sequence not yet recorded would silently take out whatever is recorded under it
  /// later), not a void, and not voided by another void.
  public func checkVoids() throws(LedgerFailure) {
    var bySequence: [Int: Transaction] = [:]
    for transaction in transactions { bySequence[transaction.sequence] = transaction }
    var voidedBy: [Int: Int] = [:]
    for transaction in transactions.sorted(by: { $0.sequence < $1.sequence }) {
      guard case .void(let voiding) = transaction.event else { continue }
      let target = voiding.transaction
      let problem: String? =
        if target >= transaction.sequence || bySequence[target] == nil {
          "the ledger has no transaction \(target) before it"
        } else if bySequence[target]?.event.isVoid == true {
          "it is a void itself"
        } else if let by = voidedBy[target] {
          "it is voided already (by transaction \(by))"
        } else {
          nil
        }
      if let problem {
        throw LedgerFailure(
          transaction: transaction,
          error: .invalidVoid(transaction: target, problem: problem))
      }
      voidedBy[target] = transaction.sequence
    }
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

extension CapTable {
  /// A merge: every position of `from` is re-pointed to `into`.
  mutating func merge(_ merge: HolderMerge) throws(LedgerError) {
    try requireHolder(merge.from)
    try requireHolder(merge.into)
    guard merge.from != merge.into else {
      throw .invalidMerge(
        holder: name(of: merge.from), problem: "a holder cannot merge into itself")
    }
    let from = merge.from
    let into = merge.into
    stock.updateEach { if $0.holder == from { $0.holder = into } }
    options.updateEach { if $0.holder == from { $0.holder = into } }
    for (id, warrant) in warrants where warrant.issuance.holder == from {
      warrants[id]?.issuance.holder = into
    }
    for (id, position) in convertibles where position.holder == from {
      switch position {
      case .safe(var safe, let issued):
        safe.holder = into
        convertibles[id] = .safe(safe, issued: issued)
      case .note(var note, let issued):
        note.holder = into
        convertibles[id] = .note(note, issued: issued)
      }
    }
    for (id, position) in computeSAFEs where position.issuance.provider == from {
      computeSAFEs[id]?.issuance.provider = into
    }
  }
}
