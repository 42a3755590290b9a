import CapstanModel
import Foundation

/// What a sheet import created.
public struct SheetImportResult: Sendable {
  /// New stakeholders' names.
  public var stakeholders: [String] = []
  /// New classes: name and authorized shares.
  public var classes: [(name: String, authorized: Shares)] = []
  /// New plans: name and reserve.
  public var plans: [(name: String, reserve: Shares)] = []
  /// The transactions appended.
  public var transactions: [Transaction] = []
}

extension SheetImport {
  /// Adds the holdings to `company`: new stakeholders, classes (authorized for what the sheet
  /// issues into them) and a plan for options where the company has none, then one issuance or
  /// grant per row, validated together; a failure names the row's cell.
  public func write(into draft: inout WorkspaceDraft, company: Company.ID) throws(ImportError)
    -> SheetImportResult
  {
    do {
      return try writeUnchecked(into: &draft, company: company)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(location: "\(grid.file), sheet \(grid.name)", message: "\(error)")
    }
  }

  private func writeUnchecked(into draft: inout WorkspaceDraft, company: Company.ID) throws
    -> SheetImportResult
  {
    var result = SheetImportResult()
    var ledger = try draft.ledger(for: company)
    let sheet = "\(grid.file), sheet \(grid.name)"

    // Stakeholders by name.
    var holders: [String: Stakeholder.ID] = [:]
    for stakeholder in draft.stakeholders {
      holders[stakeholder.name.lowercased()] = stakeholder.id
    }
    for holding in holdings where holders[holding.holder.lowercased()] == nil {
      do {
        let added = try draft.addStakeholder(name: holding.holder, email: holding.email)
        holders[holding.holder.lowercased()] = added.id
        result.stakeholders.append(added.name)
      } catch {
        throw ImportError(location: holding.location, message: "\(error)")
      }
    }

    // Classes: a stock row names its class (or the company's only class); options use their
    // plan's class.
    func existingClass(_ name: String) -> ShareClass? {
      ledger.classes.first { $0.name.lowercased() == name.lowercased() }
    }
    func className(_ holding: Holding) throws -> String {
      if let name = holding.className { return name }
      if holding.isOption {
        return existingPlan(holding.plan).flatMap { plan in
          ledger.classes.first { $0.id == plan.shareClass }?.name
        } ?? "Common"
      }
      if ledger.classes.count == 1 { return ledger.classes[0].name }
      throw ImportError(
        location: holding.location.replacingOccurrences(
          of: SheetGrid.reference(column: mapping.columns[.quantity] ?? 0, row: holding.row),
          with: SheetGrid.reference(column: mapping.columns[.shareClass] ?? 0, row: holding.row)),
        message: "expected the share class (the company has \(ledger.classes.count) classes)")
    }
    func existingPlan(_ name: String?) -> StockPlan? {
      if let name { return ledger.plans.first { $0.name.lowercased() == name.lowercased() } }
      return ledger.plans.count == 1 ? ledger.plans[0] : nil
    }
    var newClassTotals: [String: Shares] = [:]
    var newClassOrder: [String] = []
    var newPlanTotals: [String: (className: String, reserve: Shares)] = [:]
    var newPlanOrder: [String] = []
    for holding in holdings {
      let name = try className(holding)
      if existingClass(name) == nil {
        if newClassTotals[name.lowercased()] == nil { newClassOrder.append(name) }
        newClassTotals[name.lowercased(), default: .zero] += holding.quantity
      }
      if holding.isOption, existingPlan(holding.plan) == nil {
        let planName = holding.plan ?? "Equity Plan"
        if newPlanTotals[planName.lowercased()] == nil { newPlanOrder.append(planName) }
        newPlanTotals[planName.lowercased(), default: (name, .zero)].reserve += holding.quantity
      }
    }
    let start = ledger.company.incorporated
    for name in newClassOrder {
      let authorized = newClassTotals[name.lowercased()] ?? .zero
      let lower = name.lowercased()
      let kind: ShareClass.Kind =
        lower.contains("preferred") || lower.contains("series") ? .preferred : .common
      _ = try draft.addClass(
        ShareClass(id: "new", name: name, kind: kind, initialAuthorized: authorized), to: company)
      result.classes.append((name, authorized))
    }
    ledger = try draft.ledger(for: company)
    for planName in newPlanOrder {
      guard let entry = newPlanTotals[planName.lowercased()],
        let shareClass = existingClass(entry.className)
      else { continue }
      let earliest = holdings.filter { $0.isOption }.map(\.date).min() ?? start
      _ = try draft.addPlan(
        StockPlan(
          id: "new", name: planName, shareClass: shareClass.id, initialReserve: entry.reserve,
          adopted: max(start, min(earliest, start))),
        to: company)
      result.plans.append((planName, entry.reserve))
    }
    ledger = try draft.ledger(for: company)

    // One transaction per row, security ids continuing the company's.
    var counters: [String: Int] = [:]
    var used = Set(ledger.transactions.flatMap(\.event.securityIDs))
    func newID(_ prefix: String) -> SecurityID {
      var next =
        counters[prefix]
        ?? (Int(ledger.nextSecurityID(prefix: prefix).rawValue.dropFirst(prefix.count + 1)) ?? 1)
      while used.contains(SecurityID("\(prefix)-\(next)")) { next += 1 }
      counters[prefix] = next + 1
      return SecurityID("\(prefix)-\(next)")
    }
    var events: [(date: CalendarDate, event: LedgerEvent)] = []
    for holding in holdings {
      guard let holder = holders[holding.holder.lowercased()] else { continue }
      var security: SecurityID?
      if let given = holding.security {
        let id = SecurityID(given)
        guard used.insert(id).inserted else {
          throw ImportError(
            location: holding.location, message: "security id '\(given)' is used twice")
        }
        security = id
      }
      if holding.isOption {
        guard
          let plan = existingPlan(holding.plan)
            ?? ledger.plans.first(where: {
              $0.name.lowercased() == (holding.plan ?? "Equity Plan").lowercased()
            })
        else {
          throw ImportError(location: holding.location, message: "no stock plan for the options")
        }
        events.append(
          (
            holding.date,
            .grantOptions(
              OptionGrant(
                security: security ?? newID("OP"), holder: holder, plan: plan.id,
                quantity: holding.quantity,
                strike: holding.strike ?? .zero, vesting: holding.vesting, expires: holding.expires)
            )
          ))
      } else {
        guard let shareClass = existingClass(try className(holding)) else { continue }
        events.append(
          (
            holding.date,
            .issueStock(
              StockIssuance(
                security: security ?? newID(shareClass.kind == .preferred ? "PS" : "CS"),
                holder: holder,
                shareClass: shareClass.id, quantity: holding.quantity, pricePerShare: holding.price,
                vesting: holding.vesting))
          ))
      }
    }
    let first = ledger.nextSequence
    do {
      result.transactions = try draft.append(events, to: company)
    } catch let failure as LedgerFailure {
      if let sequence = failure.transaction?.sequence, holdings.indices.contains(sequence - first) {
        throw ImportError(
          location: holdings[sequence - first].location, message: "\(failure.error)")
      }
      throw ImportError(location: sheet, message: "\(failure)")
    }
    return result
  }
}
