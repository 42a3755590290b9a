import CapstanModel

/// Why a priced round cannot be modelled; each case names the offending input.
public enum RoundError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A pre-money or post-money valuation at or below zero.
  case nonPositiveValuation(Ratio)
  /// A stated price per share at or below zero.
  case nonPositivePrice(Ratio)
  /// The exact price rounds to zero under the rounding policy.
  case zeroRoundPrice(exact: Ratio)
  /// A post-money valuation that does not exceed the new money, leaving no pre-money value.
  case postMoneyNotAboveNewMoney(postMoney: Ratio, newMoney: Ratio)
  /// A round without any new investor.
  case noInvestors
  /// An investor's amount at or below zero.
  case nonPositiveInvestment(investor: String, amount: Ratio)
  /// The same investor named twice.
  case duplicateInvestor(String)
  /// A pool target outside 0 % ..< 100 % of post-money fully diluted.
  case poolTargetOutOfRange(Ratio)
  /// No pool increase reaches the target (the new money alone takes too large a share).
  case poolTargetUnreachable(target: Ratio)
  /// An explicit pool increase below zero.
  case negativePoolIncrease(Shares)
  /// A holding with negative stock or options, or a negative unissued pool.
  case negativeHolding(holder: String)
  /// A holder named twice in the pre-round capitalization.
  case duplicateHolder(String)
  /// A pre-round capitalization with no shares at all.
  case emptyCapitalization
  /// Two converting securities with the same id.
  case duplicateSecurity(SecurityID)
  /// A SAFE purchase amount or note principal at or below zero.
  case nonPositiveAmount(security: SecurityID, amount: Ratio)
  /// A valuation cap at or below zero.
  case nonPositiveCap(security: SecurityID, cap: Ratio)
  /// A discount outside 0 ..< 1.
  case discountOutOfRange(security: SecurityID, discount: Ratio)
  /// A note's interest rate below zero.
  case negativeInterestRate(security: SecurityID, rate: Ratio)
  /// A round closing before a note was issued.
  case closingBeforeIssue(security: SecurityID, issued: CalendarDate, closing: CalendarDate)
  /// An MFN election naming a SAFE that is not in the round.
  case unknownSecurity(SecurityID)
  /// An MFN election naming the SAFE itself, or a SAFE that itself adopts other terms.
  case invalidMFNReference(security: SecurityID, adopting: SecurityID)
  /// An MFN election naming a SAFE issued before the electing one.
  case mfnTermsNotLater(security: SecurityID, adopting: SecurityID)
  /// The converting securities would take the whole capitalization or more (caps too low for
  /// their amounts, or amounts converting at the round price above the pre-money valuation).
  case conversionsExceedCapitalization
  /// The conversion terms did not settle on one binding term per security.
  case conversionDidNotConverge
  /// The rounded price and the conversion shares did not settle on a consistent pair.
  case priceDidNotSettle
  /// A pro rata election by a holder without a pro rata right.
  case noProRataRight(holder: String)
  /// Two pro rata elections by one holder.
  case duplicateProRataElection(holder: String)
  /// A pro rata amount below zero.
  case negativeProRataAmount(holder: String, amount: Ratio)
  /// A pro rata amount above the holder's fully diluted share of the round.
  case proRataExceedsEntitlement(holder: String, requested: Ratio, entitlement: Ratio)
  /// Pro rata purchases carved out of the round take more shares than the investors buy.
  case proRataExceedsRound(proRata: Shares, round: Shares)
  /// A share count beyond what can be represented.
  case overflow(String)

  /// A sentence a user can act on.
  public var description: String {
    switch self {
    case .nonPositiveValuation(let value):
      "the valuation must be above zero (got \(Self.money(value)))"
    case .nonPositivePrice(let price):
      "the price per share must be above zero (got \(price.exactDecimalString ?? "\(price)"))"
    case .zeroRoundPrice(let exact):
      "the price per share \(exact.decimalString(places: 10)) rounds to zero; "
        + "check the valuation and the share counts"
    case .postMoneyNotAboveNewMoney(let postMoney, let newMoney):
      "the post-money valuation \(Self.money(postMoney)) must exceed the new money "
        + "\(Self.money(newMoney))"
    case .noInvestors:
      "a priced round needs at least one investor"
    case .nonPositiveInvestment(let investor, let amount):
      "investor '\(investor)' must invest more than zero (got \(Self.money(amount)))"
    case .duplicateInvestor(let investor):
      "investor '\(investor)' is named more than once; give one amount per investor"
    case .poolTargetOutOfRange(let target):
      "the pool target must be at least 0 % and below 100 % (got \(target.percentString()))"
    case .poolTargetUnreachable(let target):
      "no pool increase reaches \(target.percentString()) of post-money fully diluted: "
        + "the new money takes too large a share; lower the target or raise the valuation"
    case .negativePoolIncrease(let shares):
      "the pool increase must not be negative (got \(shares))"
    case .negativeHolding(let holder):
      "'\(holder)' has a negative number of shares or options"
    case .duplicateHolder(let holder):
      "'\(holder)' appears more than once in the pre-round capitalization"
    case .emptyCapitalization:
      "the pre-round capitalization has no shares, options or pool"
    case .duplicateSecurity(let id):
      "security \(id) is listed more than once"
    case .nonPositiveAmount(let id, let amount):
      "security \(id) must have an amount above zero (got \(Self.money(amount)))"
    case .nonPositiveCap(let id, let cap):
      "security \(id) must have a valuation cap above zero (got \(Self.money(cap)))"
    case .discountOutOfRange(let id, let discount):
      "security \(id) has a discount of \(discount.percentString()); "
        + "it must be at least 0 % and below 100 %"
    case .negativeInterestRate(let id, let rate):
      "note \(id) has a negative interest rate (\(rate.percentString()))"
    case .closingBeforeIssue(let id, let issued, let closing):
      "the round closes on \(closing), before note \(id) was issued (\(issued))"
    case .unknownSecurity(let id):
      "no SAFE \(id) in this round"
    case .invalidMFNReference(let id, let adopting):
      "SAFE \(id) cannot adopt the terms of \(adopting): it must name another SAFE "
        + "that keeps its own terms"
    case .mfnTermsNotLater(let id, let adopting):
      "SAFE \(id) can adopt the terms of a later SAFE only; \(adopting) was issued earlier"
    case .conversionsExceedCapitalization:
      "the SAFEs and notes would convert into the whole company or more; "
        + "their caps are too low, or their amounts too large, for this valuation"
    case .conversionDidNotConverge:
      "the conversion terms did not settle; please report this input"
    case .priceDidNotSettle:
      "the rounded price and the conversion shares did not settle; please report this input"
    case .noProRataRight(let holder):
      "'\(holder)' has no pro rata right in this round"
    case .duplicateProRataElection(let holder):
      "'\(holder)' has more than one pro rata election"
    case .negativeProRataAmount(let holder, let amount):
      "'\(holder)' cannot take a negative pro rata amount (\(Self.money(amount)))"
    case .proRataExceedsEntitlement(let holder, let requested, let entitlement):
      "'\(holder)' asks for \(Self.money(requested)) but its pro rata share of the round is "
        + "\(Self.money(entitlement))"
    case .proRataExceedsRound(let proRata, let round):
      "pro rata purchases of \(proRata) shares exceed the \(round) shares the investors buy "
        + "(use --pro-rata-on-top to add them to the round)"
    case .overflow(let what):
      "the numbers are too large to compute (\(what))"
    }
  }

  static func money(_ value: Ratio) -> String {
    (value.isNegative ? "-" : "") + value.magnitude.decimalString(places: 2, grouping: true)
  }
}
