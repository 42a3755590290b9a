import Foundation

extension LedgerReplay {
  /// A replay resumed from a stored state, for a ledger's company, stakeholders and plans (as
  /// `Ledger.replay` passes them); nil when a plan the state has yet to adopt is not among
  /// `plans`.
  init?(
    resuming state: ReplayState, company: Company, stakeholders: [Stakeholder.ID: Stakeholder],
    plans: [StockPlan]
  ) {
    let byID = Dictionary(plans.map { ($0.id, $0) }) { a, _ in a }
    var pending: [StockPlan] = []
    for id in state.pendingPlans {
      guard let plan = byID[id] else { return nil }
      pending.append(plan)
    }
    self.init(company: company, stakeholders: stakeholders, classes: [], plans: [])
    self.table = state.table(company: company, stakeholders: stakeholders)
    self.pending = pending[...]
  }

  /// The replay's state so far, as a snapshot keeps it.
  var state: ReplayState { ReplayState(table: table, pending: pending) }
}

extension CapTable {
  /// The table's whole contents in a canonical form (positions by id), for comparing two
  /// tables: equal when every class, plan, position and id used is equal. The company and
  /// the stakeholders are not compared.
  public var contentsDescription: String {
    let state = ReplayState(table: self, pending: [StockPlan](), canonical: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(state) else { return "unencodable table" }
    return String(decoding: data, as: UTF8.self)
  }
}
