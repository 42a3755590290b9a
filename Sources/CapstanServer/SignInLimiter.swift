import Foundation

/// Sign-in attempts per e-mail and per client address (in memory: a restart forgets them):
/// after `limit` failures within `window` seconds, further attempts are refused (429) until
/// the oldest failure leaves the window.
actor SignInLimiter {
  /// Failures allowed in a window.
  let limit: Int
  /// The window, in seconds.
  let window: Int
  private var failures: [String: [Int]] = [:]

  /// A limiter: 5 failures per 15 minutes by default.
  init(limit: Int = 5, window: Int = 15 * 60) {
    self.limit = limit
    self.window = window
  }

  /// The seconds to wait before trying again with any of `keys` at `now`, or nil when an
  /// attempt may be made.
  func retryAfter(_ keys: [String], now: Int) -> Int? {
    var wait: Int?
    for key in keys {
      let recent = (failures[key] ?? []).filter { $0 > now - window }
      failures[key] = recent.isEmpty ? nil : recent
      if recent.count >= limit, let oldest = recent.first {
        wait = max(wait ?? 0, oldest + window - now)
      }
    }
    return wait.map { max($0, 1) }
  }

  /// Counts a failed attempt against each of `keys`.
  func fail(_ keys: [String], now: Int) {
    for key in keys { failures[key, default: []].append(now) }
  }

  /// The keys of an attempt: the e-mail (without case) and the client's address.
  static func keys(email: String, address: String) -> [String] {
    ["email:" + email.trimmingCharacters(in: .whitespaces).lowercased(), "address:" + address]
  }
}
