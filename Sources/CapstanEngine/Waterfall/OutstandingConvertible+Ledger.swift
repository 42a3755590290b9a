import CapstanModel

extension OutstandingConvertible {
  /// The SAFEs and notes a snapshot still holds, as claims at an exit on `date`.
  ///
  /// Each is paid the greater of its amount (plus interest accrued to `date` for notes) and
  /// what it gets as converted at its cap (YC liquidity-event clause). The as-converted shares
  /// are read as amount × fully diluted shares ÷ cap, over the snapshot's fully diluted count
  /// (for a post-money SAFE this leaves out the converting securities themselves, a small
  /// understatement); without a cap the claim is the amount alone.
  public static func outstanding(in table: CapTable, on date: CalendarDate) throws(RoundError)
    -> [OutstandingConvertible]
  {
    let fullyDiluted = OwnershipView(table, basis: .fullyDiluted, grouping: .holder).total.ratio
    func converted(_ amount: Ratio, cap: Ratio?) -> Shares {
      guard let cap, cap > .zero else { return .zero }
      return Shares(Int64(clamping: (amount * fullyDiluted / cap).floor))
    }
    var claims: [OutstandingConvertible] = []
    for (id, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
      let holder = table.name(of: position.holder)
      switch position {
      case .safe(let safe, _):
        claims.append(
          OutstandingConvertible(
            id.rawValue, holder: holder, kind: .safe, amount: safe.purchaseAmount,
            asConvertedShares: converted(safe.purchaseAmount, cap: safe.valuationCap)))
      case .note(let note, let issued):
        let accrual = try ConvertibleNote(note, holder: holder, issued: issued)
          .accrual(to: max(date, issued), rounding: table.company.rounding)
        claims.append(
          OutstandingConvertible(
            id.rawValue, holder: holder, kind: .note, amount: note.principal,
            interest: accrual.interest,
            asConvertedShares: converted(accrual.convertingAmount, cap: note.valuationCap)))
      }
    }
    return claims
  }
}
