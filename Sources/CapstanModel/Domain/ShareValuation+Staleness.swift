/// Whether a valuation is still current: its age, and the splits of its class since.
extension ShareValuation {
  /// A valuation older than this many months on the date it is used is flagged (a 409A is
  /// relied on for 12 months at most, under the IRC section 409A safe harbor).
  public static let currentMonths = 12

  /// Whether the valuation is more than 12 months old on `date`.
  public func isOlderThanTwelveMonths(on date: CalendarDate) -> Bool {
    effective.adding(months: Self.currentMonths) < date
  }

  /// The splits of the valuation's class after its effective date and on or before `date`,
  /// in ledger order.
  public func splitsSince(in ledger: Ledger, through date: CalendarDate) -> [(
    date: CalendarDate, ratio: Ratio
  )] {
    ledger.transactions.compactMap { transaction in
      guard case .split(let split) = transaction.event, split.shareClass == shareClass,
        transaction.date > effective, transaction.date <= date
      else { return nil }
      return (transaction.date, split.ratio)
    }
  }

  /// The price per share in today's shares: divided by every split of the class since the
  /// valuation (through `date`).
  public func splitAdjustedPrice(in ledger: Ledger, through date: CalendarDate) -> Ratio {
    splitsSince(in: ledger, through: date).reduce(pricePerShare) { $0 / $1.ratio }
  }

  /// What is to be said about the valuation on `date`, in words: dated before a split of its
  /// class (and the split-adjusted price), more than 12 months old; empty when neither.
  public func flags(in ledger: Ledger, on date: CalendarDate, currency: Currency) -> [String] {
    var flags: [String] = []
    let splits = splitsSince(in: ledger, through: date)
    if !splits.isEmpty {
      let described = splits.map { "\($0.ratio.fractionString)-for-1 on \($0.date)" }
      let adjusted = Price(splitAdjustedPrice(in: ledger, through: date), currency).formatted()
      flags.append(
        "dated before the split of its class (\(described.joined(separator: ", "))): "
          + "\(adjusted) a share split-adjusted")
    }
    if isOlderThanTwelveMonths(on: date) {
      flags.append("more than 12 months old on \(date)")
    }
    return flags
  }
}
