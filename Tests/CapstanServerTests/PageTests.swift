import CapstanModel
import CapstanTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import CapstanServer

/// The pages as a browser uses them: cookies, forms, CSRF tokens, one-time links.
@Suite struct PageTests {
  @Test func signingInMakesANewSessionCookie() async throws {
    let fixture = try ServerFixture.sqlite()
    try fixture.setPassword(.editor)
    try await fixture.withServer { client in
      let jar = CookieJar()
      // A session id planted before sign-in (session fixation) never becomes the session.
      jar.cookies[SessionCookies.session] = "planted"
      let form = try await jar.get(client, "/sign-in")
      #expect(form.status == .ok)
      #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
      #expect(form.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
      let before = try #require(jar.cookies[SessionCookies.signIn])
      let response = try await jar.post(
        client, "/sign-in",
        [
          ("email", "EDITOR@acme.example"), ("password", testPassword),
          ("csrf", csrfToken(in: text(form))),
        ])
      #expect(response.status == .seeOther)
      #expect(response.headers[.location] == "/")
      let set = response.headers[values: .setCookie].first {
        $0.hasPrefix(SessionCookies.session + "=")
      }
      let header = try #require(set)
      // Loopback without TLS: no Secure (docs/server.md); the rest always.
      for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        #expect(header.contains(attribute), "\(attribute) in \(header)")
      }
      #expect(!header.contains("Secure"))
      let session = try #require(jar.cookies[SessionCookies.session])
      #expect(session != "planted" && session != before && session.count == 64)
      #expect(jar.cookies[SessionCookies.signIn] == nil)
      let home = try await jar.get(client, "/")
      #expect(home.status == .ok)
      #expect(text(home).contains("Acme AI") && text(home).contains("editor@acme.example"))
      // The planted id signs nobody in.
      let planted = CookieJar()
      planted.cookies[SessionCookies.session] = "planted"
      #expect(try await planted.get(client, "/").status == .seeOther)
      // A second sign-in gets yet another id, and the first one stops working.
      let again = try await jar.signIn(client, "editor@acme.example", testPassword)
      #expect(again.status == .seeOther)
      #expect(jar.cookies[SessionCookies.session] != session)
      let old = CookieJar()
      old.cookies[SessionCookies.session] = session
      #expect(try await old.get(client, "/").status == .seeOther)
    }
  }

  @Test func aCookieWithoutTheFormsTokenIsRefused() async throws {
    let fixture = try ServerFixture.sqlite()
    try fixture.setPassword(.editor)
    try await fixture.withServer { client in
      // No token on the sign-in form itself: refused before any password is checked.
      let stranger = CookieJar()
      _ = try await stranger.get(client, "/sign-in")
      let noToken = try await stranger.post(
        client, "/sign-in", [("email", "editor@acme.example"), ("password", testPassword)])
      #expect(noToken.status == .forbidden)
      let jar = CookieJar()
      #expect(try await jar.signIn(client, "editor@acme.example", testPassword).status == .seeOther)
      let home = try await jar.get(client, "/")
      let token = csrfToken(in: text(home))
      #expect(token.count == 64)
      #expect(try await jar.post(client, "/sign-out", []).status == .forbidden)
      // The token with its first digit changed (to another digit: always different).
      let wrong = (token.hasPrefix("0") ? "1" : "0") + token.dropFirst()
      #expect(try await jar.post(client, "/sign-out", [("csrf", wrong)]).status == .forbidden)
      // The JSON API signed in by the cookie needs the token too, in a header.
      var json = HTTPFields()
      json[.contentType] = "application/json"
      let refused = try await client.executeRequest(
        uri: "/companies/acme-ai/issuances", method: .post, headers: jar.headers(json),
        body: issuanceBody())
      #expect(refused.status == .forbidden)
      json[HTTPField.Name("x-csrf-token")!] = token
      let recorded = try await client.executeRequest(
        uri: "/companies/acme-ai/issuances", method: .post, headers: jar.headers(json),
        body: issuanceBody())
      #expect(recorded.status == .created)
      // A bearer token needs none.
      #expect(
        try await client.executeRequest(
          uri: "/companies/acme-ai/issuances", method: .post, headers: fixture.headers(.editor),
          body: issuanceBody()
        ).status == .created)
      // Signing out with the token ends the session.
      let session = try #require(jar.cookies[SessionCookies.session])
      let out = try await jar.post(client, "/sign-out", [("csrf", token)])
      #expect(out.status == .seeOther && out.headers[.location] == "/sign-in")
      #expect(jar.cookies[SessionCookies.session] == nil)
      let ended = CookieJar()
      ended.cookies[SessionCookies.session] = session
      #expect(try await ended.get(client, "/").status == .seeOther)
    }
  }

  @Test func aPasswordLinkWorksOnceBeforeItExpires() async throws {
    let fixture = try ServerFixture.sqlite()
    let now = PasswordLinks.now()
    let (url, _) = try PasswordLinks.issue(
      in: fixture.workspace, for: "holder@acme.example", purpose: .invite,
      baseURL: "http://127.0.0.1:8080/", now: now)
    #expect(url.hasPrefix("http://127.0.0.1:8080/set-password?token=cap_"))
    // Made 73 hours ago: the 72-hour link expired an hour ago.
    let (stale, _) = try PasswordLinks.issue(
      in: fixture.workspace, for: "holder@acme.example", purpose: .reset,
      baseURL: "http://127.0.0.1:8080", now: now - 73 * 3600)
    try await fixture.withServer { client in
      let path = String(url.dropFirst("http://127.0.0.1:8080".count))
      let jar = CookieJar()
      let form = try await jar.get(client, path)
      #expect(form.status == .ok)
      let token = field("token", in: text(form))
      let csrf = csrfToken(in: text(form))
      let differ = try await jar.post(
        client, "/set-password",
        [
          ("token", token), ("password", testPassword), ("confirm", "something else"),
          ("csrf", csrf),
        ])
      #expect(differ.status == .badRequest)
      let short = try await jar.post(
        client, "/set-password",
        [("token", token), ("password", "short"), ("confirm", "short"), ("csrf", csrf)])
      #expect(short.status == .badRequest && text(short).contains("at least 12 characters"))
      let set = try await jar.post(
        client, "/set-password",
        [
          ("token", token), ("password", testPassword), ("confirm", testPassword),
          ("csrf", csrf),
        ])
      #expect(set.status == .ok && text(set).contains("Password set"))
      let again = try await jar.post(
        client, "/set-password",
        [
          ("token", token), ("password", testPassword), ("confirm", testPassword),
          ("csrf", csrf),
        ])
      #expect(again.status == .badRequest && text(again).contains("used already"))
      let staleToken = String(stale.split(separator: "=").last ?? "")
      let expired = try await jar.post(
        client, "/set-password",
        [
          ("token", staleToken), ("password", testPassword), ("confirm", testPassword),
          ("csrf", csrf),
        ])
      #expect(expired.status == .badRequest && text(expired).contains("expired"))
      #expect(
        try await CookieJar().signIn(client, "holder@acme.example", testPassword).status
          == .seeOther)
    }
    // The password set through the link is audited as the holder.
    let audit = try fixture.workspace.auditRecords().last
    #expect(audit?.who == "holder-acme-example" && audit?.action == "POST /set-password")
  }

  @Test func failedSignInsAreLimited() async throws {
    let fixture = try ServerFixture.sqlite()
    try fixture.setPassword(.viewer)
    try await fixture.withServer { client in
      let jar = CookieJar()
      for _ in 1...5 {
        let wrong = try await jar.signIn(client, "viewer@acme.example", "wrong password!")
        #expect(wrong.status == .unauthorized)
      }
      // The sixth attempt within 15 minutes is refused, the right password included.
      let limited = try await jar.signIn(client, "viewer@acme.example", testPassword)
      #expect(limited.status == .tooManyRequests)
      let wait = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
      #expect((1...900).contains(wait))
      #expect(jar.cookies[SessionCookies.session] == nil)
    }
  }

  @Test func aHolderSeesOnlyTheirOwnPage() async throws {
    let fixture = try ServerFixture.sqlite()
    try fixture.setPassword(.holder)
    try fixture.setPassword(.editor)
    try await fixture.withServer { client in
      let jar = CookieJar()
      #expect(try await jar.signIn(client, "holder@acme.example", testPassword).status == .seeOther)
      let home = try await jar.get(client, "/")
      let own = "/web/companies/acme-ai/stakeholders/ada-lovelace"
      #expect(text(home).contains(own))
      let page = try await jar.get(client, own + "?exit1=10M")
      #expect(page.status == .ok)
      let html = text(page)
      #expect(html.contains("Ada Lovelace") && html.contains("CS-1"))
      for other in ["Grace Hopper", "Seed Fund I", "OP-1", "PS-1"] {
        #expect(!html.contains(other), "\(other) on Ada's page")
      }
      #expect(html.contains("What your stake pays"))
      // As of a day before the others' entries: the note counts them, naming nobody.
      let early = try await jar.get(client, own + "?asOf=2024-01-16")
      #expect(early.status == .ok && text(early).contains("dated after this date"))
      for other in ["Grace Hopper", "Seed Fund I"] {
        #expect(!text(early).contains(other), "\(other) on Ada's early page")
      }
      #expect(
        try await jar.get(client, "/web/companies/acme-ai/stakeholders/grace-hopper").status
          == .notFound)
      #expect(try await jar.get(client, "/web/companies/acme-ai").status == .forbidden)
      #expect(try await jar.get(client, "/web/companies/other-co").status == .notFound)
      let vesting = try await jar.get(client, "/web/companies/acme-ai/vesting")
      #expect(vesting.status == .ok && !text(vesting).contains("Grace Hopper"))
      // An editor sees the whole table.
      let editor = CookieJar()
      #expect(
        try await editor.signIn(client, "editor@acme.example", testPassword).status == .seeOther)
      let overview = try await editor.get(client, "/web/companies/acme-ai?asOf=2025-12-31")
      #expect(overview.status == .ok)
      for name in ["Ada Lovelace", "Grace Hopper", "Seed Fund I", "By class"] {
        #expect(text(overview).contains(name), "\(name) on the overview")
      }
    }
  }
}
