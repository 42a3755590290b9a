import CapstanModel

/// What an OCF package becomes: a company, its people, classes, plans and ledger events, plus
/// the warnings and the objects that could not be mapped. Nothing is written yet.
///
/// Classes, plans and stakeholders are named by their OCF ids in `events`; `apply(to:)` adds
/// them to the workspace and rewrites the ids to the workspace's own.
public struct OCFImportPlan: Sendable {
  /// The company's name.
  public var companyName: String
  /// Its currency.
  public var currency: Currency
  /// Its formation date (moved earlier, with a warning, when transactions predate it).
  public var incorporated: CalendarDate
  /// Stakeholders by OCF id.
  public var stakeholders: [(ocfID: String, stakeholder: Stakeholder)]
  /// Share classes; each `id` is the OCF id.
  public var classes: [ShareClass]
  /// Stock plans; each `id` and `shareClass` are OCF ids.
  public var plans: [StockPlan]
  /// Dated events in replay order, each with the OCF item it came from.
  public var events: [Entry]
  /// What was assumed.
  public var warnings: [OCFWarning]
  /// Objects not mapped, by `object_type`, with a count.
  public var unmapped: [String: Int]
  /// Valuations; each `shareClass` is an OCF id.
  public var valuations: [ValuationEntry] = []

  /// One valuation and its origin.
  public struct ValuationEntry: Sendable {
    /// The valuation.
    public var valuation: ShareValuation
    /// The file of the OCF item.
    public var file: String
    /// The OCF item's id.
    public var item: String
  }

  /// One ledger event and its origin.
  public struct Entry: Sendable {
    /// The date.
    public var date: CalendarDate
    /// The event.
    public var event: LedgerEvent
    /// The file of the OCF item.
    public var file: String
    /// The OCF item's id.
    public var item: String
  }

  /// The counts shown after an import.
  public var summary: String {
    func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
    return [
      count(stakeholders.count, "stakeholder", "stakeholders"),
      count(classes.count, "class", "classes"), count(plans.count, "plan", "plans"),
      count(events.count, "transaction", "transactions"),
    ].joined(separator: ", ")
      + (valuations.isEmpty ? "" : ", " + count(valuations.count, "valuation", "valuations"))
  }

  /// `VALUATION ×3, TX_STOCK_ACCEPTANCE ×1`, by type.
  public var unmappedList: [String] {
    unmapped.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
  }
}
