import CapstanModel

/// A preferred class or an outstanding convertible, reduced to what the waterfall computes on.
///
/// With L the preference, s the as-converted common shares and c the common payout per share,
/// a claim whose preference is paid in full receives (closed forms, for c ≥ 0):
/// - non-participating: L, or s × c once it converts (c > t = L ÷ s);
/// - fully participating: L + s × c (it never gains by converting);
/// - capped at Cap in total: L + min(s × c, Cap − L), or s × c once it converts
///   (c > t = Cap ÷ s); the cap is reached at u = (Cap − L) ÷ s.
struct Claim: Sendable {
  enum Participation: Sendable {
    case none
    case full
    case capped(headroom: Ratio)
  }

  /// The class or convertible's name.
  let name: String
  /// L: the preference amount (multiple × original issue price × shares; a SAFE's amount).
  let preference: Ratio
  /// s: common shares on conversion (an integer).
  let asConverted: Ratio
  let participation: Participation
  /// Seniority rank: higher is paid first.
  let seniority: Int
  /// t: the common payout per share above which converting pays strictly more (nil: never).
  let conversionThreshold: Ratio?
  /// u: the common payout per share at which a capped class reaches its cap (nil: no cap).
  let capThreshold: Ratio?

  init(
    name: String, preference: Ratio, asConverted: Ratio, participation: Participation,
    seniority: Int, convertible: Bool = true
  ) {
    self.name = name
    self.preference = preference
    self.asConverted = asConverted
    self.participation = participation
    self.seniority = seniority
    var threshold: Ratio?
    if asConverted.isZero {
      capThreshold = nil
    } else {
      switch participation {
      case .none:
        threshold = preference / asConverted
        capThreshold = nil
      case .full:
        capThreshold = nil
      case .capped(let headroom):
        threshold = (preference + headroom) / asConverted
        capThreshold = headroom / asConverted
      }
    }
    // A class without a conversion right never converts.
    conversionThreshold = convertible ? threshold : nil
  }

  /// Whether the claim converts at common payout per share `c` (strictly more only).
  func converts(at c: Ratio) -> Bool {
    guard let t = conversionThreshold else { return false }
    return c > t
  }

  /// The payout at common payout per share `c` ≥ 0, its preference paid in full.
  func payout(commonPerShare c: Ratio) -> Ratio {
    if converts(at: c) { return asConverted * c }
    switch participation {
    case .none: return preference
    case .full: return preference + asConverted * c
    case .capped(let headroom): return preference + min(asConverted * c, headroom)
    }
  }

  /// What the claim takes from the residual (beyond its preference) at `c`, not converting.
  func participating(commonPerShare c: Ratio) -> Ratio {
    switch participation {
    case .none: .zero
    case .full: asConverted * c
    case .capped(let headroom): min(asConverted * c, headroom)
    }
  }
}
