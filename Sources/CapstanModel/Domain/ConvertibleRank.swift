/// Where a SAFE or convertible note outstanding at a liquidity event is paid its cash-out
/// amount, relative to debt and to the preferred classes.
///
/// The YC post-money safe (section 1(d)) ranks the cash-out amount junior to debt, on par with
/// other safes and preferred stock, and senior to common stock: that is `.withPreferred`, the
/// default. A document can say otherwise: `.seniority(k)` puts the instrument on the
/// preferred classes' seniority scale (a higher rank is paid first, equal ranks pari passu),
/// and `.debt` pays it before all equity (a note that ranks as indebtedness).
public enum ConvertibleRank: Sendable, Hashable {
  /// On par with preferred stock: the most junior preferred tier (docs/waterfall.md).
  case withPreferred
  /// A stated rank on the preferred classes' seniority scale.
  case seniority(Int)
  /// As debt: before every class of stock and every instrument ranked as equity.
  case debt
}

extension ConvertibleRank: RawRepresentable, Codable {
  /// `preferred`, `debt`, or the seniority rank as a whole number (`2`, `-1`).
  public init?(rawValue: String) {
    switch rawValue {
    case "preferred": self = .withPreferred
    case "debt": self = .debt
    default:
      guard rawValue.utf8.count <= 10, let rank = Int(rawValue) else { return nil }
      self = .seniority(rank)
    }
  }

  /// The text form: `preferred`, `debt`, or the rank.
  public var rawValue: String {
    switch self {
    case .withPreferred: "preferred"
    case .debt: "debt"
    case .seniority(let rank): String(rank)
    }
  }
}
