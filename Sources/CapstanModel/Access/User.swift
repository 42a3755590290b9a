/// A person who may use the team server (`capstan user add`): an e-mail, and whether they
/// administer the whole workspace. What they may see of each company is a `RoleGrant`.
public struct User: Sendable, Hashable, Codable, Identifiable {
  /// Tag of user ids.
  public typealias ID = Identifier<User>

  /// The user's id, made from the e-mail when added: `alice-example-com`.
  public var id: ID
  /// The e-mail the user is known by (unique, compared without case).
  public var email: String
  /// Whether the user administers the workspace: every company, and the users.
  public var isAdmin: Bool

  /// A user.
  public init(id: ID, email: String, isAdmin: Bool = false) {
    self.id = id
    self.email = email
    self.isAdmin = isAdmin
  }
}

/// What a user may do in one company, strongest first.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// Everything, the company's users included.
  case admin
  /// Record, import, model and close rounds.
  case editor
  /// The whole cap table, reports and models, read-only.
  case viewer
  /// Totals by class and fully diluted, no holder's rows.
  case summary
  /// One stakeholder's own securities and vesting only.
  case holder

  /// How much the role may do: admin 4 ... holder 0.
  public var strength: Int {
    switch self {
    case .admin: 4
    case .editor: 3
    case .viewer: 2
    case .summary: 1
    case .holder: 0
    }
  }

  /// Whether the role includes everything `other` may do (a holder's rows aside).
  public func includes(_ other: Role) -> Bool { strength >= other.strength }

  /// The role's name.
  public var description: String { rawValue }
}

/// A user's role in one company; a holder's names the stakeholder whose rows they see.
public struct RoleGrant: Sendable, Hashable, Codable {
  /// The user.
  public var user: User.ID
  /// The company.
  public var company: Company.ID
  /// The role.
  public var role: Role
  /// The stakeholder a `holder` is (nil for the other roles).
  public var stakeholder: Stakeholder.ID?

  /// A grant.
  public init(user: User.ID, company: Company.ID, role: Role, stakeholder: Stakeholder.ID? = nil) {
    self.user = user
    self.company = company
    self.role = role
    self.stakeholder = stakeholder
  }
}

/// An API token of a user, as kept: only the SHA-256 of the token (hex), never the token.
public struct APIToken: Sendable, Hashable, Codable {
  /// The token's id (shown by `user list`, never the token itself).
  public var id: String
  /// The user the token signs in.
  public var user: User.ID
  /// The SHA-256 of the token, lowercase hex.
  public var hash: String
  /// When it was made (UTC, ISO 8601).
  public var created: String

  /// A token record.
  public init(id: String, user: User.ID, hash: String, created: String) {
    self.id = id
    self.user = user
    self.hash = hash
    self.created = created
  }
}
