import CapstanModel

/// A SAFE or convertible note still outstanding when the company is sold.
///
/// The YC post-money safe's liquidity-event clause (section 1(b)) pays the greater of the
/// "Cash-Out Amount" (the purchase amount; for a note, principal and accrued interest) and the
/// "Conversion Amount" (what the common shares it would convert into at the "Liquidity Price"
/// receive). The waterfall treats it as a non-participating claim of `amount + interest` that
/// converts into its Conversion Amount shares when that pays strictly more, ranked by `rank`.
public struct OutstandingConvertible: Sendable, Hashable {
  /// SAFE or convertible note.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A SAFE.
    case safe
    /// A convertible note.
    case note
  }

  /// How many common shares the Conversion Amount counts.
  public enum Conversion: Sendable, Hashable {
    /// A number of shares the caller computed (a hand-built model); no cap, no conversion: 0.
    case shares(Shares)
    /// At the Liquidity Price, cap ÷ Liquidity Capitalization, which the waterfall computes
    /// from the capitalization it pays (see `LiquidityCapitalization`).
    case liquidityPrice(cap: Ratio, LiquidityCapitalization)
  }

  /// The security's name, unique in the capitalization ("SAFE-1").
  public var name: String
  /// The stakeholder holding it: what the waterfall joins holdings on.
  public var holder: Stakeholder.ID
  /// The holder's name, for display only.
  public var holderName: String
  /// SAFE or note.
  public var kind: Kind
  /// The purchase amount (SAFE) or principal (note).
  public var amount: Ratio
  /// Interest accrued to the exit (notes); zero for SAFEs.
  public var interest: Ratio
  /// How its conversion shares are found.
  public var conversion: Conversion
  /// Where its cash-out amount is paid: on par with preferred (default), a rank, or as debt.
  public var rank: ConvertibleRank

  /// A SAFE or note outstanding at the exit that converts into a given number of shares, held
  /// by a party of a hand-built capitalization, whose id is its name.
  public init(
    _ name: String, holder: String, kind: Kind = .safe, amount: Ratio, interest: Ratio = .zero,
    asConvertedShares: Shares, rank: ConvertibleRank = .withPreferred
  ) {
    self.init(
      name, holder: Stakeholder.ID(holder), holderName: holder, kind: kind, amount: amount,
      interest: interest, conversion: .shares(asConvertedShares), rank: rank)
  }

  /// A SAFE or note outstanding at the exit, held by a party of a hand-built capitalization,
  /// whose id is its name.
  public init(
    _ name: String, holder: String, kind: Kind = .safe, amount: Ratio, interest: Ratio = .zero,
    conversion: Conversion, rank: ConvertibleRank = .withPreferred
  ) {
    self.init(
      name, holder: Stakeholder.ID(holder), holderName: holder, kind: kind, amount: amount,
      interest: interest, conversion: conversion, rank: rank)
  }

  /// A SAFE or note outstanding at the exit, held by stakeholder `holder` shown as `holderName`.
  public init(
    _ name: String, holder: Stakeholder.ID, holderName: String, kind: Kind = .safe,
    amount: Ratio, interest: Ratio = .zero, conversion: Conversion,
    rank: ConvertibleRank = .withPreferred
  ) {
    self.name = name
    self.holder = holder
    self.holderName = holderName
    self.kind = kind
    self.amount = amount
    self.interest = interest
    self.conversion = conversion
    self.rank = rank
  }

  /// The Cash-Out Amount: the purchase amount or principal, plus interest accrued.
  public var cashOutAmount: Ratio { amount + interest }
}

/// What a convertible's Liquidity Capitalization counts, as its document defines it.
///
/// Both YC forms count the capital stock outstanding as converted to common and the options
/// outstanding, and leave out the unissued option pool; they differ on the converting
/// securities (docs/waterfall.md).
public enum LiquidityCapitalization: String, Sendable, Hashable, CaseIterable {
  /// The YC post-money safe: also every converting security's own conversion shares, this one
  /// included (circular, solved exactly).
  case postMoney = "post-money"
  /// The YC pre-money safe: no safes and no convertible notes ("excluding ... this instrument,
  /// other Safes, and convertible promissory notes").
  case preMoney = "pre-money"
}
