import CapstanModel
import Foundation

/// The file's shares and cost beside the workspace's after the import: per class, per plan and
/// per stakeholder. A difference is a warning (`--strict` refuses the import).
public struct SheetReconciliation: Sendable {
  /// One class or stakeholder: shares and cost in the file and in the workspace.
  public struct Line: Sendable {
    /// The class's or stakeholder's name.
    public var name: String
    /// Shares (and options, for a stakeholder) in the file.
    public var fileShares: Shares = .zero
    /// What the file's stock cost.
    public var fileCost: Ratio = .zero
    /// Shares (and options outstanding) in the workspace after the import.
    public var workspaceShares: Shares = .zero
    /// What the workspace's stock cost.
    public var workspaceCost: Ratio = .zero

    /// Whether shares agree exactly and cost within half a cent.
    public var matches: Bool {
      fileShares == workspaceShares && (fileCost - workspaceCost).magnitude <= Ratio(1, 200)
    }
  }

  /// One plan: options granted and the pool available, in the file and in the workspace.
  public struct PlanLine: Sendable {
    /// The plan's name.
    public var name: String
    /// Options the file grants from it.
    public var fileGranted: Shares = .zero
    /// Options outstanding in the workspace.
    public var workspaceOutstanding: Shares = .zero
    /// The pool the file says is available, if it has a pool row.
    public var fileAvailable: Shares?
    /// The pool available in the workspace.
    public var workspaceAvailable: Shares = .zero

    /// Whether the options and the pool agree.
    public var matches: Bool {
      fileGranted == workspaceOutstanding
        && (fileAvailable.map { $0 == workspaceAvailable } ?? true)
    }
  }

  /// The date the workspace is read as of.
  public var asOf: CalendarDate
  /// Stock per class.
  public var classes: [Line] = []
  /// Options per plan.
  public var plans: [PlanLine] = []
  /// Per stakeholder of the file: stock and options.
  public var stakeholders: [Line] = []
  /// Each difference, naming the class, plan or stakeholder and both figures.
  public var warnings: [SheetImport.Warning] = []

  /// An empty reconciliation as of `asOf`.
  public init(asOf: CalendarDate) { self.asOf = asOf }
}

extension SheetImport {
  /// Compares the file with the company after the import, as of the sheet's "As of" date (or
  /// `today` when it gives none), or the file's last date when that is later.
  func reconcile(
    ledger: Ledger, transactions: [Transaction], names: [String: String], today: CalendarDate
  ) throws -> SheetReconciliation {
    let last = holdings.map(\.date).max() ?? today
    var report = SheetReconciliation(asOf: max(asOf ?? today, last))
    let table = try ledger.replay(asOf: report.asOf)
    var classes: [String: SheetReconciliation.Line] = [:]
    var plans: [String: SheetReconciliation.PlanLine] = [:]
    var holders: [String: SheetReconciliation.Line] = [:]
    var classOrder: [String] = []
    var planOrder: [String] = []
    var holderOrder: [String] = []
    for (holding, transaction) in zip(holdings, transactions) {
      let holder: String
      if let issuance = transaction.event.payload(as: StockIssuance.self) {
        let id = issuance.shareClass.rawValue
        if classes[id] == nil {
          classOrder.append(id)
          classes[id] = .init(name: names[id] ?? id)
        }
        classes[id]?.fileShares += holding.quantity
        classes[id]?.fileCost += holding.paid
        holder = issuance.holder.rawValue
      } else if let grant = transaction.event.payload(as: OptionGrant.self) {
        let id = grant.plan.rawValue
        if plans[id] == nil {
          planOrder.append(id)
          plans[id] = .init(name: names[id] ?? id)
        }
        plans[id]?.fileGranted += holding.quantity
        holder = grant.holder.rawValue
      } else {
        continue
      }
      if holders[holder] == nil {
        holderOrder.append(holder)
        holders[holder] = .init(name: names[holder] ?? holding.holder)
      }
      holders[holder]?.fileShares += holding.quantity
      if !holding.isOption { holders[holder]?.fileCost += holding.paid }
    }
    for pool in pools {
      let name = pool.plan ?? (planOrder.count == 1 ? names[planOrder[0]] : nil)
      let plan =
        ledger.plans.first { $0.name.lowercased() == name?.lowercased() }
        ?? (ledger.plans.count == 1 ? ledger.plans[0] : nil)
      guard let plan else { continue }
      let id = plan.id.rawValue
      if plans[id] == nil {
        planOrder.append(id)
        plans[id] = .init(name: plan.name)
      }
      let before = plans[id]?.fileAvailable ?? .zero
      plans[id]?.fileAvailable = before + pool.available
    }
    for position in table.stock.values {
      let id = position.shareClass.rawValue
      classes[id]?.workspaceShares += position.quantity
      classes[id]?.workspaceCost += position.pricePerShare * position.quantity.ratio
      holders[position.holder.rawValue]?.workspaceShares += position.quantity
      holders[position.holder.rawValue]?.workspaceCost +=
        position.pricePerShare * position.quantity.ratio
    }
    for position in table.options.values {
      holders[position.holder.rawValue]?.workspaceShares += position.outstanding
    }
    for (id, state) in table.plans {
      plans[id.rawValue]?.workspaceOutstanding = state.optionsOutstanding
      plans[id.rawValue]?.workspaceAvailable = state.available
    }
    report.classes = classOrder.compactMap { classes[$0] }
    report.plans = planOrder.compactMap { plans[$0] }
    report.stakeholders = holderOrder.compactMap { holders[$0] }
    report.warnings = differences(report)
    return report
  }

  private func differences(_ report: SheetReconciliation) -> [Warning] {
    var warnings: [Warning] = []
    let file = "\(grid.file), sheet \(grid.name)"
    func line(_ kind: String, _ line: SheetReconciliation.Line) {
      guard !line.matches else { return }
      warnings.append(
        Warning(
          location: "\(file), \(kind) \(line.name)",
          message:
            "the file has \(line.fileShares) shares costing \(money(line.fileCost)); the "
            + "workspace after the import has \(line.workspaceShares) costing "
            + "\(money(line.workspaceCost))"))
    }
    for shareClass in report.classes { line("class", shareClass) }
    for plan in report.plans where !plan.matches {
      warnings.append(
        Warning(
          location: "\(file), plan \(plan.name)",
          message:
            "the file has \(plan.fileGranted) options"
            + (plan.fileAvailable.map { " and \($0) available" } ?? "")
            + "; the workspace after the import has \(plan.workspaceOutstanding) outstanding and "
            + "\(plan.workspaceAvailable) available"))
    }
    for holder in report.stakeholders { line("stakeholder", holder) }
    return warnings
  }
}
