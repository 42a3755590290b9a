import CapstanModel

/// How the import reports write what they recorded: one sentence per transaction, and lines
/// folded at 100 columns.
public enum ImportedEvent {
  /// One recorded transaction in words, naming holders, classes and plans by `names` (id to
  /// name; an id without a name is shown as it is).
  public static func describe(
    _ event: LedgerEvent, names: [String: String], currency: Currency
  ) -> String {
    func name(_ id: String) -> String { names[id] ?? id }
    func id(_ security: SecurityID, _ customID: String?) -> String {
      "\(security)" + (customID.map { " (\($0))" } ?? "")
    }
    func money(_ value: Ratio) -> String { Money(value, currency).formatted }
    /// The exact price with the currency's sign: every decimal a terminating price has
    /// (at least 2), else 6 places and the exact fraction.
    func price(_ value: Ratio) -> String {
      let price = Price(value, currency)
      guard let exact = value.exactDecimalString else {
        return price.formatted() + " (exactly \(value.fractionString))"
      }
      let decimals = exact.split(separator: ".").dropFirst().first?.count ?? 0
      return price.formatted(places: max(2, decimals))
    }
    func vesting(_ schedule: VestingSchedule?) -> String {
      schedule.map { ", vesting \($0.notation) from \($0.start)" } ?? ""
    }
    if let i = event.payload(as: StockIssuance.self) {
      return "issue \(id(i.security, i.customID)): "
        + "\(i.quantity) \(name(i.shareClass.rawValue)) to "
        + "\(name(i.holder.rawValue)) at \(price(i.pricePerShare))" + vesting(i.vesting)
    }
    if let g = event.payload(as: OptionGrant.self) {
      return "grant \(id(g.security, g.customID)): "
        + "\(g.quantity) options of \(name(g.plan.rawValue)) to "
        + "\(name(g.holder.rawValue)), strike \(price(g.strike))" + vesting(g.vesting)
    }
    if let s = event.payload(as: SAFEIssuance.self) {
      return "SAFE \(id(s.security, s.customID)): \(money(s.purchaseAmount)) from "
        + "\(name(s.holder.rawValue)), \(s.kind.rawValue)"
        + (s.valuationCap.map { ", cap \(money($0))" } ?? "")
        + (s.discount.map { ", discount \($0.percentString())" } ?? "")
        + (s.mostFavoredNation ? ", MFN" : "") + (s.proRata ? ", pro rata" : "")
    }
    if let n = event.payload(as: NoteIssuance.self) {
      return "note \(id(n.security, n.customID)): \(money(n.principal)) from "
        + "\(name(n.holder.rawValue)) at \(n.rate.percentString())"
        + (n.maturity.map { ", matures \($0)" } ?? "")
        + (n.valuationCap.map { ", cap \(money($0))" } ?? "")
        + (n.discount.map { ", discount \($0.percentString())" } ?? "")
    }
    if let w = event.payload(as: WarrantIssuance.self) {
      return "warrant \(id(w.security, w.customID)): \(w.quantity) "
        + "\(name(w.shareClass.rawValue)) to \(name(w.holder.rawValue)), strike \(price(w.strike))"
        + (w.expires.map { ", expires \($0)" } ?? "")
    }
    return event.kind.rawValue
  }

  /// `text` after `indent`, folded at spaces to 100 columns, continued 2 spaces further in,
  /// with a final line break (the import reports' lines).
  public static func fold(_ indent: String, _ text: String) -> String {
    var out = ""
    var current = indent
    let continuation = String(repeating: " ", count: indent.count + 2)
    for word in text.split(separator: " ") {
      if current.count > continuation.count, current.count + 1 + word.count > 100 {
        out += current + "\n"
        current = continuation + word
      } else {
        current += (current == indent || current == continuation ? "" : " ") + word
      }
    }
    return out + current + "\n"
  }
}
