/// Compute-SAFEs on the snapshot: issued into `computeSAFEs`; while their accrued purchase
/// amount is positive they are also an outstanding post-money SAFE in `convertibles`, so the
/// round engine, the as-converted views and the waterfall treat them exactly as a cash SAFE of
/// that amount (and `convert` or `cancel` close them the same way).
extension CapTable {
  mutating func issueComputeSAFE(_ safe: ComputeSAFEIssuance, on date: CalendarDate)
    throws(LedgerError)
  {
    try requireHolder(safe.provider)
    try requirePositiveAmount(safe.commitment, "compute-SAFE \(safe.security) commitment")
    try requirePositiveAmount(safe.agreedPrice, "compute-SAFE \(safe.security) agreed price")
    guard safe.windowStart <= safe.windowEnd else {
      throw .invalidTerms(
        safe.security,
        "the draw window ends on \(safe.windowEnd), before it starts on \(safe.windowStart)")
    }
    try requireTerms(cap: safe.valuationCap, discount: safe.discount, safe.security)
    try claim(safe.security)
    computeSAFEs[safe.security] = ComputeSAFEPosition(issuance: safe, issued: date)
  }

  mutating func drawComputeSAFE(_ draw: ComputeSAFEDraw, on date: CalendarDate)
    throws(LedgerError)
  {
    let position = try openComputeSAFE(draw.security, on: date)
    let terms = position.issuance
    let units = terms.unit.words
    guard draw.units > .zero else {
      throw .invalidTerms(draw.security, "a draw must be of more than 0 \(units)")
    }
    guard date >= terms.windowStart, date <= terms.windowEnd else {
      throw .invalidTerms(
        draw.security,
        "a draw on \(date) is outside the draw window \(terms.windowStart) to \(terms.windowEnd)")
    }
    guard position.drawn + draw.units <= terms.commitment else {
      throw .invalidTerms(
        draw.security,
        "a draw of \(ComputeSAFEPosition.units(draw.units)) \(units) on \(date) exceeds the "
          + "commitment: \(ComputeSAFEPosition.units(terms.commitment)) committed, "
          + "\(ComputeSAFEPosition.units(position.drawn)) drawn already")
    }
    computeSAFEs[draw.security]?.draws.append(.init(date: date, units: draw.units))
    syncConvertible(draw.security)
  }

  mutating func breachComputeSAFE(_ breach: ComputeSAFEBreach, on date: CalendarDate)
    throws(LedgerError)
  {
    let position = try openComputeSAFE(breach.security, on: date)
    guard position.issuance.slaSuspension else {
      throw .invalidTerms(
        breach.security,
        "its terms have no SLA suspension, so a breach would change nothing (recorded with "
          + "--sla-suspension, draws inside a breach do not accrue)")
    }
    if let through = breach.through, through < date {
      throw .invalidTerms(
        breach.security, "the breach ends on \(through), before it starts on \(date)")
    }
    computeSAFEs[breach.security]?.breaches.append(.init(from: date, through: breach.through))
    syncConvertible(breach.security)
  }

  /// The compute-SAFE `id`, refused when unknown, converted or cancelled.
  private func openComputeSAFE(_ id: SecurityID, on date: CalendarDate) throws(LedgerError)
    -> ComputeSAFEPosition
  {
    guard let position = computeSAFEs[id] else {
      if usedSecurityIDs.contains(id) {
        throw .wrongSecurityKind(id, expected: "a compute-SAFE")
      }
      throw .unknownSecurity(id, date: date)
    }
    guard position.accrued == .zero || convertibles[id] != nil else {
      throw .invalidTerms(id, "it was converted or cancelled before \(date)")
    }
    return position
  }

  /// Puts the compute-SAFE's accrued amount in `convertibles` as its post-money SAFE (removed
  /// while nothing has accrued: a SAFE of nothing converts into no shares).
  private mutating func syncConvertible(_ id: SecurityID) {
    guard let position = computeSAFEs[id] else { return }
    let accrued = position.accrued
    convertibles[id] =
      accrued > .zero
      ? .safe(position.issuance.safe(purchaseAmount: accrued), issued: position.issued) : nil
  }
}

extension ComputeSAFEPosition {
  /// Units as people write them: grouped, up to 4 decimal places (`1,500,000`, `12.5`).
  public static func units(_ value: Ratio) -> String {
    value.decimalString(places: 4, minimumPlaces: 0, grouping: true)
  }
}
