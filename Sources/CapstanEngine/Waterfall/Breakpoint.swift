import CapstanModel

/// An exit value at which some payout changes slope: the payouts are linear between two
/// consecutive breakpoints.
public struct Breakpoint: Sendable, Hashable {
  /// What happens at a breakpoint.
  public enum Event: Sendable, Hashable {
    /// The exit value covers expenses and carve-out: the holders start to receive.
    case proceedsBegin
    /// Every preference of a seniority rank is paid in full (names: the classes and
    /// convertibles of the rank).
    case preferenceFilled(seniority: Int, names: [String])
    /// A class or convertible converts to common above this exit value.
    case converts(String)
    /// A capped participating class reaches its cap.
    case capReached(String)
    /// Options or warrants at `strike` come into the money above this exit value.
    case optionsInTheMoney(strike: Ratio, count: Shares)
  }

  /// The exit value.
  public var exitValue: Ratio
  /// The proceeds the holders share there.
  public var distributable: Ratio
  /// What one common share receives there.
  public var commonPerShare: Ratio
  /// What happens there, most senior first.
  public var events: [Event]
}
