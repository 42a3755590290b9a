import CapstanModel
import Hummingbird

/// The API's routes: the one list the router, the access middleware and `/openapi.json` are
/// made from.
enum ServerRoutes {
  static let asOf = ("asOf", "The date of the view, YYYY-MM-DD (default: today).")

  static let api: [Route] = [
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

  /// Every route: the API's, then the pages.
  static let all = api + pages

  /// The HTML pages (issue 20 item 5): in the same table, so the access middleware and the
  /// access matrix see them; `/openapi.json` leaves them out.
  static let pages: [Route] = [
    Route(
      method: .get, path: "/sign-in", access: .anyone, summary: "The sign-in form.",
      page: true, handler: PageHandlers.signInForm),
    Route(
      method: .post, path: "/sign-in", access: .anyone,
      summary: "Sign in (form: email, password, csrf): a new session cookie.", page: true,
      handler: PageHandlers.signIn),
    Route(
      method: .post, path: "/sign-out", access: .signedIn, summary: "End the session.",
      page: true, handler: PageHandlers.signOut),
    Route(
      method: .get, path: "/set-password", access: .anyone,
      summary: "The form of a one-time password link.", query: [("token", "The link's token.")],
      page: true, handler: PageHandlers.setPasswordForm),
    Route(
      method: .post, path: "/set-password", access: .anyone,
      summary: "Set a password with a one-time link (form: token, password, confirm, csrf).",
      page: true, handler: PageHandlers.setPassword),
    Route(
      method: .get, path: "/", access: .signedIn, summary: "The caller's companies.",
      page: true, handler: PageHandlers.home),
    Route(
      method: .get, path: "/web/companies/{company}", access: .company(.summary),
      summary: "The cap table by holder and class (a summary role: by class only).",
      query: [asOf], page: true, handler: PageHandlers.overview),
    Route(
      method: .get, path: "/web/companies/{company}/ledger", access: .company(.viewer),
      summary: "The ledger.", page: true, handler: PageHandlers.ledger),
    Route(
      method: .get, path: "/web/companies/{company}/vesting", access: .companyOrHolder(.viewer),
      summary: "Vesting (a holder: their own rows).", query: [asOf], page: true,
      handler: PageHandlers.vesting),
    Route(
      method: .get, path: "/web/companies/{company}/stakeholders/{stakeholder}",
      access: .companyOrHolder(.viewer),
      summary: "A stakeholder's portal: holdings, vesting, exit payouts (a holder: their own).",
      query: [
        asOf, ("exit1", "An exit value."), ("exit2", "An exit value."), ("exit3", "An exit value."),
      ],
      page: true, handler: PageHandlers.portal),
  ]

  /// The routes by `key`.
  static let byKey: [String: Route] = Dictionary(
    all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
}
