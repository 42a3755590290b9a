import CapstanModel
import Foundation

/// What a sheet import created.
public struct SheetImportResult: Sendable {
  /// New stakeholders: name and kind.
  public var stakeholders: [(name: String, kind: Stakeholder.Kind)] = []
  /// New classes, with their terms.
  public var classes: [ShareClass] = []
  /// New plans: name, class and reserve.
  public var plans: [(name: String, className: String, reserve: Shares)] = []
  /// The transactions appended.
  public var transactions: [Transaction] = []
  /// Names of the holders, classes and plans by id, to show names rather than ids.
  public var names: [String: String] = [:]
  /// Certificate and grant ids the sheet gave, kept as the securities' custom ids (the ids
  /// people know them by), in row order.
  public var keptIDs: [String] = []
  /// Assumptions made while writing (class terms defaulted, the options' class).
  public var notes: [String] = []
  /// Terms the file gives for a class of the workspace that differ from it.
  public var warnings: [SheetImport.Warning] = []
  /// The reconciliation of the file against the workspace after the import.
  public var reconciliation: SheetReconciliation
}

extension SheetImport {
  /// Adds the holdings to `company`: new stakeholders (persons or institutions), classes with
  /// the terms the file gives (a preferred class without its issue price and liquidation
  /// preference is refused), a plan whose reserve is the options granted plus the pool row,
  /// then one issuance or grant per row, validated together; a failure names the row's cell.
  /// `today` is the import's day: the reconciliation is as of it when the sheet gives no date.
  public func write(
    into draft: inout WorkspaceDraft, company: Company.ID, today: CalendarDate
  ) throws(ImportError) -> SheetImportResult {
    do {
      var result = try writeUnchecked(into: &draft, company: company, today: today)
      result.reconciliation = try reconcile(
        ledger: draft.ledger(for: company), transactions: result.transactions, names: result.names,
        today: today)
      return result
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(location: "\(grid.file), sheet \(grid.name)", message: "\(error)")
    }
  }

  private func writeUnchecked(
    into draft: inout WorkspaceDraft, company: Company.ID, today: CalendarDate
  ) throws -> SheetImportResult {
    var result = SheetImportResult(reconciliation: SheetReconciliation(asOf: today))
    var ledger = try draft.ledger(for: company)
    let sheet = "\(grid.file), sheet \(grid.name)"

    // Stakeholders by name; new ones as persons or institutions.
    var holders: [String: Stakeholder.ID] = [:]
    for stakeholder in draft.stakeholders {
      holders[stakeholder.name.lowercased()] = stakeholder.id
    }
    for holding in holdings where holders[holding.holder.lowercased()] == nil {
      do {
        let added = try draft.addStakeholder(
          name: holding.holder, kind: holding.holderKind, email: holding.email)
        holders[holding.holder.lowercased()] = added.id
        result.stakeholders.append((added.name, added.kind))
      } catch {
        throw ImportError(location: holding.location, message: "\(error)")
      }
    }
    for stakeholder in draft.stakeholders {
      result.names[stakeholder.id.rawValue] = stakeholder.name
    }

    var plan = try SheetClassPlan(sheet: self, ledger: ledger)
    result.notes += plan.notes
    result.warnings += plan.warnings
    for template in plan.newClasses {
      let added = try draft.addClass(template, to: company)
      result.classes.append(added)
    }
    ledger = try draft.ledger(for: company)
    plan.refresh(ledger: ledger)
    for newPlan in plan.newPlans {
      guard let shareClass = plan.existingClass(newPlan.className) else { continue }
      _ = try draft.addPlan(
        StockPlan(
          id: "new", name: newPlan.name, shareClass: shareClass.id, initialReserve: newPlan.reserve,
          adopted: ledger.company.incorporated),
        to: company)
      result.plans.append((newPlan.name, shareClass.name, newPlan.reserve))
    }
    ledger = try draft.ledger(for: company)
    plan.refresh(ledger: ledger)
    for shareClass in ledger.classes { result.names[shareClass.id.rawValue] = shareClass.name }
    for stockPlan in ledger.plans { result.names[stockPlan.id.rawValue] = stockPlan.name }

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
    // A certificate or grant id names one security: twice in the file, or already the custom
    // id of a security of the company, is ambiguous.
    var customIDs: [String: String] = [:]
    for (security, customID) in ledger.customIDs {
      customIDs[customID.lowercased()] = "\(security) in the workspace"
    }
    for holding in holdings {
      guard let holder = holders[holding.holder.lowercased()] else { continue }
      var customID: String?
      if let given = holding.security {
        let cell = holding.securityLocation ?? holding.location
        if let earlier = customIDs[given.lowercased()] {
          throw ImportError(
            location: cell,
            message: "certificate or grant id '\(given)' is already that of \(earlier)")
        }
        customIDs[given.lowercased()] = "another row (\(cell))"
        customID = given
        result.keptIDs.append(given)
      }
      if holding.isOption {
        guard let stockPlan = plan.plan(for: holding) else {
          throw ImportError(location: holding.location, message: "no stock plan for the options")
        }
        events.append(
          (
            holding.date,
            .grantOptions(
              OptionGrant(
                security: newID("OP"), holder: holder, plan: stockPlan.id,
                quantity: holding.quantity, strike: holding.strike ?? .zero,
                vesting: holding.vesting, expires: holding.expires)
            ).withSheetID(customID)
          ))
      } else {
        guard let shareClass = plan.existingClass(try plan.className(of: holding)) else {
          continue
        }
        events.append(
          (
            holding.date,
            .issueStock(
              StockIssuance(
                security: newID(shareClass.kind == .preferred ? "PS" : "CS"),
                holder: holder, shareClass: shareClass.id, quantity: holding.quantity,
                pricePerShare: holding.price, vesting: holding.vesting)
            ).withSheetID(customID)
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

extension LedgerEvent {
  /// The event with the sheet's certificate or grant id as its custom id, unless that is the
  /// security id the import gave it (then the security id says it already).
  fileprivate func withSheetID(_ id: String?) -> LedgerEvent {
    guard let id, id != customIDTarget?.rawValue else { return self }
    return withCustomID(id)
  }

  private var customIDTarget: SecurityID? {
    payload(as: StockIssuance.self)?.security ?? payload(as: OptionGrant.self)?.security
  }
}
