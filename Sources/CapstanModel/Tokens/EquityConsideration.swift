/// The shares a provider receives for a compute grant, and when they are released to it.
public struct EquityConsideration: Sendable, Hashable, Codable {
  /// How the shares are released.
  public enum Release: String, Sendable, Hashable, Codable, CaseIterable {
    /// All at once, when the grant is made.
    case upFront = "up-front"
    /// In step with the tokens: floor(shares × unlocked ÷ granted).
    case inStep = "in-step"
  }

  /// The stock security issued for the tokens (`PS-2`).
  public var security: SecurityID
  /// Shares issued for the tokens.
  public var shares: Shares
  /// How they are released.
  public var release: Release

  /// An equity consideration.
  public init(security: SecurityID, shares: Shares, release: Release) {
    self.security = security
    self.shares = shares
    self.release = release
  }

  /// Shares released when `unlocked` of `granted` tokens are delivered.
  public func released(unlocked: TokenAmount, of granted: TokenAmount) -> Shares {
    switch release {
    case .upFront: return shares
    case .inStep:
      guard granted.count > 0 else { return .zero }
      return Shares(
        Int64(Int128(shares.count) * Int128(unlocked.count) / Int128(granted.count)))
    }
  }
}
