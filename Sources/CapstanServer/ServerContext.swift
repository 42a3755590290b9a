import CapstanModel
import Hummingbird
import NIOCore

/// The per-request context: the client's address, a request id, and what the access
/// middleware allowed.
public struct ServerContext: RequestContext, RemoteAddressRequestContext {
  /// Hummingbird's storage.
  public var coreContext: CoreRequestContextStorage
  /// The client's address.
  public let remoteAddress: SocketAddress?
  /// What the access middleware allowed (set before every route's handler runs).
  public var access: Authorized?
  /// The session cookie's id, when it signed the caller in.
  var sessionID: String?
  /// The sign-in cookie's id (before sign-in: what the forms' CSRF token is bound to).
  var signInID: String?
  /// The fields of a page's form body (read by the access middleware).
  var form: [String: String] = [:]
  /// The client a trusted proxy's `X-Forwarded-For` names (`ForwardedForMiddleware`).
  public var forwardedClient: String?

  /// A context for a request on `source`'s channel.
  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    remoteAddress = source.channel.remoteAddress
  }

  /// Bodies larger than this are refused with 413.
  public var maxUploadSize: Int { ServerApp.maxBodyBytes }

  /// The client's address as the audit records it (`cli` never: a server request): the one a
  /// trusted proxy forwarded for, else the connection's.
  var clientAddress: String { forwardedClient ?? remoteAddress?.ipAddress ?? "unknown" }
}

/// What the access middleware decided for a request: who, their role, and the route's
/// company and stakeholder resolved to ids.
public struct Authorized: Sendable {
  /// The caller.
  public var principal: Principal
  /// The caller's role in the company (nil on routes without one).
  public var role: Role?
  /// The route's company.
  public var company: Company?
  /// The route's stakeholder.
  public var stakeholder: Stakeholder?
  /// The request's id (the audit's request id, and the `x-request-id` header).
  public var requestID: String

  /// The stakeholder a holder sees (nil for the other roles).
  var holderStakeholder: Stakeholder.ID? {
    guard role == .holder, let company = company?.id else { return nil }
    return principal.grants.first { $0.company == company }?.stakeholder
  }
}
