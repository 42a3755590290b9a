import CapstanModel
import Hummingbird

/// The API's routes: the one list the router, the access middleware and `/openapi.json` are
/// made from.
enum ServerRoutes {
  static let asOf = ("asOf", "The date of the view, YYYY-MM-DD (default: today).")

  static let all: [Route] = [
    Route(
      method: .get, path: "/companies", access: .signedIn,
      summary: "The companies the caller has a role in (all, for a workspace administrator).",
      handler: Handlers.companies),
    Route(
      method: .get, path: "/companies/{company}/table", access: .company(.summary),
      summary:
        "The cap table (capstan table --format json); a summary role sees it by class only.",
      query: [
        asOf,
        ("basis", "outstanding, fully-diluted (default) or fully-diluted-with-convertibles."),
        ("by", "holder (default) or class."),
      ], handler: Handlers.table),
    Route(
      method: .get, path: "/companies/{company}/ledger", access: .company(.viewer),
      summary: "The ledger (capstan ledger --format json).", handler: Handlers.ledger),
    Route(
      method: .get, path: "/companies/{company}/stakeholders/{stakeholder}/holdings",
      access: .companyOrHolder(.viewer),
      summary: "One stakeholder's securities (a holder: only their own).", query: [asOf],
      handler: Handlers.holdings),
    Route(
      method: .get, path: "/companies/{company}/convertibles", access: .company(.viewer),
      summary: "The SAFEs or notes (capstan safe list / note list --format json).",
      query: [asOf, ("kind", "safe (default) or note.")], handler: Handlers.convertibles),
    Route(
      method: .get, path: "/companies/{company}/vesting", access: .companyOrHolder(.viewer),
      summary: "Vesting (capstan vesting --format json); a holder sees only their own rows.",
      query: [asOf], handler: Handlers.vesting),
    Route(
      method: .post, path: "/companies/{company}/issuances", access: .company(.editor),
      summary:
        "Issue shares (capstan issue): {holder, shares, class, price, date, exempt?}; audited.",
      takesBody: true, success: .created, handler: Handlers.issue),
    Route(
      method: .get, path: "/audit", access: .workspaceAdmin,
      summary: "The audit records (capstan audit --format json).",
      query: [("company", "Only this company (id or name)."), ("since", "From this date.")],
      handler: Handlers.audit),
    Route(
      method: .get, path: "/openapi.json", access: .anyone,
      summary: "This document.", handler: Handlers.openAPI),
  ]

  /// The routes by `key`.
  static let byKey: [String: Route] = Dictionary(
    all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
}
