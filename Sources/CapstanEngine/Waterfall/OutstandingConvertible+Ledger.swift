import CapstanModel

extension OutstandingConvertible {
  /// The SAFEs and notes a snapshot still holds, as claims at an exit on `date`.
  ///
  /// Each is paid the greater of its Cash-Out Amount (the purchase amount; for a note,
  /// principal plus interest accrued to `date`) and its Conversion Amount at the Liquidity
  /// Price, cap ÷ Liquidity Capitalization, which the waterfall computes (YC liquidity-event
  /// clause; docs/waterfall.md). A post-money SAFE, and a note whose cap basis counts the
  /// converting securities, use the post-money Liquidity Capitalization; a pre-money SAFE and
  /// a note capped over the pre-money company capitalization the pre-money one. Without a cap
  /// the claim is the cash-out amount alone. Each keeps the rank its issuance states; holders
  /// are keyed by stakeholder id and shown as `WaterfallCapitalization(_:convertibles:)` shows
  /// them.
  public static func outstanding(in table: CapTable, on date: CalendarDate) throws(RoundError)
    -> [OutstandingConvertible]
  {
    func conversion(cap: Ratio?, _ kind: LiquidityCapitalization) -> Conversion {
      guard let cap else { return .shares(.zero) }
      return .liquidityPrice(cap: cap, kind)
    }
    let holderName = CompanyCapitalization.holderNames(table)
    var claims: [OutstandingConvertible] = []
    for (id, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
      let holder = position.holder
      let name = holderName(holder)
      switch position {
      case .safe(let safe, _):
        claims.append(
          OutstandingConvertible(
            id.rawValue, holder: holder, holderName: name, kind: .safe,
            amount: safe.purchaseAmount,
            conversion: conversion(
              cap: safe.valuationCap, safe.kind == .preMoney ? .preMoney : .postMoney),
            rank: safe.rank))
      case .note(let note, let issued):
        let accrual = try ConvertibleNote(
          note, holder: .stakeholder(holder, name: name), issued: issued
        )
        .accrual(to: max(date, issued), rounding: table.company.rounding)
        let kind: LiquidityCapitalization =
          note.capBasis == .preMoneyCompanyCapitalization ? .preMoney : .postMoney
        claims.append(
          OutstandingConvertible(
            id.rawValue, holder: holder, holderName: name, kind: .note,
            amount: note.principal, interest: accrual.interest,
            conversion: conversion(cap: note.valuationCap, kind),
            rank: note.rank))
      }
    }
    return claims
  }
}
