import CapstanInterchange
import CapstanModel
import CapstanReports

/// What `capstan import` prints for a workbook or CSV file: what was found and created, the
/// assumptions, and the reconciliation of the file against the workspace.
public struct SheetImportReport {
  /// The sheet read.
  public let sheet: SheetImport
  /// What was written (or would be, in a dry run).
  public let result: SheetImportResult
  /// The company imported into.
  public let company: Company
  /// True when nothing was written.
  public let dryRun: Bool

  /// The report of `result`, written (or not, when `dryRun`) from `sheet` into `company`.
  public init(sheet: SheetImport, result: SheetImportResult, company: Company, dryRun: Bool) {
    self.sheet = sheet
    self.result = result
    self.company = company
    self.dryRun = dryRun
  }

  /// Every warning: the sheet's, the class terms', the reconciliation's.
  public var warnings: [SheetImport.Warning] {
    sheet.warnings + result.warnings + result.reconciliation.warnings
  }

  private func shownPrice(_ value: Ratio) -> String { Price(value, company.currency).formatted() }
  private func money(_ value: Ratio) -> String { Money(value, company.currency).formatted }
  private func multiple(_ value: Ratio) -> String {
    value.decimalString(places: 4, minimumPlaces: 0) + "x"
  }

  /// `issue price $1.00, 1x non-participating, seniority 1, no anti-dilution`.
  public func terms(_ shareClass: ShareClass) -> String {
    guard shareClass.kind == .preferred, let preference = shareClass.preference else {
      return shareClass.originalIssuePrice.map { "issue price \(shownPrice($0))" } ?? ""
    }
    let participation: String =
      switch preference.participation {
      case .none: "non-participating"
      case .full: "participating"
      case .capped(let cap): "participating capped at \(multiple(cap))"
      }
    return
      "issue price \(shareClass.originalIssuePrice.map(shownPrice) ?? "none"), "
      + "\(multiple(preference.multiple)) \(participation), seniority \(preference.seniority), "
      + "anti-dilution \(shareClass.antiDilution.rawValue), converts at "
      + shownPrice(shareClass.conversionPrice ?? shareClass.originalIssuePrice ?? .zero)
  }

  /// One recorded transaction in words.
  public func describe(_ event: LedgerEvent) -> String {
    ImportedEvent.describe(event, names: result.names, currency: company.currency)
  }

  /// The text report.
  public func text() -> String {
    let header = sheet.mapping.headerRow
    var out = ImportedEvent.fold(
      "",
      (dryRun ? "Dry run of " : "Imported ")
        + "\(sheet.grid.file), sheet \(sheet.grid.name) (header row \(header)) "
        + "into \(company.name):")
    let verb = dryRun ? "would create" : "created"
    let mapped = SheetColumn.allCases.compactMap { column in
      sheet.mapping.columns[column].map {
        "\(column.rawValue) = \(SheetGrid.reference(column: $0, row: header))"
      }
    }
    out += ImportedEvent.fold("  ", "columns: \(mapped.joined(separator: ", "))")
    let terms = ClassTermColumn.allCases.compactMap { column in
      sheet.mapping.classTerms[column].map {
        "\(column.rawValue) = \(SheetGrid.reference(column: $0, row: header))"
      }
    }
    if !terms.isEmpty {
      out += ImportedEvent.fold("  ", "class term columns: \(terms.joined(separator: ", "))")
    }
    if let classSheet = sheet.classSheet { out += "  class terms from sheet \(classSheet)\n" }
    if let details = sheet.holderDetails {
      out += "  stakeholder types and e-mails from sheet \(details.sheet)\n"
    }
    let unmapped = sheet.mapping.unmapped.map {
      "\"\($0.header)\" (\(SheetGrid.reference(column: $0.column, row: header)))"
    }
    out += ImportedEvent.fold(
      "  ", "unmapped columns: \(unmapped.isEmpty ? "none" : unmapped.joined(separator: ", "))")
    let holders = result.stakeholders.map { "\($0.name) (\($0.kind.rawValue))" }
    out += ImportedEvent.fold(
      "  ",
      "\(verb) \(result.stakeholders.count) stakeholders"
        + (holders.isEmpty ? "" : ": " + holders.joined(separator: ", ")))
    for shareClass in result.classes {
      let described = self.terms(shareClass)
      out += ImportedEvent.fold(
        "  ",
        "\(verb) class \(shareClass.name) (\(shareClass.kind.rawValue)), "
          + "\(shareClass.initialAuthorized) authorized"
          + (described.isEmpty ? "" : ": \(described)"))
    }
    for plan in result.plans {
      out += "  \(verb) plan \(plan.name) of \(plan.className), \(plan.reserve) reserved\n"
    }
    for pool in sheet.pools {
      out += "  pool: row \(pool.row) '\(pool.label)': \(pool.available) available for grant\n"
    }
    for total in sheet.totals {
      let figures =
        (total.shares.map { "\($0) shares" } ?? "")
        + (total.shares != nil && total.cost != nil
          ? ", " : "") + (total.cost.map { "cost \(money($0))" } ?? "")
      let verdict =
        total.sharesMatch && total.costMatches
        ? "matches \(total.covers)" + (total.includesPool ? " with the pool" : "")
        : "does not match \(total.covers) (see warnings)"
      out += ImportedEvent.fold(
        "  ", "total: row \(total.row) '\(total.label)': \(figures); \(verdict)")
    }
    out += "  \(verb) \(result.transactions.count) transactions:\n"
    for transaction in result.transactions {
      out += ImportedEvent.fold("    ", "\(transaction.date) \(describe(transaction.event))")
    }
    if !result.keptIDs.isEmpty {
      out += ImportedEvent.fold(
        "  ", "custom ids kept from the file: \(result.keptIDs.joined(separator: ", "))")
    }
    for skipped in sheet.skipped {
      out += "  skipped row \(skipped.row): \(skipped.reason)\n"
    }
    let notes = sheet.notes + result.notes
    if !notes.isEmpty {
      out += "  assumptions:\n"
      for note in notes { out += ImportedEvent.fold("    - ", note) }
    }
    out += reconciliationText()
    if dryRun { out += "Nothing written (dry run).\n" }
    return out
  }

  private func reconciliationText() -> String {
    let report = result.reconciliation
    var out =
      "Reconciliation as of \(report.asOf) (the file beside the workspace after the import):\n"
    var table = TextTable([
      ("", .left), ("file shares", .right), ("file cost", .right), ("workspace", .right),
      ("workspace cost", .right), ("", .left),
    ])
    func add(_ kind: String, _ line: SheetReconciliation.Line) {
      table.add([
        kind.isEmpty ? line.name : "\(kind) \(line.name)", line.fileShares.formatted,
        money(line.fileCost),
        line.workspaceShares.formatted, money(line.workspaceCost),
        line.matches ? "ok" : "DIFFERS",
      ])
    }
    for line in report.classes { add("class", line) }
    for line in report.stakeholders { add("", line) }
    out += table.render().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
    for plan in report.plans {
      out += ImportedEvent.fold(
        "  ",
        "plan \(plan.name): options \(plan.fileGranted) file / \(plan.workspaceOutstanding) "
          + "workspace; available "
          + (plan.fileAvailable.map { "\($0) file / " } ?? "(no pool row) ")
          + "\(plan.workspaceAvailable) workspace" + (plan.matches ? "" : " (DIFFERS)"))
    }
    let all = warnings
    if all.isEmpty {
      out += "Everything matches; no warnings.\n"
    } else {
      out += "Warnings (\(all.count)):\n"
      for warning in all {
        out += ImportedEvent.fold("  ", "\(warning.location): \(warning.message)")
      }
    }
    return out
  }
}
