import CapstanModel

/// One line of the pro forma table: a holder or group, or the unissued pool.
public struct ProFormaRow: Sendable, Hashable {
  /// What the line is.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// A holder or group (existing, converting, investing, or several of these).
    case holder
    /// The unissued pool.
    case pool
  }

  /// The holder's or group's display name, or "Unissued pool".
  public var name: String
  /// Holder or pool.
  public var kind: Kind
  /// The holder the line is joined on (nil for the pool).
  public var holder: RoundParticipant? = nil
  /// Fully diluted shares before the round (stock, options, or the existing pool).
  public var before: Shares
  /// Shares from SAFEs and notes.
  public var conversion: Shares
  /// Shares bought as a new investor.
  public var newMoney: Shares
  /// Shares bought under a pro rata right.
  public var proRata: Shares
  /// New pool shares (the pool line only).
  public var poolIncrease: Shares
  /// Common added to the holder's preferred as converted by the round's anti-dilution
  /// adjustments.
  public var antiDilution: Shares = .zero
  /// `before` over the pre-round fully diluted total.
  public var fractionBefore: Ratio
  /// `after` over post-money fully diluted shares.
  public var fractionAfter: Ratio

  /// The stakeholder of a holder from a ledger (nil for new investors and the pool).
  public var stakeholder: Stakeholder.ID? { holder?.stakeholder }

  /// Fully diluted shares after the round.
  public var after: Shares {
    before + conversion + newMoney + proRata + poolIncrease + antiDilution
  }

  /// The relative fall in ownership, 1 − after ÷ before, or nil for a holder new to the table.
  public var dilution: Ratio? {
    fractionBefore.isZero ? nil : .one - fractionAfter / fractionBefore
  }
}

/// The capitalization before and after the round; fractions are exact and each column adds to 1.
public struct ProFormaTable: Sendable, Hashable {
  /// Holders in input order (pre-round holdings, then new holders), the pool last.
  public var rows: [ProFormaRow]
  /// Fully diluted shares before the round.
  public var totalBefore: Shares
  /// Fully diluted shares after the round.
  public var totalAfter: Shares

  /// The line of `holder` (joined on its key: a stakeholder's id, or a new investor's name).
  public func row(_ holder: RoundParticipant) -> ProFormaRow? {
    rows.first { $0.holder?.key == holder.key }
  }

  /// The line of a stakeholder of the ledger.
  public func row(stakeholder: Stakeholder.ID) -> ProFormaRow? {
    rows.first { $0.stakeholder == stakeholder }
  }

  /// The unissued pool's line.
  public var pool: ProFormaRow? { rows.first { $0.kind == .pool } }
}
