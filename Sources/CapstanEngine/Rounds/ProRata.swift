import CapstanModel

/// How much of its pro rata share a holder takes.
public enum ProRataTake: Sendable, Hashable, Codable {
  /// The whole entitlement.
  case full
  /// Nothing.
  case declined
  /// This amount of money, at most the entitlement.
  case amount(Ratio)
}

/// A holder's use of its pro rata right in the round.
public struct ProRataElection: Sendable, Hashable, Codable {
  /// The holder (a pre-round holder with the right, or the holder of a SAFE with it).
  public var holder: String
  /// What it takes.
  public var take: ProRataTake

  /// An election.
  public init(_ holder: String, take: ProRataTake) {
    self.holder = holder
    self.take = take
  }
}

/// What a pro rata holder was entitled to, took and declined.
///
/// Entitlement = f × R, where f is the holder's fully diluted fraction immediately before the
/// new money (its stock, options and conversion shares over pre-money fully diluted shares, as
/// the YC pro rata side letter and the NVCA Investors' Rights Agreement measure it) and R is the
/// new investors' amounts. Purchases are added to the round at the round price.
public struct ProRataAllocation: Sendable, Hashable {
  /// The holder.
  public var holder: String
  /// The holder's fully diluted fraction before the new money.
  public var fraction: Ratio
  /// The most it may invest.
  public var entitlement: Ratio
  /// What it invests.
  public var taken: Ratio
  /// Shares bought: floor(taken ÷ round price).
  public var shares: Shares

  /// The part of the entitlement not taken.
  public var declined: Ratio { entitlement - taken }
}
