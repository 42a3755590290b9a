import CapstanModel

/// How much of its pro rata share a holder takes: the saved election's type (one vocabulary,
/// declared in Model).
public typealias ProRataTake = ProRataChoice.Take

/// A holder's use of its pro rata right in the round.
public struct ProRataElection: Sendable, Hashable, Codable {
  /// The holder (a pre-round holder with the right, or the holder of a SAFE with it), joined
  /// with the holdings and SAFEs on its key.
  public var holder: RoundParticipant
  /// What it takes.
  public var take: ProRataTake

  /// An election.
  public init(_ holder: RoundParticipant, take: ProRataTake) {
    self.holder = holder
    self.take = take
  }
}

/// What a pro rata holder was entitled to, took and declined.
///
/// The right is a fraction of the securities the round sells (YC pro rata side letter, NVCA
/// Investors' Rights Agreement): entitlement = floor(f × T) shares, T the shares the investors'
/// cheques buy at the round price. f is the holder's fully diluted shares ÷ (fully diluted −
/// unissued pool) under an IRA-style right, or its SAFEs' conversion shares ÷ (pre-round
/// capitalization + unissued pool + every conversion share) under a side letter, both before
/// the round's pool increase. The shares come out of the investors' (the lead's first) unless
/// the round puts them on top.
public struct ProRataAllocation: Sendable, Hashable {
  /// The holder.
  public var holder: RoundParticipant
  /// The holder's fully diluted fraction before the new money.
  public var fraction: Ratio
  /// The most it may invest: its entitled shares at the round price.
  public var entitlement: Ratio
  /// What it invests: its shares at the round price.
  public var taken: Ratio
  /// Shares bought: floor(taken ÷ round price).
  public var shares: Shares

  /// The part of the entitlement not taken.
  public var declined: Ratio { entitlement - taken }
}
