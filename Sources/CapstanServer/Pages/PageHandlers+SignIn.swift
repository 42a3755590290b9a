import CapstanModel
import Foundation
import HTTPTypes
import Hummingbird

/// The sign-in, sign-out and password pages.
enum PageHandlers {
  /// `GET /sign-in`: the form (and the sign-in cookie its token is bound to, when new).
  @Sendable static func signInForm(
    _ request: Request, _ context: ServerContext, _ state: ServerState
  ) async throws -> Response {
    formPage("sign-in", ["title": "Sign in"], context: context, state: state)
  }

  /// `POST /sign-in`: checks the e-mail and password (rate-limited per e-mail and address),
  /// then starts a new session (a new id every time: a cookie set before never becomes a
  /// session) and sends the browser home.
  @Sendable static func signIn(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    let email = (context.form["email"] ?? "").trimmingCharacters(in: .whitespaces)
    let password = context.form["password"] ?? ""
    guard !email.isEmpty, !password.isEmpty else {
      // Nothing to check: not counted as a failed attempt.
      return formPage(
        "sign-in",
        ["title": "Sign in", "email": email, "error": "Give your e-mail and your password."],
        context: context, state: state, status: .badRequest)
    }
    let keys = SignInLimiter.keys(email: email, address: context.clientAddress)
    let now = PasswordLinks.now()
    if let wait = await state.limiter.retryAfter(keys, now: now) {
      let minutes = (wait + 59) / 60
      var response = formPage(
        "sign-in",
        [
          "title": "Sign in", "email": email,
          "error": "Too many failed sign-ins: try again in \(minutes) minute(s).",
        ], context: context, state: state, status: .tooManyRequests)
      response.headers[.retryAfter] = String(wait)
      return response
    }
    let workspace = state.workspace
    let user = try await Blocking.run { () -> User? in
      let directory = try workspace.accessDirectory()
      let user = directory.user(email: email)
      let hash = user.flatMap { directory.passwords[$0.id] }
      // An unknown user costs a bcrypt check too, so timing does not tell who exists.
      let matches = Passwords.verify(password, hash: hash ?? Passwords.decoy)
      return matches && hash != nil ? user : nil
    }
    guard let user else {
      await state.limiter.fail(keys, now: now)
      return formPage(
        "sign-in",
        ["title": "Sign in", "email": email, "error": "The e-mail or the password is wrong."],
        context: context, state: state, status: .unauthorized)
    }
    let id = SessionCookies.newID()
    let session = BrowserSession(
      hash: APITokens.hash(id), user: user.id, created: now,
      expires: now + state.sessionLifetime)
    let previous = context.sessionID
    try await Blocking.run {
      try workspace.addSession(session)
      if let previous { try workspace.endSession(hash: APITokens.hash(previous), at: now) }
    }
    return Page.redirect(
      to: "/",
      cookies: [
        state.cookies.header(SessionCookies.session, id, maxAge: state.sessionLifetime),
        state.cookies.header(SessionCookies.signIn, "", maxAge: 0),
      ])
  }

  /// `POST /sign-out`: ends the session; the cookie is deleted.
  @Sendable static func signOut(_ request: Request, _ context: ServerContext, _ state: ServerState)
    async throws -> Response
  {
    if let id = context.sessionID {
      let workspace = state.workspace
      let now = PasswordLinks.now()
      try await Blocking.run { try workspace.endSession(hash: APITokens.hash(id), at: now) }
    }
    return Page.redirect(
      to: "/sign-in", cookies: [state.cookies.header(SessionCookies.session, "", maxAge: 0)])
  }

  /// `GET /set-password?token=...`: the form of a one-time link.
  @Sendable static func setPasswordForm(
    _ request: Request, _ context: ServerContext, _ state: ServerState
  ) async throws -> Response {
    let token = request.uri.queryParameters.get("token") ?? ""
    return formPage(
      "set-password",
      ["title": "Set your password", "token": token, "minimum": Passwords.minimumLength],
      context: context, state: state)
  }

  /// `POST /set-password`: uses the link (once, before it expires) to set the password,
  /// audited as its user from the client's address.
  @Sendable static func setPassword(
    _ request: Request, _ context: ServerContext, _ state: ServerState
  ) async throws -> Response {
    let token = context.form["token"] ?? ""
    let password = context.form["password"] ?? ""
    func refused(_ message: String, _ status: HTTPResponse.Status) -> Response {
      formPage(
        "set-password",
        [
          "title": "Set your password", "token": token, "error": message,
          "minimum": Passwords.minimumLength,
        ], context: context, state: state, status: status)
    }
    guard password == context.form["confirm"] else {
      return refused("The two passwords differ.", .badRequest)
    }
    let hash: String
    do {
      hash = try await Blocking.run { try Passwords.hash(password) }
    } catch let error as PasswordError {
      return refused(
        error.description.prefix(1).uppercased() + error.description.dropFirst() + ".", .badRequest)
    }
    let workspace = state.workspace
    let address = context.clientAddress
    let now = PasswordLinks.now()
    do {
      let user = try await Blocking.run {
        try workspace.write { draft in
          let user = try draft.usePasswordLink(
            hash: APITokens.hash(token), passwordHash: hash, now: now)
          draft.audit(
            as: AuditContext(
              who: user.id.rawValue, from: address, requestID: UUID().uuidString.lowercased(),
              action: "POST /set-password"))
          return user
        }
      }
      return Page.message(
        "Password set", "The password of \(user.email) is set: sign in with it.",
        context: context, isError: false, link: ("/sign-in", "Sign in"))
    } catch let error as AccessError {
      return Page.message(
        "Password not set", error.description, context: context, isError: true,
        status: .badRequest, link: ("/sign-in", "Sign in"))
    }
  }

  /// A page with a form: its CSRF token is bound to the session, else to the sign-in cookie
  /// (set here when the browser has none).
  static func formPage(
    _ template: String, _ values: [String: Any], context: ServerContext, state: ServerState,
    status: HTTPResponse.Status = .ok
  ) -> Response {
    var values = values
    let bound = context.sessionID ?? context.signInID ?? SessionCookies.newID()
    values["csrf"] = SessionCookies.csrfToken(for: bound)
    var response = Page.response(template, values, context: context, status: status)
    if context.sessionID == nil && context.signInID != bound {
      response.headers.append(
        HTTPField(
          name: .setCookie,
          value: state.cookies.header(
            SessionCookies.signIn, bound, maxAge: SessionCookies.signInLifetime)))
    }
    return response
  }
}
