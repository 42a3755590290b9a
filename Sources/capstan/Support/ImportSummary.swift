import CapstanInterchange
import CapstanModel

/// What `capstan import` prints.
enum ImportSummary {
  static func counts(_ image: CompanyImage) -> String {
    counts(image, tally: image.tally)
  }

  /// What an import holds: `image`'s reference data and `tally`'s transactions.
  static func counts(_ image: CompanyImage, tally: TransactionTally) -> String {
    let kinds = tally.description
    return
      "\(image.stakeholders.count) stakeholders, \(image.classes.count) classes, "
      + "\(image.plans.count) plans, "
      + (image.tokens.isEmpty
        ? "" : "\(image.tokens.count) tokens with \(image.tokenPrices.count) prices, ")
      + (image.valuations.isEmpty
        ? ""
        : "\(image.valuations.count) valuation\(image.valuations.count == 1 ? "" : "s"), ")
      + "\(tally.total) transactions"
      + (kinds.isEmpty ? "" : " (\(kinds))")
  }

  static func dryRun(_ image: CompanyImage, file: String) -> String {
    dryRun(counts: counts(image), company: image.company, file: file)
  }

  static func dryRun(counts: String, company: Company, file: String) -> String {
    "Dry run of \(file): would create company \(company.name) with \(counts); nothing written\n"
  }

  static func imported(_ image: CompanyImage, company: Company, file: String) -> String {
    imported(counts: counts(image), company: company, file: file)
  }

  /// The same, from `counts(_:)` taken before the image gave its transactions away.
  static func imported(counts: String, company: Company, file: String) -> String {
    "Imported \(file): company \(company.name), \(counts)\n"
  }

  static func sheet(
    _ sheet: SheetImport, result: SheetImportResult, company: Company, dryRun: Bool
  ) -> String {
    var out =
      (dryRun ? "Dry run of " : "Imported ")
      + "\(sheet.grid.file), sheet \(sheet.grid.name) (header row \(sheet.mapping.headerRow)) "
      + "into \(company.name):\n"
    let verb = dryRun ? "would create" : "created"
    let mapped = SheetColumn.allCases.compactMap { column in
      sheet.mapping.columns[column].map {
        "\(column.rawValue) = \(SheetGrid.reference(column: $0, row: sheet.mapping.headerRow))"
      }
    }
    out += "  columns: \(mapped.joined(separator: ", "))\n"
    let unmapped = sheet.mapping.unmapped.map {
      "\"\($0.header)\" (\(SheetGrid.reference(column: $0.column, row: sheet.mapping.headerRow)))"
    }
    out += "  unmapped columns: \(unmapped.isEmpty ? "none" : unmapped.joined(separator: ", "))\n"
    out +=
      "  \(verb) \(result.stakeholders.count) stakeholders"
      + (result.stakeholders.isEmpty ? "" : ": \(result.stakeholders.joined(separator: ", "))")
      + "\n"
    for shareClass in result.classes {
      out += "  \(verb) class \(shareClass.name), \(shareClass.authorized) authorized\n"
    }
    for plan in result.plans {
      out += "  \(verb) plan \(plan.name), \(plan.reserve) reserved\n"
    }
    out += "  \(verb) \(result.transactions.count) transactions:\n"
    for transaction in result.transactions {
      out += "    \(transaction.date) \(describe(transaction.event))\n"
    }
    for skipped in sheet.skipped {
      out += "  skipped row \(skipped.row): \(skipped.reason)\n"
    }
    for note in sheet.notes { out += "  note: \(note)\n" }
    if dryRun { out += "Nothing written (dry run).\n" }
    return out
  }

  static func describe(_ event: LedgerEvent) -> String {
    switch event {
    case .issueStock(let i):
      "issue \(i.security): \(i.quantity) \(i.shareClass) to \(i.holder) at \(Price(i.pricePerShare, .usd).exactString)"
    case .grantOptions(let g):
      "grant \(g.security): \(g.quantity) options of \(g.plan) to \(g.holder), strike \(Price(g.strike, .usd).exactString)"
        + (g.vesting.map { ", vesting \($0.notation) from \($0.start)" } ?? "")
    default: event.kind
    }
  }
}
