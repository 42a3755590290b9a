import CapstanModel

/// The shares each outstanding SAFE and note would convert into, estimated at its cap (or at a
/// stated round price), for views that count convertibles: an estimate, since the real numbers
/// come from the round that converts them.
///
/// The formulas are the YC safe's: conversion price = valuation cap ÷ company capitalization,
/// shares = purchase amount ÷ conversion price. For a post-money safe the capitalization
/// includes the converting safes themselves, which makes it circular; with B the fully diluted
/// shares before conversion and f = Σ amountᵢ ÷ capᵢ over the post-money safes, the post-money
/// capitalization is B ÷ (1 − f) (solved in closed form: no round, so no pool or price to solve
/// with, unlike the round engine's `ConversionSolver`). Pre-money safes and notes divide their
/// cap by B. With a round price P, a discount gives P × (1 − discount), and the lower of that
/// and the cap price is used. A note converts its principal plus interest accrued to the date.
public struct ConvertibleEstimate: Sendable, Hashable {
  /// One convertible's estimate.
  public struct Line: Sendable, Hashable {
    /// The security (`SAFE-1`).
    public var security: SecurityID
    /// The stakeholder holding it: what a caller joins the line on.
    public var stakeholder: Stakeholder.ID
    /// The holder's name, for display only.
    public var holder: String
    /// `safe` or `note`.
    public var kind: String
    /// The amount that converts: purchase amount, or principal plus accrued interest.
    public var convertingAmount: Ratio
    /// The estimated conversion price, or nil when neither a cap nor a round price gives one.
    public var price: Ratio?
    /// The estimated shares (floored), zero when there is no price.
    public var shares: Shares
  }

  /// The estimates, in security order.
  public var lines: [Line]
  /// The fully diluted shares before conversion (B); zero when nothing is outstanding.
  public var base: Shares
  /// The round price the estimate used, if one was stated.
  public var roundPrice: Ratio?

  /// The estimated shares of every convertible together.
  public var totalShares: Shares { lines.reduce(.zero) { $0 + $1.shares } }

  /// Estimates the conversions of `table`'s outstanding convertibles on `date`.
  public init(_ table: CapTable, on date: CalendarDate, roundPrice: Ratio? = nil)
    throws(RoundError)
  {
    // Without convertibles there is nothing to estimate: the fully diluted count (a pass over
    // every position) is skipped, as most tables have none.
    let base =
      table.convertibles.isEmpty
      ? .zero : Shares(Int64(clamping: CompanyCapitalization(table).fullyDiluted.floor))
    self.base = base
    self.roundPrice = roundPrice
    let b = base.ratio
    // f = Σ amount ÷ cap over the post-money safes with a cap.
    var f = Ratio.zero
    for position in table.convertibles.values {
      if case .safe(let safe, _) = position, safe.kind == .postMoney,
        let cap = safe.valuationCap, cap > .zero
      {
        f = f + safe.purchaseAmount / cap
      }
    }
    let postMoneyCapitalization: Ratio? = f < .one ? b / (.one - f) : nil
    var lines: [Line] = []
    for (id, position) in table.convertibles.sorted(by: { $0.key < $1.key }) {
      let holder = table.name(of: position.holder)
      var capPrice: Ratio?
      var discount: Ratio?
      var amount = position.amount
      let kind: String
      switch position {
      case .safe(let safe, _):
        kind = "safe"
        discount = safe.discount
        if let cap = safe.valuationCap, cap > .zero {
          let capitalization = safe.kind == .postMoney ? postMoneyCapitalization : b
          if let capitalization, capitalization > .zero { capPrice = cap / capitalization }
        }
      case .note(let note, let issued):
        kind = "note"
        discount = note.discount
        let accrual = try ConvertibleNote(
          note, holder: .stakeholder(position.holder, name: holder), issued: issued
        )
        .accrual(to: max(date, issued), rounding: table.company.rounding)
        amount = accrual.convertingAmount
        if let cap = note.valuationCap, cap > .zero, b > .zero { capPrice = cap / b }
      }
      let roundTerm = roundPrice.map { $0 * (.one - (discount ?? .zero)) }
      let candidates = [capPrice, roundTerm].compactMap { $0 }.filter { $0 > .zero }
      let price = candidates.min()
      let shares = price.map { Shares(Int64(clamping: (amount / $0).floor)) } ?? .zero
      lines.append(
        Line(
          security: id, stakeholder: position.holder, holder: holder, kind: kind,
          convertingAmount: amount, price: price, shares: shares))
    }
    self.lines = lines
  }
}
