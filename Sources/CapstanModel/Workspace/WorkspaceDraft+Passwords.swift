/// Passwords and one-time password links (issue 20), written like the rest of the people:
/// append-only `AccessChange`s in the write's transaction, audited. The callers hash: a
/// password with bcrypt, a link's token with SHA-256 (the model imports no cryptography).
extension WorkspaceDraft {
  /// Keeps a one-time link's token hash for a user, working from `now` for `lifetime`
  /// seconds (the caller made the token and shows it once).
  @discardableResult
  public mutating func addPasswordLink(
    for email: String, hash: String, purpose: PasswordLink.Purpose, now: Int,
    lifetime: Int = PasswordLink.defaultLifetime
  ) throws -> PasswordLink {
    let user = try passwordUser(email)
    let link = PasswordLink(
      hash: hash.lowercased(), user: user.id, purpose: purpose, created: now,
      expires: now + lifetime)
    changes.access.append(.addLink(link))
    return link
  }

  /// Sets a user's password to a bcrypt hash (`user reset --password-stdin`).
  public mutating func setPassword(for email: String, hash: String) throws {
    let user = try passwordUser(email)
    changes.access.append(.setPassword(user: user.id, hash: hash))
  }

  /// Uses a one-time link at `now` to set its user's password: refused when no current
  /// user's link has this token hash, when it was used, or when it expired. In one write, so
  /// two uses of one link at once set one password (the stores serialise the people's
  /// writes).
  @discardableResult
  public mutating func usePasswordLink(hash: String, passwordHash: String, now: Int) throws
    -> User
  {
    let directory = try accessDirectory()
    guard let link = directory.link(hash: hash), let user = directory.user(id: link.user) else {
      throw AccessError.unknownLink
    }
    guard !directory.usedLinks.contains(link.hash) else { throw AccessError.usedLink }
    guard now < link.expires else { throw AccessError.expiredLink(expired: link.expires) }
    changes.access.append(.useLink(hash: link.hash))
    changes.access.append(.setPassword(user: user.id, hash: passwordHash))
    return user
  }

  private func passwordUser(_ email: String) throws -> User {
    let key = email.trimmingSpaces
    guard let user = try accessDirectory().user(email: key) else {
      throw AccessError.unknownUser(email: key)
    }
    return user
  }
}
