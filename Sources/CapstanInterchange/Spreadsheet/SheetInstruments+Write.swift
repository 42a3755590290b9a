import CapstanModel
import Foundation

/// What a SAFE, note or warrant sheet import created, and how the file and the workspace
/// compare after it.
public struct SheetInstrumentsResult: Sendable {
  /// One line of the reconciliation: the file's figure beside the workspace's.
  public struct Line: Sendable {
    /// "all SAFEs", or a holder's name.
    public var label: String
    /// How many instruments the file gives.
    public var fileCount: Int
    /// Their amount (warrants: shares).
    public var file: Ratio
    /// How many the workspace holds, outstanding, after the import.
    public var workspaceCount: Int
    /// Their amount (warrants: shares outstanding).
    public var workspace: Ratio
    /// Whether both agree.
    public var matches: Bool { fileCount == workspaceCount && file == workspace }
  }

  /// New stakeholders: name and kind.
  public var stakeholders: [(name: String, kind: Stakeholder.Kind)] = []
  /// The transactions appended.
  public var transactions: [Transaction] = []
  /// Names of holders and classes by id.
  public var names: [String: String] = [:]
  /// Ids the sheet gave, kept as the instruments' custom ids.
  public var keptIDs: [String] = []
  /// The date the workspace is read as of.
  public var asOf: CalendarDate
  /// The reconciliation: the kind as a whole, then each holder of the file.
  public var reconciliation: [Line] = []
  /// Differences found by the reconciliation.
  public var warnings: [SheetImport.Warning] = []
}

extension SheetInstruments {
  /// Records each row as the event `capstan safe add`, `note add` or `warrant add` records
  /// (new holders added by name), validated together; a failure names the row's cell and
  /// nothing is written. Then reconciles the file with the workspace.
  /// `today` is the import's day: the reconciliation is as of it, or of the file's last date
  /// when that is later.
  public func write(
    into draft: inout WorkspaceDraft, company: Company.ID, today: CalendarDate
  ) throws(ImportError) -> SheetInstrumentsResult {
    do {
      return try writeUnchecked(into: &draft, company: company, today: today)
    } catch let error as ImportError {
      throw error
    } catch {
      throw ImportError(location: "\(grid.file), sheet \(grid.name)", message: "\(error)")
    }
  }

  private func writeUnchecked(
    into draft: inout WorkspaceDraft, company: Company.ID, today: CalendarDate
  ) throws -> SheetInstrumentsResult {
    var result = SheetInstrumentsResult(asOf: max(rows.map(\.date).max() ?? today, today))
    var holders: [String: Stakeholder.ID] = [:]
    for stakeholder in draft.stakeholders {
      holders[stakeholder.name.lowercased()] = stakeholder.id
    }
    for row in rows where holders[row.holder.lowercased()] == nil {
      do {
        let added = try draft.addStakeholder(
          name: row.holder, kind: row.holderKind, email: row.email)
        holders[row.holder.lowercased()] = added.id
        result.stakeholders.append((added.name, added.kind))
      } catch {
        throw ImportError(location: row.location, message: "\(error)")
      }
    }
    for stakeholder in draft.stakeholders {
      result.names[stakeholder.id.rawValue] = stakeholder.name
    }
    let ledger = try draft.ledger(for: company)
    for shareClass in ledger.classes { result.names[shareClass.id.rawValue] = shareClass.name }

    var used = Set(ledger.transactions.flatMap(\.event.securityIDs))
    var counter = 0
    let prefix = kind == .safe ? "SAFE" : kind == .note ? "N" : "W"
    func newID() -> SecurityID {
      if counter == 0 {
        counter =
          Int(ledger.nextSecurityID(prefix: prefix).rawValue.dropFirst(prefix.count + 1)) ?? 1
      }
      while used.contains(SecurityID("\(prefix)-\(counter)")) { counter += 1 }
      defer { counter += 1 }
      let id = SecurityID("\(prefix)-\(counter)")
      used.insert(id)
      return id
    }
    var customIDs: [String: String] = [:]
    for (security, customID) in ledger.customIDs {
      customIDs[customID.lowercased()] = "\(security) in the workspace"
    }
    var events: [(date: CalendarDate, event: LedgerEvent)] = []
    for row in rows {
      guard let holder = holders[row.holder.lowercased()] else { continue }
      if let given = row.customID {
        if let earlier = customIDs[given.lowercased()] {
          throw ImportError(
            location: location(.security, row),
            message: "id '\(given)' is already that of \(earlier)")
        }
        customIDs[given.lowercased()] = "another row (\(location(.security, row)))"
        result.keptIDs.append(given)
      }
      let security = newID()
      let event: LedgerEvent
      switch kind {
      case .safe:
        event = .issueSAFE(
          SAFEIssuance(
            security: security, holder: holder, purchaseAmount: row.amount, kind: row.safeKind,
            valuationCap: row.cap, discount: row.discount,
            mostFavoredNation: row.mostFavoredNation, proRata: row.proRata))
      case .note:
        event = .issueNote(
          NoteIssuance(
            security: security, holder: holder, principal: row.amount, rate: row.rate,
            maturity: row.maturity, valuationCap: row.cap, discount: row.discount))
      case .warrant:
        let name = row.className ?? ""
        guard
          let shareClass = ledger.classes.first(where: { $0.name.lowercased() == name.lowercased() }
          )
        else {
          throw ImportError(
            location: location(.shareClass, row),
            message:
              "no class named '\(name)' in the company; add it first with `capstan class add` "
              + (ledger.classes.isEmpty
                ? "(the company has no classes)"
                : "(classes: \(ledger.classes.map(\.name).joined(separator: ", ")))"))
        }
        event = .issueWarrant(
          WarrantIssuance(
            security: security, holder: holder, shareClass: shareClass.id, quantity: row.quantity,
            strike: row.strike, expires: row.expires))
      }
      events.append((row.date, event.withCustomID(row.customID)))
    }
    let first = ledger.nextSequence
    do {
      result.transactions = try draft.append(events, to: company)
    } catch let failure as LedgerFailure {
      if let sequence = failure.transaction?.sequence, rows.indices.contains(sequence - first) {
        throw ImportError(location: rows[sequence - first].location, message: "\(failure.error)")
      }
      throw ImportError(location: "\(grid.file), sheet \(grid.name)", message: "\(failure)")
    }
    try reconcile(draft.ledger(for: company), holders: holders, into: &result)
    return result
  }

  /// `file, sheet S, cell C7`: the cell of `column` on `row`.
  func location(_ column: InstrumentColumn, _ row: Row) -> String {
    grid.location(column: columns[column] ?? 0, row: row.row)
  }

  /// The file's instruments beside the workspace's outstanding ones of the kind, as of the
  /// later of the import's day and the file's last date (`result.asOf`): in all, then per
  /// holder of the file.
  private func reconcile(
    _ ledger: Ledger, holders: [String: Stakeholder.ID], into result: inout SheetInstrumentsResult
  ) throws {
    let table = try ledger.replay(asOf: result.asOf)
    var held: [(holder: Stakeholder.ID, figure: Ratio)] = []
    switch kind {
    case .safe, .note:
      for position in table.convertibles.values {
        switch (kind, position) {
        case (.safe, .safe), (.note, .note): held.append((position.holder, position.amount))
        default: break
        }
      }
    case .warrant:
      for warrant in table.warrants.values where warrant.outstanding > .zero {
        held.append((warrant.issuance.holder, warrant.outstanding.ratio))
      }
    }
    func figure(_ row: Row) -> Ratio { kind == .warrant ? row.quantity.ratio : row.amount }
    func line(_ label: String, _ fileRows: [Row], _ workspace: [Ratio])
      -> SheetInstrumentsResult.Line
    {
      SheetInstrumentsResult.Line(
        label: label, fileCount: fileRows.count,
        file: fileRows.reduce(.zero) { $0 + figure($1) }, workspaceCount: workspace.count,
        workspace: workspace.reduce(.zero, +))
    }
    result.reconciliation.append(line("all \(kind.rawValue)s", rows, held.map(\.figure)))
    var seen: Set<String> = []
    for row in rows where seen.insert(row.holder.lowercased()).inserted {
      let id = holders[row.holder.lowercased()]
      result.reconciliation.append(
        line(
          row.holder, rows.filter { $0.holder.lowercased() == row.holder.lowercased() },
          held.filter { $0.holder == id }.map(\.figure)))
    }
    for entry in result.reconciliation where !entry.matches {
      result.warnings.append(
        SheetImport.Warning(
          location: "\(grid.file), sheet \(grid.name)",
          message:
            "\(entry.label): \(entry.fileCount) in the file (\(show(entry.file))), "
            + "\(entry.workspaceCount) outstanding in the workspace on \(result.asOf) "
            + "(\(show(entry.workspace)))"))
    }
  }
}
