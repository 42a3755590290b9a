import CapstanEngine
import CapstanModel
import CapstanReports
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The routes' handlers: each answers with the Reports view the CLI prints with
/// `--format json`, for a request the access middleware already allowed.
enum Handlers {
  @Sendable static func companies(
    _ request: Request, _ context: ServerContext, _ state: ServerState
  )
    async throws -> Response
  {
    let principal = try allowed(context).principal
    let workspace = state.workspace
    let all = try await Blocking.run { try workspace.companies() }
    let visible = all.filter { AccessPolicy.role(of: principal, in: $0.id) != nil }
    return JSON.response(WorkspaceListView.companies(visible).json())
  }

  @Sendable static func table(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try allowed(context)
    let company = try required(access.company)
    let date = try asOf(request)
    let basis = request.uri.queryParameters.get("basis") ?? "fully-diluted"
    var grouping: OwnershipGrouping
    switch request.uri.queryParameters.get("by") ?? "holder" {
    case "holder": grouping = .holder
    case "class": grouping = .shareClass
    case let other: throw invalid("by", other, "holder or class")
    }
    // A summary role sees totals by class, never a holder's row.
    if access.role == .summary { grouping = .shareClass }
    guard ["outstanding", "fully-diluted", "fully-diluted-with-convertibles"].contains(basis)
    else {
      throw invalid(
        "basis", basis, "outstanding, fully-diluted or fully-diluted-with-convertibles")
    }
    let currency = company.currency
    let grouped = grouping
    // Nor the convertibles' footnote, whose lines name each SAFE's or note's holder.
    let namesHolders = access.role != .summary
    // The rendered document is cached per version, date, basis, grouping and whether it
    // names holders (the role changes only those two, above).
    let document = try await state.cache.document(
      company.id, asOf: date,
      view: "\(basis) \(grouped.rawValue)" + (namesHolders ? "" : " without holders")
    ) { ledger, table in
      let estimate = try ConvertibleEstimate(table, on: date, roundPrice: nil)
      let view: OwnershipView
      switch basis {
      case "outstanding": view = OwnershipView(table, basis: .outstanding, grouping: grouped)
      case "fully-diluted-with-convertibles":
        view = OwnershipView(table, grouping: grouped, convertibles: estimate)
      default: view = OwnershipView(table, basis: .fullyDiluted, grouping: grouped)
      }
      return OwnershipTableView(
        view, estimate: namesHolders ? estimate : nil, currency: currency,
        laterEntries: ledger.laterEntries(after: date)
      ).json().render()
    }
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
  }

  @Sendable static func ledger(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let company = try required(try allowed(context).company)
    let ledger = try await state.cache.ledger(company.id)
    let entries = LedgerListing.entries(of: ledger)
    return JSON.response(
      LedgerListingView(company: company.name, entries: entries, includeVoided: false).json())
  }

  @Sendable static func holdings(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try allowed(context)
    let company = try required(access.company)
    let stakeholder = try required(access.stakeholder)
    let date = try asOf(request)
    let (ledger, table) = try await state.cache.table(company.id, asOf: date)
    let rows = SecurityRegister.rows(table, fullyDiluted: true, customIDs: ledger.customIDs)
      .filter { $0.holder == table.name(of: stakeholder.id) }
    return JSON.response(
      SecurityRegisterView(
        company: company.name, asOf: date, fullyDiluted: true, rows: rows,
        laterEntries: ledger.laterEntries(after: date).map { access.seen($0) }
      ).json())
  }

  @Sendable static func convertibles(
    _ request: Request, _ context: ServerContext, _ state: ServerState
  ) async throws -> Response {
    let company = try required(try allowed(context).company)
    let kind = request.uri.queryParameters.get("kind") ?? "safe"
    guard kind == "safe" || kind == "note" else { throw invalid("kind", kind, "safe or note") }
    let date = try asOf(request)
    let (ledger, table) = try await state.cache.table(company.id, asOf: date)
    let report = ConvertibleListReport(
      kind: kind, rows: try ConvertibleListing.rows(ledger, table, kind: kind, on: date),
      company: ledger.company, date: date)
    return JSON.response(report.json(laterEntries: .laterEntries(ledger.laterEntries(after: date))))
  }

  @Sendable static func vesting(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let access = try allowed(context)
    let company = try required(access.company)
    let date = try asOf(request)
    let (ledger, table) = try await state.cache.table(company.id, asOf: date)
    // A holder's report holds their own rows only.
    let report = VestingReport(table, holder: access.holderStakeholder.map { table.name(of: $0) })
    return JSON.response(
      VestingView(
        company: company.name, asOf: date, report: report, customIDs: ledger.customIDs,
        laterEntries: ledger.laterEntries(after: date).map { access.seen($0) }
      ).json())
  }

  @Sendable static func audit(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    _ = try allowed(context)
    let workspace = state.workspace
    let query = request.uri.queryParameters
    let since = try query.get("since").map { try AmountParser.date(String($0), field: "since") }
    let (records, companies) = try await Blocking.run {
      (try workspace.auditRecords(), try workspace.companies())
    }
    var company: Company.ID?
    if let name = query.get("company") {
      guard let found = Lookup.company(name, in: companies) else { throw ServerError.notFound }
      company = found.id
    }
    return JSON.response(
      AuditListView(AuditListView.filtered(records, company: company, since: since)).json())
  }

  @Sendable static func openAPI(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    JSON.response(OpenAPIDocument.make(ServerRoutes.all))
  }

  // MARK: - Helpers

  static func allowed(_ context: ServerContext) throws -> Authorized {
    guard let access = context.access else { throw ServerError.unauthenticated }
    return access
  }

  static func required<T>(_ value: T?) throws -> T {
    guard let value else { throw ServerError.notFound }
    return value
  }

  static func asOf(_ request: Request) throws -> CalendarDate {
    guard let text = request.uri.queryParameters.get("asOf") else { return .today() }
    return try AmountParser.date(text, field: "asOf")
  }

  static func invalid(_ field: String, _ input: String, _ expected: String) -> InputError {
    InputError.invalid(field: field, input: input, expected: expected)
  }
}
