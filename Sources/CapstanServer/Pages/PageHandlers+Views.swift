import CapstanEngine
import CapstanModel
import CapstanReports
import Foundation
import Hummingbird

/// The pages that show a company: each built from the same Reports view the JSON route
/// serves, for a request `AccessPolicy` allowed.
extension PageHandlers {
  /// `GET /`: the caller's companies, with the pages their role may open.
  @Sendable static func home(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let principal = try Handlers.allowed(context).principal
    let workspace = state.workspace
    let companies = try await Blocking.run { try workspace.companies() }
    let rows = companies.compactMap { company -> [String: Any]? in
      guard let role = AccessPolicy.role(of: principal, in: company.id) else { return nil }
      let base = "/web/companies/\(Page.segment(company.id.rawValue))"
      var links: [[String: String]] = []
      if role == .holder {
        if let own = principal.grants.first(where: { $0.company == company.id })?.stakeholder {
          links.append([
            "href": "\(base)/stakeholders/\(Page.segment(own.rawValue))",
            "label": "Your holdings and vesting",
          ])
        }
      } else {
        links.append(["href": base, "label": "Overview"])
        if role.includes(.viewer) {
          links.append(["href": "\(base)/ledger", "label": "Ledger"])
          links.append(["href": "\(base)/vesting", "label": "Vesting"])
        }
      }
      return ["name": company.name, "role": role.rawValue, "links": links]
    }
    return Page.response("home", ["title": "Your companies", "companies": rows], context: context)
  }

  /// `GET /web/companies/{company}`: the table by holder (by class only for a summary role)
  /// and by class, as of a date, with the convertibles outstanding.
  @Sendable static func overview(
    _ request: Request, _ context: ServerContext, _ state: ServerState
  ) async throws -> Response {
    let access = try Handlers.allowed(context)
    let company = try Handlers.required(access.company)
    let date = try Handlers.asOf(request)
    let (ledger, table) = try await state.cache.table(company.id, asOf: date)
    let estimate = try ConvertibleEstimate(table, on: date, roundPrice: nil)
    let later = ledger.laterEntries(after: date)
    var sections: [[String: Any]] = []
    let groupings: [(OwnershipGrouping, String)] =
      access.role == .summary
      ? [(.shareClass, "By class")] : [(.holder, "By holder"), (.shareClass, "By class")]
    for (grouping, heading) in groupings {
      let view = OwnershipView(table, basis: .fullyDiluted, grouping: grouping)
      let document = OwnershipTableView(
        view, estimate: estimate, currency: company.currency, laterEntries: later
      ).json()
      sections += PageTable.sections(document).map { section in
        var section = section
        if section["heading"] as? String == "Rows" { section["heading"] = heading }
        return section
      }
    }
    // The convertibles appear once, after both tables.
    let convertibles = sections.filter {
      ($0["heading"] as? String)?.hasPrefix("Convertibles") == true
    }
    sections.removeAll { ($0["heading"] as? String)?.hasPrefix("Convertibles") == true }
    // A summary role sees no holder's row, a convertible's included.
    if access.role != .summary { sections += convertibles.prefix(1) }
    return companyPage(
      company, access: access, heading: "\(company.name): cap table",
      subtitle: "Fully diluted, as of \(date.iso).", date: date, action: "", sections: sections,
      footnotes: footnotes(later, convertibles: !convertibles.isEmpty), context: context)
  }

  /// `GET /web/companies/{company}/ledger`: every transaction, as `capstan ledger` lists it.
  @Sendable static func ledger(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try Handlers.allowed(context)
    let company = try Handlers.required(access.company)
    let ledger = try await state.cache.ledger(company.id)
    let document = LedgerListingView(
      company: company.name, entries: LedgerListing.entries(of: ledger), includeVoided: false
    ).json()
    return companyPage(
      company, access: access, heading: "\(company.name): ledger", subtitle: nil, date: nil,
      action: "/ledger", sections: PageTable.sections(document), footnotes: [], context: context)
  }

  /// `GET /web/companies/{company}/vesting`: vesting as of a date (a holder: their own rows).
  @Sendable static func vesting(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try Handlers.allowed(context)
    let company = try Handlers.required(access.company)
    let date = try Handlers.asOf(request)
    let (ledger, table) = try await state.cache.table(company.id, asOf: date)
    let report = VestingReport(table, holder: access.holderStakeholder.map { table.name(of: $0) })
    let document = VestingView(
      company: company.name, asOf: date, report: report, customIDs: ledger.customIDs,
      laterEntries: ledger.laterEntries(after: date)
    ).json()
    return companyPage(
      company, access: access, heading: "\(company.name): vesting",
      subtitle: "As of \(date.iso).", date: date, action: "/vesting",
      sections: PageTable.sections(document),
      footnotes: footnotes(ledger.laterEntries(after: date), convertibles: false),
      context: context)
  }

  /// The footnotes under a dated view.
  static func footnotes(_ later: LaterEntries?, convertibles: Bool) -> [String] {
    var notes: [String] = []
    if convertibles {
      notes.append(
        "Convertibles: the SAFEs and notes outstanding are not counted in the fully diluted "
          + "table; their estimated shares are at their cap (none without a cap).")
    }
    // The count and the date only: the latest entry's summary may name another holder.
    if let later {
      notes.append(
        "\(later.count) ledger entr\(later.count == 1 ? "y is" : "ies are") dated after this "
          + "date (the latest on \(later.latest.iso)).")
    }
    return notes
  }

  /// A company's page: the view's sections under the company's links and the date form.
  static func companyPage(
    _ company: Company, access: Authorized, heading: String, subtitle: String?,
    date: CalendarDate?, action: String, sections: [[String: Any]], footnotes: [String],
    context: ServerContext, extraFields: [[String: String]] = []
  ) -> Response {
    let base = "/web/companies/\(Page.segment(company.id.rawValue))"
    var links: [[String: String]] = []
    if access.role != .holder {
      links.append(["href": base, "label": "Overview"])
      if access.role?.includes(.viewer) == true {
        links.append(["href": "\(base)/ledger", "label": "Ledger"])
        links.append(["href": "\(base)/vesting", "label": "Vesting"])
      }
    }
    var values: [String: Any] = [
      "title": heading, "heading": heading, "sections": sections, "footnotes": footnotes,
      "links": links, "hasLinks": !links.isEmpty,
    ]
    if let subtitle { values["subtitle"] = subtitle }
    if let date {
      let form: [String: Any] = ["action": base + action, "asOf": date.iso, "fields": extraFields]
      values["dateForm"] = form
    }
    return Page.response("view", values, context: context)
  }
}
