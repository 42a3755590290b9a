/// A change to the workspace's people that cannot be made.
public enum AccessError: Error, Equatable, CustomStringConvertible {
  /// The e-mail is not an address.
  case invalidEmail(String)
  /// A user with this e-mail exists already.
  case duplicateUser(email: String)
  /// No user has this e-mail.
  case unknownUser(email: String)
  /// A holder must name the stakeholder they are.
  case holderNeedsStakeholder(email: String)
  /// Only a holder names a stakeholder.
  case stakeholderOnlyForHolder(role: Role)
  /// The stakeholder does not exist.
  case unknownStakeholder(String)
  /// The role's name is not one of the five.
  case unknownRole(String)
  /// No link has this token (or its user was removed).
  case unknownLink
  /// The link was used already.
  case usedLink
  /// The link expired (at this time, seconds since 1970).
  case expiredLink(expired: Int)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .invalidEmail(let email):
      "'\(email)' is not an e-mail address (name@domain)"
    case .duplicateUser(let email):
      "a user with the e-mail \(email) exists already"
    case .unknownUser(let email):
      "no user with the e-mail \(email) in this workspace"
    case .holderNeedsStakeholder(let email):
      "\(email) is to be a holder: name the stakeholder they are with --stakeholder"
    case .stakeholderOnlyForHolder(let role):
      "only a holder is linked to a stakeholder (the role given is \(role))"
    case .unknownStakeholder(let name):
      "no stakeholder '\(name)' in this workspace"
    case .unknownRole(let name):
      "'\(name)' is not a role (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .unknownLink:
      "this password link is not valid: ask an administrator for a new one"
    case .usedLink:
      "this password link was used already: ask an administrator for a new one"
    case .expiredLink:
      "this password link has expired: ask an administrator for a new one"
    }
  }
}
