import Crypto
import Foundation

/// API tokens: 32 random bytes shown once as `cap_` and 64 hex digits; the store keeps only
/// their SHA-256 (a random token needs no slow hash: it cannot be guessed from its hash).
public enum APITokens {
  /// A new token (from the system's secure random source).
  public static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    return "cap_" + hex(bytes)
  }

  /// The SHA-256 of a token, lowercase hex: what the store keeps and looks tokens up by.
  public static func hash(_ token: String) -> String {
    hex(Array(SHA256.hash(data: Data(token.utf8))))
  }

  /// A short id for a new token's record (never the token).
  public static func newID() -> String {
    String(UUID().uuidString.lowercased().prefix(8))
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
      let text = String(byte, radix: 16)
      return byte < 16 ? "0" + text : text
    }.joined()
  }
}
