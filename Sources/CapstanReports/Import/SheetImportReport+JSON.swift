import CapstanInterchange
import CapstanModel
import CapstanReports

extension SheetImportReport {
  /// The report as JSON: shares as integers, money and prices as exact decimal strings.
  public func json() -> JSON {
    func amount(_ value: Ratio) -> JSON { .string(value.decimalString(places: 2)) }
    func line(_ line: SheetReconciliation.Line) -> JSON {
      .object([
        ("name", .string(line.name)), ("file_shares", .int(line.fileShares.count)),
        ("file_cost", amount(line.fileCost)),
        ("workspace_shares", .int(line.workspaceShares.count)),
        ("workspace_cost", amount(line.workspaceCost)), ("matches", .bool(line.matches)),
      ])
    }
    let report = result.reconciliation
    let classes: [JSON] = result.classes.map { shareClass in
      .object([
        ("name", .string(shareClass.name)), ("kind", .string(shareClass.kind.rawValue)),
        ("authorized", .int(shareClass.initialAuthorized.count)),
        (
          "original_issue_price",
          .optional(shareClass.originalIssuePrice.map { Price($0, company.currency).exactString })
        ),
        ("terms", .string(terms(shareClass))),
      ])
    }
    let totals: [JSON] = sheet.totals.map { total in
      .object([
        ("row", .int(Int64(total.row))), ("label", .string(total.label)),
        ("covers", .string(total.covers)),
        ("shares", total.shares.map { .int($0.count) } ?? .null),
        ("rows_shares", .int(total.rowsShares.count)),
        ("cost", total.cost.map(amount) ?? .null), ("rows_cost", amount(total.rowsCost)),
        ("includes_pool", .bool(total.includesPool)),
        ("matches", .bool(total.sharesMatch && total.costMatches)),
      ])
    }
    let plans: [JSON] = report.plans.map { plan in
      .object([
        ("name", .string(plan.name)), ("file_options", .int(plan.fileGranted.count)),
        ("workspace_options", .int(plan.workspaceOutstanding.count)),
        ("file_available", plan.fileAvailable.map { .int($0.count) } ?? .null),
        ("workspace_available", .int(plan.workspaceAvailable.count)),
        ("matches", .bool(plan.matches)),
      ])
    }
    return .object([
      ("file", .string(sheet.grid.file)), ("sheet", .string(sheet.grid.name)),
      ("company", .string(company.name)), ("dry_run", .bool(dryRun)),
      (
        "created",
        .object([
          (
            "stakeholders",
            .array(
              result.stakeholders.map {
                .object([("name", .string($0.name)), ("kind", .string($0.kind.rawValue))])
              })
          ),
          ("classes", .array(classes)),
          (
            "plans",
            .array(
              result.plans.map {
                .object([
                  ("name", .string($0.name)), ("class", .string($0.className)),
                  ("reserve", .int($0.reserve.count)),
                ])
              })
          ),
          ("transactions", .int(Int64(result.transactions.count))),
        ])
      ),
      ("ids_kept", .array(result.keptIDs.map(JSON.string))),
      ("totals", .array(totals)),
      ("assumptions", .array((sheet.notes + result.notes).map(JSON.string))),
      (
        "reconciliation",
        .object([
          ("as_of", .string(report.asOf.iso)), ("classes", .array(report.classes.map(line))),
          ("plans", .array(plans)), ("stakeholders", .array(report.stakeholders.map(line))),
        ])
      ),
      (
        "warnings",
        .array(
          warnings.map {
            .object([("location", .string($0.location)), ("message", .string($0.message))])
          })
      ),
    ])
  }
}
