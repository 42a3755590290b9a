import CapstanEngine
import CapstanModel

/// A runway projection month by month, as text.
public enum RunwayReport {
  /// The months shown at most.
  static let shownMonths = 36

  /// The projection's months (up to the one the cash runs out in, at most 36) and its runway.
  public static func text(_ projection: RunwayProjection, currency: Currency, title: String)
    -> String
  {
    let money = { (value: Ratio) in Money(value, currency).formatted }
    let whole = { (value: Ratio) in value.decimalString(places: 0, grouping: true) }
    var table = TextTable([
      ("Month", .right), ("From", .left), ("Cash at start", .right), ("Unlocked", .right),
      ("Redeemed", .right), ("Sold", .right), ("Compute bought with cash", .right),
      ("Cash out", .right), ("Cash at end", .right),
    ])
    for month in projection.months.prefix(shownMonths) {
      table.add([
        String(month.index + 1), month.date.iso, money(month.cashStart), whole(month.unlocked),
        whole(month.redeemed), whole(month.sold), whole(month.unitsBoughtWithCash),
        money(month.cashOut), money(month.cashEnd),
      ])
    }
    let runway =
      projection.runway.map { "\($0.decimalString(places: 2)) months" }
      ?? "more than \(RunwayProjection.horizon) months"
    let more =
      projection.months.count > shownMonths
      ? "(\(projection.months.count - shownMonths) more months not shown)\n" : ""
    return "\(title): runway \(runway)\n\n" + table.render() + more
  }
}
