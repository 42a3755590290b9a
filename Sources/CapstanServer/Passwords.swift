import CapstanModel
import Foundation
import HummingbirdBcrypt

/// Passwords: bcrypt (cost 12) from hummingbird-auth; the store keeps only the hash.
public enum Passwords {
  /// bcrypt's cost: 2^12 rounds, about a quarter of a second per hash on a server core.
  public static let cost: UInt8 = 12
  /// The fewest characters a password has.
  public static let minimumLength = 12
  /// The most bytes bcrypt reads (it ignores the rest, so a longer one is refused).
  public static let maximumBytes = 72

  /// The bcrypt hash of an acceptable password; a password too short or too long is refused.
  public static func hash(_ password: String) throws -> String {
    try check(password)
    return Bcrypt.hash(password, cost: cost)
  }

  /// Whether `password` is the one `hash` was made from.
  public static func verify(_ password: String, hash: String) -> Bool {
    guard password.utf8.count <= maximumBytes else { return false }
    return Bcrypt.verify(password, hash: hash)
  }

  /// Refuses a password shorter than `minimumLength` characters or longer than 72 bytes.
  public static func check(_ password: String) throws {
    guard password.count >= minimumLength else {
      throw PasswordError.tooShort(minimum: minimumLength)
    }
    guard password.utf8.count <= maximumBytes else {
      throw PasswordError.tooLong(maximumBytes: maximumBytes)
    }
  }

  /// A password hash no password matches, compared against when the e-mail is unknown, so
  /// that a sign-in takes as long for an unknown user as for a wrong password.
  static let decoy = Bcrypt.hash("capstan decoy password, never a user's", cost: cost)
}

/// A password that cannot be used.
public enum PasswordError: Error, Equatable, CustomStringConvertible {
  /// Fewer characters than the minimum.
  case tooShort(minimum: Int)
  /// More bytes than bcrypt reads.
  case tooLong(maximumBytes: Int)

  /// The sentence for the user.
  public var description: String {
    switch self {
    case .tooShort(let minimum): "a password has at least \(minimum) characters"
    case .tooLong(let maximum): "a password has at most \(maximum) bytes (bcrypt ignores the rest)"
    }
  }
}

/// One-time password links: a random token (the same form as an API token, `cap_` and 64 hex
/// digits) in a URL, its SHA-256 in the workspace.
public enum PasswordLinks {
  /// Makes a link for the user with `email` that works for `lifetime` seconds from `now`,
  /// keeps its hash (audited as the command line, or `audit`), and returns the URL to send.
  public static func issue(
    in workspace: any Workspace, for email: String, purpose: PasswordLink.Purpose,
    baseURL: String, now: Int, lifetime: Int = PasswordLink.defaultLifetime
  ) throws -> (url: String, link: PasswordLink) {
    let token = APITokens.make()
    let link = try workspace.write { draft in
      try draft.addPasswordLink(
        for: email, hash: APITokens.hash(token), purpose: purpose, now: now, lifetime: lifetime)
    }
    return (url(baseURL: baseURL, token: token), link)
  }

  /// The page that sets a password with `token`: `BASE/set-password?token=...`.
  public static func url(baseURL: String, token: String) -> String {
    var base = baseURL
    while base.hasSuffix("/") { base.removeLast() }
    return "\(base)/set-password?token=\(token)"
  }

  /// The current time as the links and sessions count it (seconds since 1970, UTC).
  public static func now() -> Int { Int(Date().timeIntervalSince1970) }
}
