import CapstanModel

/// Who is calling: a user signed in by an API token, with their roles.
public struct Principal: Sendable, Hashable {
  /// The user.
  public var user: User
  /// The user's roles, one per company.
  public var grants: [RoleGrant]

  /// A principal.
  public init(user: User, grants: [RoleGrant]) {
    self.user = user
    self.grants = grants
  }
}

/// What a route requires.
public enum RouteAccess: Sendable, Hashable {
  /// Anyone, signed in or not (the API's description).
  case anyone
  /// Any signed-in user (what they see is limited to their companies).
  case signedIn
  /// A workspace administrator.
  case workspaceAdmin
  /// At least this role in the route's company.
  case company(Role)
  /// At least this role in the route's company, or a holder, who sees only their own
  /// stakeholder (another stakeholder is not found for them).
  case companyOrHolder(Role)
}

/// The answer of `AccessPolicy.decide`.
public enum AccessDecision: Sendable, Hashable {
  /// Allowed, with the caller's role in the company (nil for routes without one).
  case allow(Role?)
  /// No valid token: 401.
  case unauthenticated
  /// The role may not: 403.
  case forbidden
  /// The caller has no role in the company or may not see the stakeholder: 404 (the server
  /// never says whether it exists).
  case notFound
}

/// Every authorisation decision of the server, made here and nowhere else.
public enum AccessPolicy {
  /// Whether `principal` may call a route requiring `access`, on `company` (nil: the route
  /// names none, or the name is unknown) and `stakeholder` (nil: none named, or unknown).
  /// `namesStakeholder` says the route names one (so an unknown one is not found).
  public static func decide(
    _ principal: Principal?, _ access: RouteAccess, company: Company.ID?,
    stakeholder: Stakeholder.ID?, namesCompany: Bool = false, namesStakeholder: Bool = false
  ) -> AccessDecision {
    if access == .anyone { return .allow(nil) }
    guard let principal else { return .unauthenticated }
    switch access {
    case .signedIn, .anyone:
      return .allow(nil)
    case .workspaceAdmin:
      return principal.user.isAdmin ? .allow(.admin) : .forbidden
    case .company(let minimum), .companyOrHolder(let minimum):
      guard let company, let role = role(of: principal, in: company) else { return .notFound }
      if namesStakeholder && stakeholder == nil { return .notFound }
      if role == .holder, case .companyOrHolder = access {
        let own = principal.grants.first { $0.company == company }?.stakeholder
        if let stakeholder, stakeholder != own { return .notFound }
        return .allow(.holder)
      }
      return role.includes(minimum) ? .allow(role) : .forbidden
    }
  }

  /// The user's role in a company: admin for a workspace administrator.
  public static func role(of principal: Principal, in company: Company.ID) -> Role? {
    if principal.user.isAdmin { return .admin }
    return principal.grants.first { $0.company == company }?.role
  }
}
