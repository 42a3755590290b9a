import CapstanModel

/// `capstan portal invite`: a stakeholder's holder user (made, or the one already linked to
/// them) and a one-time link to set its password, in one write.
public enum PortalInvites {
  /// What an invitation made.
  public struct Invitation: Sendable {
    /// The link to send (works once, until `link.expires`).
    public var url: String
    /// The holder user.
    public var user: User
    /// Whether the user was added by this invitation.
    public var added: Bool
    /// The link's record.
    public var link: PasswordLink
  }

  /// Invites `stakeholder` (id or name) of `company` to the portal: the user with `email`
  /// (else the stakeholder's e-mail) is made a holder linked to them unless they are already,
  /// and a one-time link is kept. A user with another role in the company is refused (an
  /// invitation never lowers or changes a role).
  public static func invite(
    in workspace: any Workspace, stakeholder key: String, company: Company, email: String?,
    baseURL: String, now: Int, lifetime: Int = PasswordLink.defaultLifetime
  ) throws -> Invitation {
    guard let stakeholder = Lookup.stakeholder(key, in: try workspace.stakeholders()) else {
      throw AccessError.unknownStakeholder(key)
    }
    guard let address = email ?? stakeholder.email, !address.isEmpty else {
      throw InviteError.noEmail(stakeholder: stakeholder.name)
    }
    let token = APITokens.make()
    return try workspace.write { draft in
      let existing = try draft.accessDirectory().user(email: address)
      let user = try existing ?? draft.addUser(email: address)
      let grant = try draft.accessDirectory().grant(of: user.id, in: company.id)
      switch grant {
      case nil:
        try draft.grant(
          .holder, to: user.email, company: company.id, stakeholder: stakeholder.id.rawValue)
      case let grant? where grant.role == .holder && grant.stakeholder == stakeholder.id:
        break
      case let grant? where grant.role == .holder:
        throw InviteError.otherStakeholder(email: user.email, company: company.name)
      case let grant?:
        throw InviteError.otherRole(email: user.email, role: grant.role, company: company.name)
      }
      let link = try draft.addPasswordLink(
        for: user.email, hash: APITokens.hash(token), purpose: .invite, now: now,
        lifetime: lifetime)
      return Invitation(
        url: PasswordLinks.url(baseURL: baseURL, token: token), user: user,
        added: existing == nil, link: link)
    }
  }
}

/// An invitation that cannot be made.
public enum InviteError: Error, Equatable, CustomStringConvertible {
  /// Neither `--email` nor the stakeholder's record gives an address.
  case noEmail(stakeholder: String)
  /// The user has another role in the company.
  case otherRole(email: String, role: Role, company: String)
  /// The user is the holder of another stakeholder of the company.
  case otherStakeholder(email: String, company: String)

  /// The sentence for the administrator.
  public var description: String {
    switch self {
    case .noEmail(let name):
      "the stakeholder \(name) has no e-mail: give one with --email"
    case .otherRole(let email, let role, let company):
      "\(email) is already \(role) of \(company): an invitation makes a holder only"
    case .otherStakeholder(let email, let company):
      "\(email) is already the holder of another stakeholder of \(company): a user is one "
        + "stakeholder"
    }
  }
}
