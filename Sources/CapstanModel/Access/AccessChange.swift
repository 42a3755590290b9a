/// One change to the workspace's people, as the stores keep them (append-only, like the
/// ledger): the current users, roles and tokens are these changes folded in order.
public enum AccessChange: Sendable, Hashable, Codable {
  /// A user added.
  case addUser(User)
  /// A role granted (replacing the user's role in that company, if any).
  case grant(RoleGrant)
  /// A user's role in a company withdrawn.
  case revoke(user: User.ID, company: Company.ID)
  /// An API token issued.
  case addToken(APIToken)
  /// A user removed, with their roles and tokens.
  case removeUser(User.ID)
  /// A one-time link to set a user's password made (its token's hash).
  case addLink(PasswordLink)
  /// A one-time link used (it works no more).
  case useLink(hash: String)
  /// A user's password set: its bcrypt hash (never the password).
  case setPassword(user: User.ID, hash: String)
}

/// The workspace's users, their roles and their API tokens as they stand.
public struct AccessDirectory: Sendable, Hashable {
  /// The users, in the order added.
  public private(set) var users: [User] = []
  /// The roles, in the order granted.
  public private(set) var grants: [RoleGrant] = []
  /// The tokens of current users, in the order issued.
  public private(set) var tokens: [APIToken] = []
  /// The bcrypt hash of each current user's password (a user without one cannot sign in).
  public private(set) var passwords: [User.ID: String] = [:]
  /// The one-time links of current users, used or not, in the order made.
  public private(set) var links: [PasswordLink] = []
  /// The hashes of the links used.
  public private(set) var usedLinks: Set<String> = []

  /// An empty directory.
  public init() {}

  /// The directory after `changes`, in order.
  public init(_ changes: [AccessChange]) {
    for change in changes { apply(change) }
  }

  /// Applies one change.
  public mutating func apply(_ change: AccessChange) {
    switch change {
    case .addUser(let user):
      users.append(user)
    case .grant(let grant):
      grants.removeAll { $0.user == grant.user && $0.company == grant.company }
      grants.append(grant)
    case .revoke(let user, let company):
      grants.removeAll { $0.user == user && $0.company == company }
    case .addToken(let token):
      tokens.append(token)
    case .removeUser(let id):
      users.removeAll { $0.id == id }
      grants.removeAll { $0.user == id }
      tokens.removeAll { $0.user == id }
      passwords[id] = nil
      links.removeAll { $0.user == id }
    case .addLink(let link):
      links.append(link)
    case .useLink(let hash):
      usedLinks.insert(hash)
    case .setPassword(let user, let hash):
      passwords[user] = hash
    }
  }

  /// The user with this e-mail (compared without case).
  public func user(email: String) -> User? {
    let key = email.lowercased()
    return users.first { $0.email.lowercased() == key }
  }

  /// The user with this id.
  public func user(id: User.ID) -> User? { users.first { $0.id == id } }

  /// The current user a token with this SHA-256 (hex) signs in, if any.
  public func user(tokenHash: String) -> User? {
    let key = tokenHash.lowercased()
    guard let token = tokens.first(where: { $0.hash == key }) else { return nil }
    return user(id: token.user)
  }

  /// The link of a current user with this token hash (used or not), if any.
  public func link(hash: String) -> PasswordLink? {
    let key = hash.lowercased()
    return links.first { $0.hash == key }
  }

  /// The user's roles, in the order granted.
  public func grants(of user: User.ID) -> [RoleGrant] { grants.filter { $0.user == user } }

  /// The user's role in a company, if any.
  public func grant(of user: User.ID, in company: Company.ID) -> RoleGrant? {
    grants.first { $0.user == user && $0.company == company }
  }
}
