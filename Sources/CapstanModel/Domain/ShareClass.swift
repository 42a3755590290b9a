/// A class of stock with all the economic and voting terms of the charter.
///
/// The terms are stored from the start even where their maths (waterfall, anti-dilution)
/// is computed by the engine.
public struct ShareClass: Sendable, Hashable, Codable, Identifiable {
  /// Stable id within a company.
  public typealias ID = Identifier<ShareClass>

  /// Common or preferred.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// Common stock.
    case common
    /// Preferred stock.
    case preferred
  }

  /// Stable id.
  public var id: ID
  /// Name, unique within the company ("Common", "Series A Preferred").
  public var name: String
  /// Common or preferred.
  public var kind: Kind
  /// Shares authorized by the charter when the class was created.
  public var initialAuthorized: Shares
  /// Original issue price per share (preferred), if any.
  public var originalIssuePrice: Ratio?
  /// Conversion price into common when created; defaults to the original issue price.
  public var conversionPrice: Ratio?
  /// Liquidation preference (preferred only).
  public var preference: LiquidationPreference?
  /// Anti-dilution protection of the conversion price.
  public var antiDilution: AntiDilution
  /// Votes per share (as converted for preferred); usually 1.
  public var votesPerShare: Ratio
  /// What the class converts into; the default is preferred into the company's common.
  public var conversion: ClassConversion

  /// A share class; common by default.
  public init(
    id: ID, name: String, kind: Kind = .common, initialAuthorized: Shares,
    originalIssuePrice: Ratio? = nil, conversionPrice: Ratio? = nil,
    preference: LiquidationPreference? = nil, antiDilution: AntiDilution = .none,
    votesPerShare: Ratio = .one, conversion: ClassConversion = .standard
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.initialAuthorized = initialAuthorized
    self.originalIssuePrice = originalIssuePrice
    self.conversionPrice = conversionPrice
    self.preference = preference
    self.antiDilution = antiDilution
    self.votesPerShare = votesPerShare
    self.conversion = conversion
  }

  /// Target shares per share on conversion: the ratio the class's conversion right states, else
  /// original issue price ÷ conversion price (1 if unset, and 1 for a class that does not
  /// convert: its shares count as themselves).
  public var initialConversionRatio: Ratio {
    switch conversion {
    case .none: return .one
    case .into(_, let ratio?, _): return ratio
    case .standard, .into: break
    }
    guard let oip = originalIssuePrice, let cp = conversionPrice ?? originalIssuePrice, !cp.isZero
    else { return .one }
    return oip / cp
  }
}

/// A liquidation preference: multiple × original issue price, participation, seniority.
public struct LiquidationPreference: Sendable, Hashable, Codable {
  /// Multiple of the original issue price paid first (1x, 2x).
  public var multiple: Ratio
  /// Whether the class also shares in what remains.
  public var participation: Participation
  /// Seniority rank: a higher number is paid first (as in the Open Cap Format); equal ranks
  /// are pari passu.
  public var seniority: Int

  /// A preference.
  public init(multiple: Ratio = .one, participation: Participation = .none, seniority: Int = 1) {
    self.multiple = multiple
    self.participation = participation
    self.seniority = seniority
  }
}

/// Participation of a preferred class after its preference.
public enum Participation: Sendable, Hashable, Codable {
  /// Non-participating: preference or conversion to common, whichever pays more.
  case none
  /// Fully participating alongside common.
  case full
  /// Participating until the total per share reaches `multiple` × original issue price.
  case capped(multiple: Ratio)
}

/// Anti-dilution protection of a preferred class's conversion price.
public enum AntiDilution: String, Sendable, Hashable, Codable, CaseIterable {
  /// No protection.
  case none
  /// Broad-based weighted average (NVCA model charter).
  case broadBasedWeightedAverage = "broad"
  /// Narrow-based weighted average.
  case narrowBasedWeightedAverage = "narrow"
  /// Full ratchet to the new price.
  case fullRatchet = "ratchet"
}

/// An equity incentive plan with a pool of reserved shares of one class.
public struct StockPlan: Sendable, Hashable, Codable, Identifiable {
  /// Stable id within a company.
  public typealias ID = Identifier<StockPlan>

  /// What happens to options that are cancelled (forfeited or expired).
  public enum CancellationBehavior: String, Sendable, Codable, CaseIterable {
    /// They return to the pool and can be granted again (the usual rule).
    case returnToPool = "return-to-pool"
    /// They are retired: the pool shrinks.
    case retire
  }

  /// Stable id.
  public var id: ID
  /// Name, unique within the company ("2025 Plan").
  public var name: String
  /// The class the options are exercisable for.
  public var shareClass: ShareClass.ID
  /// Shares reserved when the plan was adopted.
  public var initialReserve: Shares
  /// What cancelled options do.
  public var cancellationBehavior: CancellationBehavior
  /// The date the board adopted the plan; its pool exists from then on.
  public var adopted: CalendarDate

  /// A plan.
  public init(
    id: ID, name: String, shareClass: ShareClass.ID, initialReserve: Shares, adopted: CalendarDate,
    cancellationBehavior: CancellationBehavior = .returnToPool
  ) {
    self.id = id
    self.adopted = adopted
    self.name = name
    self.shareClass = shareClass
    self.initialReserve = initialReserve
    self.cancellationBehavior = cancellationBehavior
  }
}
