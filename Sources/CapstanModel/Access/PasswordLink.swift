/// A one-time link to set a password (`capstan user reset`, `capstan portal invite`): the
/// store keeps only the SHA-256 of the link's random token, and the link works once, before
/// it expires.
public struct PasswordLink: Sendable, Hashable, Codable {
  /// Why the link was made.
  public enum Purpose: String, Sendable, Hashable, Codable {
    /// An administrator reset the user's password.
    case reset
    /// A stakeholder was invited to the portal.
    case invite
  }

  /// The SHA-256 of the link's token, lowercase hex.
  public var hash: String
  /// The user whose password the link sets.
  public var user: User.ID
  /// Why it was made.
  public var purpose: Purpose
  /// When it was made (seconds since 1970, UTC).
  public var created: Int
  /// When it stops working (seconds since 1970, UTC).
  public var expires: Int

  /// A link record.
  public init(hash: String, user: User.ID, purpose: Purpose, created: Int, expires: Int) {
    self.hash = hash
    self.user = user
    self.purpose = purpose
    self.created = created
    self.expires = expires
  }

  /// How long a link works unless told otherwise: 72 hours.
  public static let defaultLifetime = 72 * 3600
}

/// A browser session (`POST /sign-in`): the store keeps only the SHA-256 of the session id
/// the cookie carries.
public struct BrowserSession: Sendable, Hashable, Codable {
  /// The SHA-256 of the session id, lowercase hex.
  public var hash: String
  /// The user signed in.
  public var user: User.ID
  /// When it began (seconds since 1970, UTC).
  public var created: Int
  /// When it stops working (seconds since 1970, UTC).
  public var expires: Int
  /// When the user signed out (nil: not yet).
  public var ended: Int?

  /// A session record.
  public init(hash: String, user: User.ID, created: Int, expires: Int, ended: Int? = nil) {
    self.hash = hash
    self.user = user
    self.created = created
    self.expires = expires
    self.ended = ended
  }

  /// Whether it signs its user in at `now`: not ended, not expired.
  public func isActive(at now: Int) -> Bool { ended == nil && now < expires }

  /// How long a session works unless told otherwise: 12 hours.
  public static let defaultLifetime = 12 * 3600
}
