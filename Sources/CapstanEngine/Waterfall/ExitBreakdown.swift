import CapstanModel

/// A class's payout at an exit split into what the documents call it: preference, then
/// participation, or the as-converted amount when the class converted (or is common).
public struct ExitBreakdown: Sendable, Hashable {
  /// The liquidation preference paid (preferred that did not convert).
  public var preference: Ratio?
  /// What it took beyond its preference by participating.
  public var participation: Ratio?
  /// What it took as common (common, or preferred that converted).
  public var asConverted: Ratio?
  /// Payout ÷ what the class paid in (original issue price × shares), for preferred.
  public var multiple: Ratio?

  /// The breakdown of `payout` for `item`: a preference is at most multiple × original issue
  /// price × shares; anything above it is participation.
  public init(_ item: WaterfallClass, payout: Ratio, converted: Bool) {
    guard let terms = item.terms else {
      asConverted = payout
      return
    }
    let invested = terms.originalIssuePrice * item.shares.ratio
    multiple = invested.isZero ? nil : payout / invested
    if converted {
      asConverted = payout
      return
    }
    let full = terms.preferenceMultiple * invested
    let preferencePaid = min(payout, full)
    preference = preferencePaid
    participation = payout - preferencePaid
  }
}
