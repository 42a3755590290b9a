import CapstanModel

/// `capstan plan list`: each plan with its pool on a date.
public struct PlanListView: RenderedView {
  /// The company's name.
  public var company: String
  /// The view's date.
  public var asOf: CalendarDate
  /// The plans adopted by the date (with the adoption date then in force) and their pools;
  /// a plan not yet adopted has no state.
  public var plans: [(plan: StockPlan, className: String, state: PlanState?)]
  /// The entries dated after the view's date.
  public var laterEntries: LaterEntries?

  /// The CSV and JSON fields.
  public static let header = [
    "name", "class", "adopted", "options_outstanding", "exercised", "available",
  ]

  /// The plans of `ledger` in `table` (replayed to its date).
  public init(_ ledger: Ledger, _ table: CapTable) {
    company = ledger.company.name
    asOf = table.asOf
    laterEntries = ledger.laterEntries(after: table.asOf)
    plans = ledger.plans(asOf: table.asOf).map { plan in
      let className =
        ledger.classes.first { $0.id == plan.shareClass }?.name ?? plan.shareClass.rawValue
      return (plan, className, table.plans[plan.id])
    }
  }

  /// The text table (a plan adopted later says so); empty when there are no plans.
  public func text() -> String {
    guard !plans.isEmpty else { return "No stock plans yet.\n" }
    var text = TextTable([
      ("Plan", .left), ("Class", .left), ("Adopted", .left), ("Options out", .right),
      ("Exercised", .right), ("Available", .right),
    ])
    for (plan, className, state) in plans {
      guard let state else {
        text.add([plan.name, className, plan.adopted.iso, "-", "-", "not yet adopted"])
        continue
      }
      text.add([
        plan.name, className, plan.adopted.iso, state.optionsOutstanding.formatted,
        state.exercised.formatted, state.available.formatted,
      ])
    }
    return text.render()
  }

  private var adopted: [(StockPlan, String, PlanState)] {
    plans.compactMap { plan, className, state in state.map { (plan, className, $0) } }
  }

  /// The CSV rows of the plans adopted by the date.
  public func csv() -> String {
    CSV.render(
      header: Self.header,
      rows: adopted.map { plan, className, state in
        [
          plan.name, className, plan.adopted.iso, String(state.optionsOutstanding.count),
          String(state.exercised.count), String(state.available.count),
        ]
      })
  }

  /// The JSON document of the plans adopted by the date.
  public func json() -> JSON {
    .dated(
      company: company, asOf: asOf, key: "plans",
      rows: adopted.map { plan, className, state in
        .object([
          ("name", .string(plan.name)), ("class", .string(className)),
          ("adopted", .string(plan.adopted.iso)),
          ("options_outstanding", .int(state.optionsOutstanding.count)),
          ("exercised", .int(state.exercised.count)), ("available", .int(state.available.count)),
        ])
      }, later: laterEntries)
  }
}
