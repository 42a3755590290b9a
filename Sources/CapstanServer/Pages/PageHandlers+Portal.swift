import CapstanEngine
import CapstanModel
import CapstanReports
import Foundation
import Hummingbird

/// A holder's portal page.
extension PageHandlers {
  /// The query fields of the exit values (up to three).
  static let exitFields = ["exit1", "exit2", "exit3"]

  /// `GET /web/companies/{company}/stakeholders/{stakeholder}`: one stakeholder's shares and
  /// options, vesting today and as of a chosen date, and what their stake pays at up to three
  /// exit values given in the form (the engine's waterfall: options exercised when in the
  /// money, SAFEs and notes outstanding converting, no expenses). A holder opens only their
  /// own (`AccessPolicy`: another stakeholder is not found for them).
  @Sendable static func portal(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try Handlers.allowed(context)
    let company = try Handlers.required(access.company)
    let stakeholder = try Handlers.required(access.stakeholder)
    let today = CalendarDate.today()
    let date = try Handlers.asOf(request)
    let query = request.uri.queryParameters
    let exits = try exitFields.compactMap { field -> (String, Ratio)? in
      guard let text = query.get(field), !text.isEmpty else { return nil }
      return (text, try AmountParser.amount(text, field: field))
    }
    let (ledger, table) = try await state.cache.table(company.id, asOf: date)
    let name = table.name(of: stakeholder.id)
    let later = ledger.laterEntries(after: date)
    let holdings = SecurityRegisterView(
      company: company.name, asOf: date, fullyDiluted: true,
      rows: SecurityRegister.rows(table, fullyDiluted: true, customIDs: ledger.customIDs)
        .filter { $0.holder == name }, laterEntries: nil
    ).json()
    var sections = PageTable.sections(holdings).map { renamed($0, "Your shares and options") }
    var dates = [today]
    if date != today { dates.append(date) }
    for day in dates {
      let (_, dayTable) = try await state.cache.table(company.id, asOf: day)
      let vesting = VestingView(
        company: company.name, asOf: day, report: VestingReport(dayTable, holder: name),
        customIDs: ledger.customIDs, laterEntries: nil
      ).json()
      let heading = day == today ? "Vesting today (\(day.iso))" : "Vesting on \(day.iso)"
      sections += PageTable.sections(vesting).map { renamed($0, heading) }
    }
    sections.append(try exitSection(exits, ledger: ledger, date: date, stakeholder, company))
    let fields = zip(exitFields, ["First exit value", "Second exit value", "Third exit value"])
      .map { field, label in ["name": field, "label": label, "value": query.get(field) ?? ""] }
    return companyPage(
      company, access: access, heading: "\(name) in \(company.name)",
      subtitle: "Your own securities and vesting; the dated table is as of \(date.iso).",
      date: date, action: "/stakeholders/\(Page.segment(stakeholder.id.rawValue))",
      sections: sections, footnotes: footnotes(later, convertibles: false), context: context,
      extraFields: fields)
  }

  /// What the stakeholder receives at each exit value (the waterfall's own payout, in the
  /// company's currency).
  static func exitSection(
    _ exits: [(String, Ratio)], ledger: Ledger, date: CalendarDate, _ stakeholder: Stakeholder,
    _ company: Company
  ) throws -> [String: Any] {
    let heading = "What your stake pays at an exit"
    guard !exits.isEmpty else {
      return [
        "heading": heading,
        "empty": "Give up to three exit values (the company's sale price) above to see them.",
      ]
    }
    let waterfall = try ledger.exitSetup(asOf: date).waterfall
    let rows = try exits.map { _, value -> [String: Any] in
      let payout = try waterfall.distribution(at: value).payout(of: stakeholder.id)?.payout
      let cells: [[String: Any]] = [
        ["text": Money(value, company.currency).formatted, "number": true],
        ["text": Money(payout ?? .zero, company.currency).formatted, "number": true],
      ]
      return ["cells": cells]
    }
    let table: [String: Any] = ["columns": ["Exit value", "You receive"], "rows": rows]
    return [
      "heading": heading,
      "note":
        "The exit values given in the form; options exercised when in the money, SAFEs and "
        + "notes outstanding converting, no transaction expenses.",
      "table": table,
    ]
  }

  private static func renamed(_ section: [String: Any], _ heading: String) -> [String: Any] {
    var section = section
    if let old = section["heading"] as? String, !old.contains(":") { section["heading"] = heading }
    return section
  }
}
