extension CapTable {
  /// A plan amendment: the plan's terms change from the amendment's date on. The adoption date
  /// was applied before the replay began (`Ledger.plans(asOf:)`); here it is only checked.
  mutating func amend(_ amendment: PlanAmendment, on date: CalendarDate) throws(LedgerError) {
    // Checked first: such an amendment does not move the plan (`Ledger.plans(asOf:)`), which
    // may then not be adopted yet on the date.
    if let adopted = amendment.adopted, adopted > date {
      let name = plans[amendment.plan]?.definition.name ?? amendment.plan.rawValue
      throw .invalidAmendment(
        shareClass: "plan \(name)",
        problem: "the new adoption date \(adopted.iso) is after the amendment's date \(date.iso)")
    }
    let state = try requirePlan(amendment.plan)
    let name = state.definition.name
    if amendment.isEmpty {
      throw .invalidAmendment(
        shareClass: "plan \(name)", problem: "give --cancellation or --adoption-date")
    }
    var terms = state.definition
    if let adopted = amendment.adopted {
      guard adopted >= company.incorporated else {
        throw .invalidAmendment(
          shareClass: "plan \(name)",
          problem:
            "the new adoption date \(adopted.iso) is before incorporation "
            + "(\(company.incorporated.iso))")
      }
      terms.adopted = adopted
    }
    if let behavior = amendment.cancellationBehavior { terms.cancellationBehavior = behavior }
    plans[amendment.plan]?.amend(to: terms)
  }
}

extension Ledger {
  /// The plans with the adoption date in force on `date`: as amended by the (not voided) plan
  /// amendments dated on or before it, else as added; every amendment when `date` is nil.
  public func plans(asOf date: CalendarDate?) -> [StockPlan] {
    guard hasAdoptionAmendments else { return plans }
    var adopted: [StockPlan.ID: CalendarDate] = [:]
    for transaction in effectiveTransactions {
      if let date, transaction.date > date { break }
      // One dated after itself is refused when replay reaches it (`CapTable.amend`); until
      // then it does not move the plan.
      if case .amendPlan(let amendment) = transaction.event, let day = amendment.adopted,
        day <= transaction.date
      {
        adopted[amendment.plan] = day
      }
    }
    return plans.map { plan in
      var amended = plan
      if let day = adopted[plan.id] { amended.adopted = day }
      return amended
    }
  }

  /// The dates (not voided) plan amendments change an adoption date on, in order.
  public var adoptionAmendmentDates: [CalendarDate] {
    guard hasAdoptionAmendments else { return [] }
    var dates: [CalendarDate] = []
    for transaction in effectiveTransactions {
      guard case .amendPlan(let amendment) = transaction.event, amendment.adopted != nil,
        dates.last != transaction.date
      else { continue }
      dates.append(transaction.date)
    }
    return dates
  }

  /// Replays the ledger as every view sees it: to its end, and, when plan amendments change
  /// adoption dates, also on the eve of each such amendment (views before it keep the date in
  /// force then), so that a write no view could replay is refused. Every void must name an
  /// earlier transaction that is not a void and is voided once (`checkVoids()`).
  public func checkEveryView() throws(LedgerFailure) -> CapTable {
    if hasVoids { try checkVoids() }
    for day in adoptionAmendmentDates { _ = try replay(asOf: day.adding(days: -1)) }
    return try replay()
  }
}
