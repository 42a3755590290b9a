import CapstanModel

/// Why a waterfall cannot be computed; each case names the offending input.
public enum WaterfallError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A holding, option count or convertible with a negative number of shares.
  case negativeShares(holder: String, security: String)
  /// A price, multiple, amount or ratio below zero where it must not be.
  case negativeAmount(what: String, Ratio)
  /// A conversion ratio at or below zero.
  case nonPositiveConversionRatio(class: String, Ratio)
  /// A participation cap below the preference multiple.
  case capBelowPreference(class: String, cap: Ratio, preference: Ratio)
  /// A carve-out fraction outside 0 ..< 1.
  case carveOutOutOfRange(Ratio)
  /// Two classes or convertibles with the same name.
  case duplicateName(String)
  /// Nobody could receive proceeds above the preferences (no common, nothing converts).
  case noResidualClaimant
  /// An exit value below zero.
  case negativeExitValue(Ratio)
  /// A class, convertible or holder that is not in the capitalization.
  case unknown(String)
  /// A count beyond what can be represented.
  case overflow(String)
  /// Post-money convertibles whose amounts add up to their caps or more: together they would
  /// take the whole company, so no Liquidity Capitalization exists.
  case capsExceedCapitalization([String])
  /// A convertible's valuation cap at or below zero.
  case nonPositiveValuationCap(convertible: String, Ratio)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .negativeShares(let holder, let security):
      "'\(holder)' holds a negative number of \(security)"
    case .negativeAmount(let what, let value):
      "the \(what) must not be negative (got \(Self.decimal(value)))"
    case .nonPositiveConversionRatio(let name, let ratio):
      "class '\(name)' must convert into more than zero common shares (ratio \(Self.decimal(ratio)))"
    case .capBelowPreference(let name, let cap, let preference):
      "class '\(name)' has a participation cap of \(Self.decimal(cap))x, below its "
        + "\(Self.decimal(preference))x preference"
    case .carveOutOutOfRange(let fraction):
      "the carve-out must be at least 0 % and below 100 % (got \(fraction.percentString()))"
    case .duplicateName(let name):
      "'\(name)' is named more than once; classes and convertibles need distinct names"
    case .noResidualClaimant:
      "nobody can receive proceeds above the preferences: add common stock or a class "
        + "that converts"
    case .negativeExitValue(let value):
      "the exit value must not be negative (got \(Self.decimal(value)))"
    case .unknown(let name):
      "'\(name)' is not in the capitalization"
    case .overflow(let what):
      "the numbers are too large to compute (\(what))"
    case .capsExceedCapitalization(let names):
      "the post-money convertibles \(names.joined(separator: ", ")) together buy 100 % or more "
        + "of the company at their caps (the sum of amount ÷ cap is at least 1), so they have "
        + "no Liquidity Price"
    case .nonPositiveValuationCap(let name, let cap):
      "the valuation cap of '\(name)' must be above zero (got \(Self.decimal(cap)))"
    }
  }

  static func decimal(_ value: Ratio) -> String {
    value.exactDecimalString ?? value.fractionString
  }
}
