/// Users, roles and API tokens (`capstan user`), written like everything else: through the
/// draft, kept as append-only `AccessChange`s in the write's transaction.
extension WorkspaceDraft {
  /// The users, roles and tokens including this write's changes.
  public func accessDirectory() throws -> AccessDirectory {
    AccessDirectory(try loadAccess() + changes.access)
  }

  /// Adds a user; the e-mail must be an address no user has.
  @discardableResult
  public mutating func addUser(email: String, isAdmin: Bool = false) throws -> User {
    let trimmed = email.trimmingSpaces
    let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
      !trimmed.contains(where: { $0.isWhitespace || $0.isNewline })
    else { throw AccessError.invalidEmail(email) }
    let directory = try accessDirectory()
    guard directory.user(email: trimmed) == nil else {
      throw AccessError.duplicateUser(email: trimmed)
    }
    let id = Slug.unique(trimmed, taken: Set(directory.users.map(\.id.rawValue)))
    let user = User(id: User.ID(id), email: trimmed, isAdmin: isAdmin)
    changes.access.append(.addUser(user))
    return user
  }

  /// Gives a user a role in a company (replacing the one they had); a holder names the
  /// stakeholder they are, by id or name.
  @discardableResult
  public mutating func grant(
    _ role: Role, to email: String, company: Company.ID, stakeholder: String? = nil
  ) throws -> RoleGrant {
    let user = try existingUser(email)
    guard let definition = companies.first(where: { $0.id == company }) else {
      throw WorkspaceError.unknownCompany(company.rawValue, known: companies.map(\.name))
    }
    var holder: Stakeholder.ID?
    switch (role, stakeholder) {
    case (.holder, nil): throw AccessError.holderNeedsStakeholder(email: user.email)
    case (.holder, let name?):
      let key = name.trimmingSpaces.lowercased()
      guard
        let found = stakeholders.first(where: {
          $0.id.rawValue == name || $0.name.lowercased() == key
        })
      else { throw AccessError.unknownStakeholder(name) }
      holder = found.id
    case (_, nil): holder = nil
    case (_, .some): throw AccessError.stakeholderOnlyForHolder(role: role)
    }
    let grant = RoleGrant(user: user.id, company: definition.id, role: role, stakeholder: holder)
    changes.access.append(.grant(grant))
    return grant
  }

  /// Keeps an API token's hash for a user (the caller made the token and shows it once).
  @discardableResult
  public mutating func addToken(for email: String, id: String, hash: String) throws -> APIToken {
    let user = try existingUser(email)
    let token = APIToken(id: id, user: user.id, hash: hash.lowercased(), created: AuditRecord.now())
    changes.access.append(.addToken(token))
    return token
  }

  /// Removes a user with their roles and tokens (their audit records stay).
  public mutating func removeUser(email: String) throws {
    let user = try existingUser(email)
    changes.access.append(.removeUser(user.id))
  }

  /// Names who writes, for the write's audit records (without it: the command line).
  public mutating func audit(as context: AuditContext) {
    changes.audit = context
  }

  private func existingUser(_ email: String) throws -> User {
    guard let user = try accessDirectory().user(email: email.trimmingSpaces) else {
      throw AccessError.unknownUser(email: email.trimmingSpaces)
    }
    return user
  }
}
