import CapstanModel

/// The fixed reference data of the synthetic company: its ids are the ones a workspace's
/// draft derives from the names, so the same ledger can be built directly or stored.
public enum SyntheticCompany {
  /// The day of incorporation, 2018-01-01 (days since 1970-01-01).
  static let incorporatedDay = 17_532
  /// Days the transactions are spread over: 2018-01-01 through 2029-12-31.
  static let spanDays = 4_383

  /// The company, incorporated 2018-01-01.
  public static let company = Company(
    id: "synthetic-co", name: "Synthetic Co", currency: .usd,
    incorporated: CalendarDate(daysSinceEpoch: incorporatedDay))

  /// Common stock, with a large authorization.
  public static let common = ShareClass(
    id: "common", name: "Common", kind: .common, initialAuthorized: 100_000_000)

  /// A preferred class: 1x non-participating, broad-based weighted average.
  public static let preferred = ShareClass(
    id: "series-a-preferred", name: "Series A Preferred", kind: .preferred,
    initialAuthorized: 20_000_000, originalIssuePrice: Ratio(Int64(5), 4),
    preference: LiquidationPreference(), antiDilution: .broadBasedWeightedAverage)

  /// The stock plan on common, adopted at incorporation.
  public static let plan = StockPlan(
    id: "2018-plan", name: "2018 Plan", shareClass: common.id, initialReserve: 10_000_000,
    adopted: company.incorporated)

  /// The stakeholders `Holder 00001`, `Holder 00002`, ... (every 50th an institution).
  public static func stakeholders(count: Int) -> [Stakeholder] {
    (1...max(1, count)).map { number in
      let name = holderName(number, of: count)
      return Stakeholder(
        id: Stakeholder.ID(name.lowercased().replacingSpaces),
        name: name, kind: number % 50 == 0 ? .institution : .individual)
    }
  }

  /// `Holder 00042`: zero-padded to the width of `count`, so names sort by number.
  static func holderName(_ number: Int, of count: Int) -> String {
    let digits = String(number)
    let width = String(max(1, count)).count
    return "Holder " + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

extension String {
  fileprivate var replacingSpaces: String {
    String(map { $0 == " " ? "-" : $0 })
  }
}
